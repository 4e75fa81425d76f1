// The check of a level, as `levels check` and the editor's Check both give it: what the solver's
// search (and, for a fix-it level, the judge) found, read against what the level claims, with
// its problems in words. Pure: the searches run elsewhere (Node, a worker) and hand in plain data.

import { solutionProblem, type Move, type OutcomeKind } from "./engine";
import { fixLevelProblems } from "./fix-compile";
import type { FixVerdict } from "./fix";
import type { Level } from "./index";
import { levelKind, type LevelKind } from "./level-kind";
import type { LevelError } from "./result";

export type SearchVerdict = "breakable" | "safe" | "unknown";

/** What a search of every interleaving from the level's first state found (the solver's result is one). */
export interface SearchFindings {
  verdict: SearchVerdict;
  /** The winning outcome `schedule` reaches. */
  outcome?: OutcomeKind;
  /** A shortest winning schedule, when the verdict is "breakable". */
  schedule?: readonly Move[];
  states: number;
  ms: number;
}

/** What the judge said of a fix-it level's own (broken) code and of its reference fix. */
export interface FixFindings {
  broken: FixVerdict;
  reference: FixVerdict;
}

export interface CheckReport {
  kind: LevelKind;
  verdict: SearchVerdict;
  outcome: OutcomeKind | null;
  /** A shortest winning schedule, when there is one. */
  schedule: Move[] | null;
  /** Its length: the fewest moves that win. */
  shortest: number | null;
  states: number;
  ms: number;
  /** What the level says it is ("breakable": false is a prove-it level). */
  breakable: boolean;
  /** How the verdict contradicts `breakable`, or null. */
  claim: string | null;
  /** null when the level gives no solution. */
  solutionReplays: boolean | null;
  /** Why the solution does not replay to a win, when it does not. */
  solutionProblem: string | null;
  /** A fix-it level's, when the judge's findings were given: its verdicts, and what is wrong with them. */
  fix?: FixFindings & { problems: string[] };
  /** The problems that make the level invalid, positioned as `levels check` lists its errors:
   *  a level won before any move, a reference fix whose code does not compile. */
  errors: LevelError[];
  /** Why the level would not pass `levels check`, in words; empty when it passes. */
  problems: string[];
}

/** How a verdict contradicts the level's `breakable` claim; null when it agrees (or the search gave up). */
export function claimProblem(breakable: boolean, verdict: SearchVerdict): string | null {
  if (breakable && verdict === "safe") return 'the level is meant to be breakable, but no schedule wins (mark it "breakable": false if the code is meant to be correct)';
  if (!breakable && verdict === "breakable") return 'the level says "breakable": false, but a schedule wins';
  return null;
}

/** Why `solution` does not replay to a win on `level`, in the engine's words; null when it does. */
export function replayProblem({ program }: Level, solution: readonly (string | number)[]): string | null {
  return solutionProblem(program, solution);
}

/**
 * The check of `level`, from what its searches found. `fix` is the judge's findings on a fix-it
 * level; without them the report says nothing of the fix.
 */
export function checkReport(level: Level, search: SearchFindings, fix?: FixFindings): CheckReport {
  const { spec } = level;
  const schedule = search.schedule ? [...search.schedule] : null;
  const errors: LevelError[] = [];
  const problems: string[] = [];
  const claim = claimProblem(spec.breakable, search.verdict);
  if (schedule?.length === 0) {
    // Threads that start together in a critical section: the student has nothing to do.
    const message = `the level is already won before any move (${search.outcome})`;
    errors.push({ code: "won-at-start", message, path: "threads" });
    problems.push(message);
  } else if (search.verdict === "unknown") problems.push(`the search gave up after ${search.states.toLocaleString("en-US")} states`);
  else if (claim) problems.push(claim);

  const replay = spec.solution ? replayProblem(level, spec.solution) : null;
  if (replay) problems.push(`the solution does not replay: ${replay}`);

  let fixReport: CheckReport["fix"];
  if (fix && spec.fix) {
    const { reference } = fix;
    if (reference.verdict === "invalid") {
      for (const p of reference.problems) {
        errors.push({ code: p.code, message: `reference fix: ${p.message}`, path: `fix.reference.${p.thread}`, line: p.line, column: p.column });
      }
    }
    fixReport = { ...fix, problems: fixLevelProblems(spec, fix.broken, reference) };
    problems.push(...fixReport.problems);
  }

  return {
    kind: levelKind(spec), verdict: search.verdict, outcome: search.outcome ?? null, schedule, shortest: schedule?.length ?? null,
    states: search.states, ms: search.ms, breakable: spec.breakable, claim,
    solutionReplays: spec.solution ? replay === null : null, solutionProblem: replay, ...(fixReport && { fix: fixReport }), errors, problems,
  };
}
