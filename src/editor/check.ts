// "Check" in the editor: what `levels check` says of a level, computed in the browser. The search
// runs in a Web Worker (search-workers.ts, from the level's first state), reports its progress and
// can be cancelled, so the page never waits on it. The verdict
// is then read against what the level claims, and its `solution` is replayed, as the CLI does.

import { initialState, solutionProblem as replaySolutionProblem, type Level, type Move, type OutcomeKind } from "../engine/index";
import { currentCode, fixLevelProblems, type FixCode, type Verdict } from "../solver/judge";
import { claimProblem, DEFAULT_MAX_STATES } from "../solver/solve";
import { judgeInWorker, searchInWorker, type SearchHandlers } from "../ui/search-workers";

export interface CheckReport {
  verdict: "breakable" | "safe" | "unknown";
  outcome: OutcomeKind | null;
  /** A shortest winning schedule, when there is one. */
  schedule: Move[] | null;
  states: number;
  ms: number;
  /** What the level says it is ("breakable": false is a prove-it level). */
  breakable: boolean;
  /** Why the level would not pass `levels check`, in the CLI's words; empty when it passes. */
  problems: string[];
  /** null when the level gives no solution. */
  solutionReplays: boolean | null;
  /** A fix-it level's: what the judge says of its broken code and of its reference fix. */
  fix?: { broken: Verdict; reference: Verdict };
}

export type CheckState =
  | { status: "idle" }
  | { status: "running"; text: string; states: number; depth: number }
  | { status: "done"; text: string; level: Level; report: CheckReport }
  | { status: "stopped"; text: string; states: number }
  | { status: "failed"; text: string; message: string };

export const CHECK_STATE_BUDGET = DEFAULT_MAX_STATES;

/**
 * Starts a check of `level` (parsed from `text`); `onUpdate` hears its progress and its end.
 * Returns a function that cancels it.
 */
export function startCheck(text: string, level: Level, onUpdate: (state: CheckState) => void, budget = CHECK_STATE_BUDGET): () => void {
  const started = performance.now();
  let over = false;
  let states = 0;
  let cancel: () => void = () => {};
  const end = (state: CheckState) => {
    over = true;
    onUpdate(state);
  };
  const handlers = <R>(then: (result: R) => void): SearchHandlers<R> => ({
    progress: (seen, depth) => {
      states = seen;
      onUpdate({ status: "running", text, states: seen, depth });
    },
    result: then,
    failed: (message) => end({ status: "failed", text, message }),
  });
  /** Judges `code` in a worker of its own, then hands the verdict on. */
  const judgeNext = (code: FixCode, then: (verdict: Verdict) => void) => {
    cancel = judgeInWorker({ levelText: text, code, maxStates: budget, reduce: true }, handlers(then));
  };

  onUpdate({ status: "running", text, states: 0, depth: 0 });
  cancel = searchInWorker(
    { levelText: text, packed: initialState(level.program).packed, maxStates: budget, reduce: true },
    handlers((found) => {
      const report = reportOf(level, { ...found, ms: Math.round(performance.now() - started) });
      if (!level.spec.fix) return end({ status: "done", text, level, report });
      // A fix-it level: then judge its broken code and its reference fix, as levels check does.
      const spec = level.spec;
      judgeNext(currentCode(spec), (broken) =>
        judgeNext(spec.fix!.reference, (reference) => {
          report.fix = { broken, reference };
          report.problems.push(...fixLevelProblems(spec, broken, reference));
          end({ status: "done", text, level, report });
        }),
      );
    }),
  );
  return () => {
    if (over) return;
    cancel();
    end({ status: "stopped", text, states });
  };
}

export interface SearchResult {
  verdict: CheckReport["verdict"];
  outcome?: OutcomeKind;
  schedule?: Move[];
  states: number;
  ms: number;
}

/** The verdict, read against the level's claim and its solution, as `levels check` reads it. */
export function reportOf(level: Level, result: SearchResult): CheckReport {
  const { spec } = level;
  const problems: string[] = [];
  const schedule = result.schedule ?? null;
  if (schedule?.length === 0) problems.push(`the level is already won before any move (${result.outcome})`);
  else if (result.verdict === "unknown") problems.push(`the search gave up after ${result.states.toLocaleString("en-US")} states`);
  else {
    const claim = claimProblem(spec.breakable, result.verdict);
    if (claim) problems.push(claim);
  }
  let solutionReplays: boolean | null = null;
  if (spec.solution) {
    const problem = solutionProblem(level, spec.solution);
    solutionReplays = problem === null;
    if (problem) problems.push(`the solution does not replay: ${problem}`);
  }
  return {
    verdict: result.verdict, outcome: result.outcome ?? null, schedule, states: result.states, ms: result.ms,
    breakable: spec.breakable, problems, solutionReplays,
  };
}

/** Why `solution` does not replay to a win, or null when it does (the engine's words, as the CLI's). */
export function solutionProblem({ program }: Level, solution: readonly (string | number)[]): string | null {
  return replaySolutionProblem(program, solution);
}
