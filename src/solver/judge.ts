// The fix-it judge: compiles a fix-it level with the student's code for its editable threads and
// explores every reachable state of that program, breadth first, to say whether the fix holds.
// It is the one search (explore.ts, through solve.ts), told which outcomes are forbidden and
// watching every finished state for the requirements. Pure: no DOM, no I/O.

import { compileLevel } from "../engine/compile";
import { forbiddenOutcomes, wrongFinals, type WrongFinal } from "../engine/fix";
import { own } from "../engine/own";
import { formatMove, type Level, type LevelSpec, type Move, type OutcomeKind, type Program } from "../engine/index";
import { err, ok, type LevelError, type Result } from "../engine/result";
import { DEFAULT_MAX_STATES, searchOnce } from "./solve";

/** The student's code, by the name of each editable thread as `fix.threads` writes it. */
export type FixCode = Record<string, string>;

/** A problem in the student's code: the engine's own diagnostic, positioned inside that thread's code. */
export interface FixProblem {
  /** The editable thread, as `fix.threads` names it. */
  thread: string;
  code: string;
  message: string;
  line: number;
  column: number;
}

export type Verdict =
  | { verdict: "fixed"; states: number; ms: number }
  | { verdict: "broken"; outcome: OutcomeKind; schedule: Move[]; states: number; ms: number }
  | { verdict: "requirement"; requirement: "finish"; states: number; ms: number }
  | {
      verdict: "requirement";
      requirement: "final";
      /** The variable that ends wrong, and the values it should and does have. */
      variable: string;
      expected: number | boolean;
      actual: number | boolean;
      /** A shortest schedule to a finished state where it is wrong. */
      schedule: Move[];
      states: number;
      ms: number;
    }
  | { verdict: "unknown"; states: number; ms: number }
  | { verdict: "invalid"; problems: FixProblem[] };

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

/** The student's code for every editable thread: theirs where given, else the level's own (broken) code. */
export function currentCode(spec: LevelSpec, code: FixCode = {}): FixCode {
  const out: FixCode = {};
  for (const name of spec.fix?.threads ?? []) {
    const given = own(code, name);
    out[name] = typeof given === "string" ? given : (spec.threads.find((t) => t.name === name)?.code ?? "");
  }
  return out;
}

/** The level with the editable threads' code replaced; other threads and everything else as they were. */
export function fixedSpec(spec: LevelSpec, code: FixCode): LevelSpec {
  const editable = new Set(spec.fix?.threads ?? []);
  const threads = spec.threads.map((t) => {
    const given = editable.has(t.name) ? own(code, t.name) : undefined;
    return typeof given === "string" ? { ...t, code: given } : t;
  });
  return { ...spec, threads };
}

/** Compiles the level with the student's code; problems come back by thread, in that thread's own lines. */
export function compileFix(spec: LevelSpec, code: FixCode): Result<Level, FixProblem[]> {
  const fixed = fixedSpec(spec, code);
  const compiled = compileLevel(fixed);
  if (compiled.ok) return ok({ spec: fixed, program: compiled.value });
  return err(compiled.error.map((e) => toProblem(fixed, e)));
}

function toProblem(spec: LevelSpec, e: LevelError): FixProblem {
  const index = /^threads\[(\d+)\]\.code$/.exec(e.path ?? "");
  const thread = index ? spec.threads[Number(index[1])].name : (spec.fix?.threads[0] ?? "");
  return { thread, code: e.code, message: e.message, line: e.line ?? 1, column: e.column ?? 1 };
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

/** The verdict in one plain sentence, for the CLI and tests. */
export function describeVerdict(v: Verdict): string {
  switch (v.verdict) {
    case "fixed":
      return `the fix holds: no schedule breaks it (${v.states.toLocaleString("en")} states checked)`;
    case "broken":
      return `a schedule of ${v.schedule.length} moves still reaches ${v.outcome}`;
    case "requirement":
      return v.requirement === "finish"
        ? "no schedule lets every thread finish"
        : `"${v.variable}" can end as ${String(v.actual)}, not ${String(v.expected)}`;
    case "unknown":
      return `the state budget ran out after ${v.states.toLocaleString("en")} states`;
    case "invalid":
      return `the code has errors: ${v.problems.map((p) => `${p.thread}, line ${p.line}: ${p.message}`).join("; ")}`;
  }
}

/**
 * Why a fix-it level is not worth playing, in `levels check`'s words: its broken code must reach a
 * forbidden outcome, and its reference fix must hold. Empty when both are so.
 */
export function fixLevelProblems(spec: LevelSpec, broken: Verdict, reference: Verdict): string[] {
  const problems: string[] = [];
  if (broken.verdict === "fixed") problems.push(`the code the student starts from already holds (${broken.states.toLocaleString("en")} states checked): there is nothing to fix`);
  else if (broken.verdict !== "broken") problems.push(`the code the student starts from reaches no forbidden outcome: ${describeVerdict(broken)}`);
  if (reference.verdict !== "fixed") {
    const fixed = compileFix(spec, spec.fix!.reference);
    const moves = "schedule" in reference && fixed.ok ? reference.schedule.map((m) => formatMove(fixed.value.program, m)).join(", ") : null;
    problems.push(`the reference fix does not hold: ${describeVerdict(reference)}${moves === null ? "" : `: ${moves || "before any move"}`}`);
  }
  return problems;
}
