// The hint's search, off the main thread: runs the breadth-first solver from the player's current
// state, so the first move of the schedule it returns is the next move of a shortest win.

import type { Move, OutcomeKind } from "../engine/index";
import { solve } from "./solve";
import { serveLevelRequests, type ErrorReply, type ProgressReply } from "./worker-host";

export interface HintRequest {
  levelText: string;
  /** The player's current state (GameState.packed). */
  packed: Int32Array;
  maxStates: number;
  /** Partial-order reduction (REDUCTION.md): for proofs; a win is still a shortest one. */
  reduce?: boolean;
}

export type HintReply =
  | ProgressReply
  | { type: "result"; verdict: "breakable" | "safe" | "unknown"; outcome?: OutcomeKind; schedule?: Move[]; states: number }
  | ErrorReply;

serveLevelRequests<HintRequest, HintReply>(({ program }, data, reply) => {
  const result = solve(program, {
    from: data.packed,
    maxStates: data.maxStates,
    reduce: data.reduce,
    onProgress: (states, depth) => reply({ type: "progress", states, depth }),
  });
  reply({ type: "result", verdict: result.verdict, outcome: result.outcome, schedule: result.schedule, states: result.states });
});
