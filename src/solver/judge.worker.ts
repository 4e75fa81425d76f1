// The fix-it judge, off the main thread: parses the level (cached while it stays the same), judges
// the student's code and reports its progress now and then. Cancelling is ending the worker.
// Compiled without the DOM library, like the rest of the solver, so the worker scope is described here.

import { parseLevel, type LevelSpec } from "../engine/index";
import { judge, type FixCode, type Verdict } from "./judge";

export interface JudgeRequest {
  levelText: string;
  code: FixCode;
  maxStates: number;
}

export type JudgeReply =
  | { type: "progress"; states: number; depth: number }
  | { type: "result"; verdict: Verdict }
  | { type: "error"; message: string };

interface WorkerScope {
  addEventListener(type: "message", listener: (event: { data: JudgeRequest }) => void): void;
  postMessage(reply: JudgeReply): void;
}

const scope = globalThis as unknown as WorkerScope;
let cached: { text: string; spec: LevelSpec } | null = null;

scope.addEventListener("message", ({ data }) => {
  if (cached?.text !== data.levelText) {
    const parsed = parseLevel(data.levelText);
    if (!parsed.ok) return scope.postMessage({ type: "error", message: parsed.error.map((e) => e.message).join("; ") });
    cached = { text: data.levelText, spec: parsed.value.spec };
  }
  if (!cached.spec.fix) return scope.postMessage({ type: "error", message: "this level is not a fix-it level" });
  const verdict = judge(cached.spec, data.code, {
    maxStates: data.maxStates,
    onProgress: (states, depth) => scope.postMessage({ type: "progress", states, depth }),
  });
  scope.postMessage({ type: "result", verdict });
});
