// A shortest schedule that ends with a given outcome, for hardware mode's "Show a schedule for
// this": the same breadth-first search as the solver (explore.ts), ended by the outcome a trial
// had (its kind, the thread and line of an assert or exception, a finished run's shared state)
// instead of the level's win. Under sequential consistency first; when SC has none, under TSO.

import { compileLevel, type Level, type LevelSpec, type MemoryModel, type Move, type OutcomeKind, type OutcomeScheduleAnswer } from "../engine/index";
import type { Program } from "../engine/machine";
import { Exploration } from "./explore";

/** The outcome a schedule must end with. */
export interface OutcomeTarget {
  kind: OutcomeKind;
  /** The thread that failed, threw or exited, when known. */
  thread?: number;
  /** The line of that statement, when known (a line, not an instruction: SC and TSO compile apart). */
  line?: number;
  /** For "finished": the shared values the run must end with (Program.sharedLength of them). */
  shared?: readonly number[];
}

export type ScheduleSearch =
  | { status: "found"; schedule: Move[]; states: number }
  | { status: "none"; states: number }
  | { status: "unknown"; states: number };

// The answer is the engine's plain-data type, so the store can keep it (search-slice.ts).
export type { MemoryModel, OutcomeScheduleAnswer };

export interface ScheduleOptions {
  maxStates: number;
  /** Called now and then; return false to give up (status "unknown"). */
  onProgress?: (states: number, depth: number) => boolean | void;
}

/** States expanded between two looks at what was found (and `onProgress`). */
const SLICE = 0x4000;

/** A shortest schedule of `p` from its start that ends with `target`, or none, or unknown at the budget. */
export function scheduleForOutcome(p: Program, target: OutcomeTarget, options: ScheduleOptions): ScheduleSearch {
  const lineOf = (pc: number) => p.statements[p.statementOf[pc]].span.start.line;
  const shared = target.shared;
  let finishedAt = -1;
  const search = new Exploration(
    p,
    {
      outcome: (kind, _state, thread, fault) =>
        kind === target.kind &&
        (thread < 0 || target.thread === undefined || thread === target.thread) &&
        (thread < 0 || target.line === undefined || lineOf(fault.pc) === target.line),
      finished: (s, state) => {
        if (target.kind !== "finished" || finishedAt >= 0) return;
        if (shared === undefined || shared.every((v, k) => s[k] === v)) finishedAt = state;
      },
    },
    options.maxStates,
  );
  // States are numbered breadth first: the first finished state that matches has a shortest schedule.
  for (let pauseAt = SLICE; ; pauseAt += SLICE) {
    const status = search.run(pauseAt);
    if (finishedAt >= 0) return { status: "found", schedule: search.movesTo(finishedAt), states: search.states };
    if (status === "stopped" && search.stop) {
      return { status: "found", schedule: search.movesTo(search.stop.state, search.stop.thread), states: search.states };
    }
    if (status === "complete") return { status: "none", states: search.states };
    if (status === "budget") return { status: "unknown", states: search.states };
    if (options.onProgress?.(search.states, search.depth) === false) return { status: "unknown", states: search.states };
  }
}

/** The same level under another memory model: its spec compiled with that `"memoryModel"`; null if that does not compile. */
export function underModel(spec: LevelSpec, model: MemoryModel): Program | null {
  const compiled = compileLevel({ ...spec, options: { ...spec.options, memoryModel: model } });
  return compiled.ok ? compiled.value : null;
}

/** The same level under TSO (its "TSO twin"). */
export const underTSO = (spec: LevelSpec): Program | null => underModel(spec, "tso");

/**
 * The search hardware mode asks for, on `level`: under SC (unless the level is TSO already), then
 * under TSO when SC has no such schedule. A search that hits the budget ends it: "unknown".
 */
export function outcomeSchedule({ spec, program: level }: Level, target: OutcomeTarget, options: ScheduleOptions): OutcomeScheduleAnswer {
  const tried: MemoryModel[] = [];
  if (!level.tso) {
    const sc = scheduleForOutcome(level, target, options);
    if (sc.status === "found") return { status: "found", model: "sc", schedule: sc.schedule };
    if (sc.status === "unknown") return { status: "unknown", model: "sc", states: sc.states };
    tried.push("sc");
  }
  const tso = level.tso ? level : underTSO(spec);
  if (!tso) return { status: "none", tried };
  const found = scheduleForOutcome(tso, target, options);
  if (found.status === "found") return { status: "found", model: "tso", schedule: found.schedule };
  if (found.status === "unknown") return { status: "unknown", model: "tso", states: found.states };
  return { status: "none", tried: [...tried, "tso"] };
}
