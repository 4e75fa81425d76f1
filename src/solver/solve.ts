// The solver: a shortest winning schedule, a proof that none exists, or "unknown" at the state
// budget. It is the one breadth-first search (explore.ts) with the level's `win` outcomes as
// the ones that end it; this file only turns that search's end into a verdict.

import type { Move, OutcomeKind } from "../engine/index";
import type { Program } from "../engine/machine";
import { decodeMove, Exploration } from "./explore";

export { decodeMove };

export const DEFAULT_MAX_STATES = 5_000_000;
/** States expanded between two calls of `onProgress`. */
const PROGRESS_STATES = 0x10000;

export interface SolveOptions {
  /** Stop with verdict "unknown" after storing this many states. */
  maxStates?: number;
  /** Start here instead of the level's initial state (for "what next?" hints). */
  from?: Int32Array;
  /** Called now and then; return false to stop (verdict "unknown"). */
  onProgress?: (states: number, depth: number) => boolean | void;
  /** The outcomes that count as a win; default: the level's `win`. "exit" may be one (the fix-it judge). */
  win?: Iterable<OutcomeKind>;
  /**
   * Called for every reachable state in which every thread has finished, breadth first (so the
   * first call has a shortest schedule). `state` is reused after the call; `movesTo` gives the
   * moves from the start to it.
   */
  onFinished?: (state: Int32Array, movesTo: () => Move[]) => void;
  /**
   * Partial-order reduction (REDUCTION.md) for the search. A proof ("safe") then stores fewer
   * states. The answer is the plain search's: a win it finds is searched for again without
   * reduction, for a shortest schedule (unless `shortest` is false), and so is a search that ran
   * out of budget. With `onFinished`, finished states then come in no particular order.
   */
  reduce?: boolean;
  /** With `reduce`: false when any winning schedule will do, not only a shortest. */
  shortest?: boolean;
  /** With `reduce`: false for partial-order reduction without symmetry (for measurements). */
  symmetry?: boolean;
}

export interface SolveResult {
  verdict: "breakable" | "safe" | "unknown";
  /** The winning outcome the schedule reaches. */
  outcome?: OutcomeKind;
  schedule?: Move[];
  /** Distinct states stored (by the search that gave the answer). */
  states: number;
  /** Was that search reduced (REDUCTION.md)? */
  reduced: boolean;
  /** Depth of the search when it ended (moves from the start). */
  depth: number;
  ms: number;
  bytesPerState: number;
}

export function solve(p: Program, options: SolveOptions = {}): SolveResult {
  const started = Date.now();
  if (options.reduce) {
    const reduced = searchOnce(p, options, true, started);
    const exact = reduced.verdict === "safe" || (reduced.verdict === "breakable" && options.shortest === false);
    if (exact || !reduced.reduced || reduced.cancelled) return reduced;
  }
  return searchOnce(p, options, false, started);
}

/** One search, reduced or plain, with no second search behind it (`onFinished` hears each
 *  finished state once). `cancelled`: `onProgress` stopped it. */
export function searchOnce(p: Program, options: SolveOptions, reduce: boolean, started = Date.now()): SolveResult & { cancelled: boolean } {
  const win = new Set<string>(options.win ?? p.spec.win);
  const onFinished = options.onFinished;
  const search: Exploration = new Exploration(
    p,
    {
      outcome: (kind) => win.has(kind),
      finished: onFinished ? (state, idx) => onFinished(state, () => search.movesTo(idx)) : () => {},
    },
    options.maxStates ?? DEFAULT_MAX_STATES,
    options.from,
    { reduce, symmetry: options.symmetry, keepShared: onFinished !== undefined },
  );
  const result = (verdict: SolveResult["verdict"], cancelled = false): SolveResult & { cancelled: boolean } => {
    const stop = search.stop;
    const found = verdict === "breakable" && stop ? { outcome: stop.kind, schedule: search.movesTo(stop.state, stop.thread) } : {};
    return {
      verdict, states: search.states, depth: search.depth, ms: Date.now() - started, bytesPerState: search.bytesPerState,
      reduced: search.reduced, cancelled, ...found,
    };
  };
  for (let pauseAt = PROGRESS_STATES; search.run(pauseAt) === "paused"; pauseAt += PROGRESS_STATES) {
    if (options.onProgress?.(search.states, search.depth) === false) return result("unknown", true);
  }
  return result(search.status === "stopped" ? "breakable" : search.status === "complete" ? "safe" : "unknown");
}
