// The hint's search, off the main thread: parses the level (cached while it stays the same) and
// runs the breadth-first solver from the player's current state, so the first move of the
// schedule it returns is the next move of a shortest win. Compiled without the DOM library, like
// the rest of the solver, so the worker scope is described here.

import { parseLevel, type Move, type OutcomeKind, type Program } from "../engine/index";
import { solve } from "./solve";

export interface HintRequest {
  levelText: string;
  /** The player's current state (GameState.packed). */
  packed: Int32Array;
  maxStates: number;
}

export type HintReply =
  | { type: "progress"; states: number; depth: number }
  | { type: "result"; verdict: "breakable" | "safe" | "unknown"; outcome?: OutcomeKind; schedule?: Move[]; states: number }
  | { type: "error"; message: string };

interface WorkerScope {
  addEventListener(type: "message", listener: (event: { data: HintRequest }) => void): void;
  postMessage(reply: HintReply): void;
}

const scope = globalThis as unknown as WorkerScope;
let cached: { text: string; program: Program } | null = null;

scope.addEventListener("message", ({ data }) => {
  if (cached?.text !== data.levelText) {
    const parsed = parseLevel(data.levelText);
    if (!parsed.ok) return scope.postMessage({ type: "error", message: parsed.error.map((e) => e.message).join("; ") });
    cached = { text: data.levelText, program: parsed.value.program };
  }
  const result = solve(cached.program, {
    from: data.packed,
    maxStates: data.maxStates,
    onProgress: (states, depth) => scope.postMessage({ type: "progress", states, depth }),
  });
  scope.postMessage({ type: "result", verdict: result.verdict, outcome: result.outcome, schedule: result.schedule, states: result.states });
});
