// `levels check`: validates each level file, explores every interleaving (and judges a fix-it
// level's broken code and reference fix), hands what the searches found to the engine's
// `checkReport`, and turns that report into one record per file, in the shape LEVEL_FORMAT.md
// specifies. The editor's Check shows the same report.

import { basename } from "node:path";
import {
  checkReport, currentCode, describeVariant, formatMove, instantiate, MAX_CHECKED_VARIANTS, parseLevel, variantCount, variantsOf,
  type CheckReport, type FixFindings, type Level, type LevelError, type LevelSpec, type Program, type Variant,
} from "../engine/index";
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
  /** Parameterised levels only: the check of every variant (or of the sample) besides the default. */
  variants?: VariantsCheck;
}

/** levels/README.md, "Parameterised levels": what `levels check` found over a level's variants. */
export interface VariantsCheck {
  /** How many variants the parameters make. */
  count: number;
  /** How many were checked, the default included: all of them, or a sample of MAX_CHECKED_VARIANTS. */
  checked: number;
  sampled: boolean;
  /** The variants that do not pass as the default does: their values, verdict and problems. */
  failing: VariantFailure[];
}

export interface VariantFailure {
  values: Variant;
  verdict: "breakable" | "safe" | "unknown" | null;
  problems: string[];
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
  const done = recordOf(record, program, checkReport(parsed.value, found, fix));
  if (spec.params && spec.params.length > 0) done.variants = checkVariants(text, spec, maxStates, reduce);
  return done;
}

/**
 * Checks each variant but the default (checked above) as the default is, except that `solution`
 * is replayed on the default only: its moves may not fit other numbers.
 */
function checkVariants(text: string, spec: LevelSpec, maxStates: number, reduce: boolean): VariantsCheck {
  const params = spec.params!;
  const count = variantCount(params);
  const variants = variantsOf(params);
  const failing: VariantFailure[] = [];
  for (const values of variants.slice(1)) {
    const parsed = instantiate(text, values);
    if (!parsed.ok) {
      failing.push({ values, verdict: null, problems: parsed.error.map((e) => e.message) });
      continue;
    }
    const level: Level = { ...parsed.value, spec: { ...parsed.value.spec, solution: undefined } };
    const found = solve(level.program, { maxStates, reduce });
    const fix = level.spec.fix && found.schedule?.length !== 0 ? judgeFix(level.spec, maxStates, reduce) : undefined;
    const report = checkReport(level, found, fix);
    const problems = report.shortest === 0 ? report.errors.map((e) => e.message) : report.problems;
    if (problems.length > 0) failing.push({ values, verdict: report.verdict, problems });
  }
  return { count, checked: variants.length, sampled: count > MAX_CHECKED_VARIANTS, failing };
}

/** The lines `levels check` prints about a parameterised level's variants. */
export function variantLines(r: CheckRecord): string[] {
  const v = r.variants;
  if (!v) return [];
  const how = v.sampled ? `a sample of ${v.checked} of its ${v.count.toLocaleString("en")} variants` : `all ${v.checked} variants`;
  if (v.failing.length === 0) return [`     ${how} pass`];
  return [
    `     ${v.failing.length} of ${how} fail:`,
    ...v.failing.map((f) => `     variant ${describeVariant(f.values)}: ${f.problems.join("; ")}`),
  ];
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
  return r.report !== null && r.report.problems.length === 0 && (r.variants?.failing.length ?? 0) === 0;
}
