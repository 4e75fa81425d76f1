// The fix-it judge: compiles a fix-it level with the student's code for its editable threads and
// explores every reachable state of that program, breadth first, to say whether the fix holds.
// It is the one search (explore.ts, through solve.ts), told which outcomes are forbidden and
// watching every finished state for the requirements. Pure: no DOM, no I/O. The level's rules it
// applies (the student's code, what is forbidden, what a verdict means) are the engine's, in fix.ts.

import {
  compileFix, forbiddenOutcomes, wrongFinals, type FixCode, type FixVerdict, type LevelSpec, type Move, type Program, type WrongFinal,
} from "../engine/index";
import { DEFAULT_MAX_STATES, searchOnce } from "./solve";

/** The judge's verdict: the engine's FixVerdict, which the check report and the screens read. */
export type Verdict = FixVerdict;

export interface JudgeOptions {
  /** Stop with verdict "unknown" after storing this many states (default: the solver's). */
  maxStates?: number;
  /** Called now and then; return false to stop (verdict "unknown"). */
  onProgress?: (states: number, depth: number) => boolean | void;
  /**
   * Partial-order reduction (REDUCTION.md) for the proof: a fix that holds is proved with fewer
   * states. Any other verdict is searched for again without it, so that schedules are shortest
   * and every verdict is the plain search's.
   */
  reduce?: boolean;
}

/** Judges the student's fix of a fix-it level. Never throws on bad code: that is verdict "invalid". */
export function judge(spec: LevelSpec, code: FixCode, options: JudgeOptions = {}): Verdict {
  const compiled = compileFix(spec, code);
  if (!compiled.ok) return { verdict: "invalid", problems: compiled.error };
  return judgeProgram(compiled.value.program, options);
}

/** The judge's search over an already compiled fixed program (its spec carries `fix`). */
export function judgeProgram(p: Program, options: JudgeOptions = {}): Verdict {
  const started = Date.now();
  if (!p.spec.fix) throw new Error("judgeProgram needs a fix-it level");
  if (options.reduce) {
    const reduced = judgeOnce(p, options, true, started);
    if (reduced.verdict.verdict === "fixed" || !reduced.reduced || reduced.cancelled) return reduced.verdict;
  }
  return judgeOnce(p, options, false, started).verdict;
}

function judgeOnce(p: Program, options: JudgeOptions, reduce: boolean, started: number): { verdict: Verdict; reduced: boolean; cancelled: boolean } {
  const fix = p.spec.fix!;
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  let finishedSeen = false;
  let wrongFinal: (WrongFinal & { schedule: Move[] }) | null = null;
  // The solver's own search, with the forbidden outcomes as its "wins", watching every finished
  // state for the requirements.
  const result = searchOnce(p, {
    maxStates,
    onProgress: options.onProgress,
    win: forbiddenOutcomes(fix),
    onFinished: (state, movesTo) => {
      finishedSeen = true;
      if (wrongFinal) return;
      const [wrong] = wrongFinals(p, fix, state);
      if (wrong) wrongFinal = { ...wrong, schedule: movesTo() };
    },
  }, reduce, started);
  const stats = { states: result.states, ms: Date.now() - started };
  const verdict = ((): Verdict => {
    if (result.verdict === "unknown") return { verdict: "unknown", ...stats };
    if (result.verdict === "breakable") return { verdict: "broken", outcome: result.outcome!, schedule: result.schedule!, ...stats };
    if (wrongFinal) {
      const { name, expected, actual, schedule } = wrongFinal;
      return { verdict: "requirement", requirement: "final", variable: name, expected, actual, schedule, ...stats };
    }
    if (fix.require.finish && !finishedSeen) return { verdict: "requirement", requirement: "finish", ...stats };
    return { verdict: "fixed", ...stats };
  })();
  return { verdict, reduced: result.reduced, cancelled: result.cancelled };
}
