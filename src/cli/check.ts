// `levels check`: validates each level file, explores every interleaving, replays the given
// solution, and reports one record per file in the shape LEVEL_FORMAT.md specifies.

import { basename } from "node:path";
import { formatMove, parseLevel, solutionProblem, type LevelError, type LevelSpec, type Program } from "../engine/index";
import { solve, DEFAULT_MAX_STATES } from "../solver/solve";
import { currentCode, fixLevelProblems, judge } from "../solver/judge";

export interface CheckRecord {
  file: string;
  /** What the file is: a level, the campaign, or the JSON Schema beside them. */
  kind: "level" | "campaign" | "schema";
  id: string | null;
  valid: boolean;
  errors: LevelError[];
  verdict: "breakable" | "safe" | "unknown" | null;
  outcome: string | null;
  shortest: number | null;
  schedule: string[] | null;
  /** null when the level gives no solution. */
  solutionReplays: boolean | null;
  /** Why the solution does not replay, when it does not. */
  solutionProblem?: string;
  states: number | null;
  ms: number | null;
  /** What the level says it is: true for a breakable level. */
  breakable: boolean | null;
  /** Fix-it levels only: what the judge says of the broken code and of the reference fix. */
  fix?: FixCheck;
}

export interface FixCheck {
  /** The judge's verdict on the level's own code: "broken" when there is something to fix. */
  brokenVerdict: string;
  /** The forbidden outcome the broken code reaches, a shortest schedule to it and its length. */
  brokenOutcome: string | null;
  brokenShortest: number | null;
  brokenSchedule: string[] | null;
  /** The judge's verdict on the reference fix: "fixed" when it holds. */
  referenceVerdict: string;
  referenceStates: number | null;
  referenceMs: number | null;
  /** What is wrong, in words, when the level does not pass as a fix-it level. */
  problem?: string;
}

export function emptyRecord(file: string): CheckRecord {
  return {
    file, kind: "level", id: null, valid: false, errors: [], verdict: null, outcome: null, shortest: null, schedule: null,
    solutionReplays: null, states: null, ms: null, breakable: null,
  };
}

/** `reduce`: partial-order reduction for proofs (REDUCTION.md); verdicts, outcomes and shortest
 *  schedules are the same either way, only the states of a proof differ. */
export function checkLevelText(file: string, text: string, maxStates = DEFAULT_MAX_STATES, reduce = true): CheckRecord {
  const record = emptyRecord(file);
  const parsed = parseLevel(text, file);
  if (!parsed.ok) {
    record.errors = parsed.error;
    const id = /"id"\s*:\s*"([^"]*)"/.exec(text);
    record.id = id ? id[1] : null;
    return record;
  }
  const { spec, program } = parsed.value;
  record.id = spec.id;
  record.breakable = spec.breakable;
  const expectedName = `${spec.id}.json`;
  if (file.endsWith(".json") && basename(file) !== expectedName) {
    record.errors.push({ code: "file-name", message: `the file of level "${spec.id}" must be named ${expectedName}`, path: "id" });
    return record;
  }
  record.valid = true;

  const result = solve(program, { maxStates, reduce });
  if (result.schedule?.length === 0) {
    // Threads that start together in a critical section: the student has nothing to do.
    record.valid = false;
    record.errors.push({ code: "won-at-start", message: `the level is already won before any move (${result.outcome})`, path: "threads" });
    return record;
  }
  record.verdict = result.verdict;
  record.states = result.states;
  record.ms = result.ms;
  if (result.schedule) {
    record.outcome = result.outcome ?? null;
    record.shortest = result.schedule.length;
    record.schedule = result.schedule.map((m) => formatMove(program, m));
  }

  if (spec.fix) {
    const fix = checkFix(spec, program, maxStates, reduce);
    if ("errors" in fix) {
      record.valid = false;
      record.errors.push(...fix.errors);
      return record;
    }
    record.fix = fix;
  }

  if (spec.solution) {
    const problem = solutionProblem(program, spec.solution);
    record.solutionReplays = problem === null;
    if (problem) record.solutionProblem = problem;
  }
  return record;
}

/** A fix-it level: its broken code must reach a forbidden outcome, and its reference fix must hold. */
function checkFix(spec: LevelSpec, program: Program, maxStates: number, reduce: boolean): FixCheck | { errors: LevelError[] } {
  const broken = judge(spec, currentCode(spec), { maxStates, reduce });
  const reference = judge(spec, spec.fix!.reference, { maxStates, reduce });
  if (reference.verdict === "invalid") {
    return {
      errors: reference.problems.map((p) => ({
        code: p.code, message: `reference fix: ${p.message}`, path: `fix.reference.${p.thread}`, line: p.line, column: p.column,
      })),
    };
  }
  const out: FixCheck = {
    brokenVerdict: broken.verdict, brokenOutcome: null, brokenShortest: null, brokenSchedule: null,
    referenceVerdict: reference.verdict,
    referenceStates: reference.states, referenceMs: reference.ms,
  };
  if (broken.verdict === "broken") {
    out.brokenOutcome = broken.outcome;
    out.brokenShortest = broken.schedule.length;
    out.brokenSchedule = broken.schedule.map((m) => formatMove(program, m));
  }
  const problems = fixLevelProblems(spec, broken, reference);
  if (problems.length > 0) out.problem = problems.join("; ");
  return out;
}

/** Does the record pass: valid, verdict as the level claims, solution (if any) replays, a fix-it level's fix as it must be? */
export function passes(r: CheckRecord): boolean {
  if (!r.valid) return false;
  if (r.kind !== "level") return true;
  const wanted = r.breakable ? "breakable" : "safe";
  return r.verdict === wanted && r.solutionReplays !== false && r.fix?.problem === undefined;
}
