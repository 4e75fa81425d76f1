// "Check my fix": the judge in a Web Worker, so the page never waits on it. It reports its progress
// and is cancelled by ending the worker.

import type { FixCode, Verdict } from "../solver/judge";
import { DEFAULT_MAX_STATES } from "../solver/solve";
import { judgeInWorker } from "./search-workers";

export type FixCheckState =
  | { status: "idle" }
  | { status: "running"; code: FixCode; states: number; depth: number }
  | { status: "done"; code: FixCode; verdict: Verdict }
  | { status: "stopped"; code: FixCode; states: number }
  | { status: "failed"; code: FixCode; message: string };

/** Starts judging `code` on the fix-it level `levelText`; returns a function that cancels it. */
export function startFixCheck(levelText: string, code: FixCode, onUpdate: (state: FixCheckState) => void, budget = DEFAULT_MAX_STATES): () => void {
  let over = false;
  let states = 0;
  const end = (state: FixCheckState) => {
    over = true;
    onUpdate(state);
  };
  onUpdate({ status: "running", code, states: 0, depth: 0 });
  const cancel = judgeInWorker(
    { levelText, code, maxStates: budget, reduce: true },
    {
      progress: (seen, depth) => {
        states = seen;
        onUpdate({ status: "running", code, states: seen, depth });
      },
      result: (verdict) => end({ status: "done", code, verdict }),
      failed: (message) => end({ status: "failed", code, message }),
    },
  );
  return () => {
    if (over) return;
    cancel();
    end({ status: "stopped", code, states });
  };
}

/** Is this the same code, thread by thread? */
export function sameCode(a: FixCode, b: FixCode): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
