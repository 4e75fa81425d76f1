// `levels check`: validates each level file, explores every interleaving (and judges a fix-it
// level's broken code and reference fix), hands what the searches found to the engine's
// `checkReport`, and turns that report into one record per file, in the shape LEVEL_FORMAT.md
// specifies. The editor's Check shows the same report.

import { basename } from "node:path";
import { checkReport, currentCode, formatMove, parseLevel, type CheckReport, type FixFindings, type LevelError, type LevelSpec, type Program } from "../engine/index";
import { solve, DEFAULT_MAX_STATES } from "../solver/solve";
import { judge } from "../solver/judge";

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
  /** The engine's report the record was made from (a checked level's only); not printed in JSON. */
  report: CheckReport | null;
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
    solutionReplays: null, states: null, ms: null, report: null,
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
  const expectedName = `${spec.id}.json`;
  if (file.endsWith(".json") && basename(file) !== expectedName) {
    record.errors.push({ code: "file-name", message: `the file of level "${spec.id}" must be named ${expectedName}`, path: "id" });
    return record;
  }
  record.valid = true;

  const found = solve(program, { maxStates, reduce });
  // A level won before any move is invalid whatever its fix does: its fix is not judged.
  const fix = spec.fix && found.schedule?.length !== 0 ? judgeFix(spec, maxStates, reduce) : undefined;
  return recordOf(record, program, checkReport(parsed.value, found, fix));
}

/** What the judge says of a fix-it level's own code and of its reference fix. */
function judgeFix(spec: LevelSpec, maxStates: number, reduce: boolean): FixFindings {
  return { broken: judge(spec, currentCode(spec), { maxStates, reduce }), reference: judge(spec, spec.fix!.reference, { maxStates, reduce }) };
}

/** The record of a valid level file, in the shape (and the order of fields) LEVEL_FORMAT.md gives, from the engine's report. */
function recordOf(record: CheckRecord, program: Program, report: CheckReport): CheckRecord {
  record.report = report;
  const invalid = () => {
    record.valid = false;
    record.errors.push(...report.errors);
    return record;
  };
  // Won before any move: the verdict means nothing.
  if (report.shortest === 0) return invalid();
  record.verdict = report.verdict;
  record.states = report.states;
  record.ms = report.ms;
  if (report.schedule) {
    record.outcome = report.outcome;
    record.shortest = report.shortest;
    record.schedule = report.schedule.map((m) => formatMove(program, m));
  }
  if (report.errors.length > 0) return invalid();
  if (report.fix) record.fix = fixCheckOf(program, report.fix);
  if (report.solutionReplays !== null) {
    record.solutionReplays = report.solutionReplays;
    if (report.solutionProblem) record.solutionProblem = report.solutionProblem;
  }
  return record;
}

function fixCheckOf(program: Program, { broken, reference, problems }: NonNullable<CheckReport["fix"]>): FixCheck {
  const out: FixCheck = {
    brokenVerdict: broken.verdict, brokenOutcome: null, brokenShortest: null, brokenSchedule: null,
    referenceVerdict: reference.verdict,
    referenceStates: "states" in reference ? reference.states : null, referenceMs: "ms" in reference ? reference.ms : null,
  };
  if (broken.verdict === "broken") {
    out.brokenOutcome = broken.outcome;
    out.brokenShortest = broken.schedule.length;
    out.brokenSchedule = broken.schedule.map((m) => formatMove(program, m));
  }
  if (problems.length > 0) out.problem = problems.join("; ");
  return out;
}

/** Does the record pass: valid, verdict as the level claims, solution (if any) replays, a fix-it level's fix as it must be? */
export function passes(r: CheckRecord): boolean {
  if (!r.valid) return false;
  if (r.kind !== "level") return true;
  return r.report !== null && r.report.problems.length === 0;
}
