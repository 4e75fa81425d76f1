// "Check my fix": the judge in a Web Worker, so the page never waits on it. It reports its progress
// and is cancelled by ending the worker.

import type { FixCode, Verdict } from "../solver/judge";
import type { JudgeReply, JudgeRequest } from "../solver/judge.worker";
import { DEFAULT_MAX_STATES } from "../solver/solve";

export type FixCheckState =
  | { status: "idle" }
  | { status: "running"; code: FixCode; states: number; depth: number }
  | { status: "done"; code: FixCode; verdict: Verdict }
  | { status: "stopped"; code: FixCode; states: number }
  | { status: "failed"; code: FixCode; message: string };

/** Starts judging `code` on the fix-it level `levelText`; returns a function that cancels it. */
export function startFixCheck(levelText: string, code: FixCode, onUpdate: (state: FixCheckState) => void, budget = DEFAULT_MAX_STATES): () => void {
  const worker = new Worker(new URL("../solver/judge.worker.ts", import.meta.url), { type: "module" });
  let over = false;
  let states = 0;
  const end = (state: FixCheckState) => {
    if (over) return;
    over = true;
    worker.terminate();
    onUpdate(state);
  };
  worker.onmessage = ({ data }: MessageEvent<JudgeReply>) => {
    if (over) return;
    if (data.type === "progress") {
      states = data.states;
      return onUpdate({ status: "running", code, states: data.states, depth: data.depth });
    }
    if (data.type === "error") return end({ status: "failed", code, message: data.message });
    end({ status: "done", code, verdict: data.verdict });
  };
  worker.onerror = (e) => end({ status: "failed", code, message: e.message || "the check stopped unexpectedly" });
  onUpdate({ status: "running", code, states: 0, depth: 0 });
  const request: JudgeRequest = { levelText, code, maxStates: budget };
  worker.postMessage(request);
  return () => end({ status: "stopped", code, states });
}

/** Is this the same code, thread by thread? */
export function sameCode(a: FixCode, b: FixCode): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
