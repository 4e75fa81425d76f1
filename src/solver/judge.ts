// The fix-it judge: compiles a fix-it level with the student's code for its editable threads and
// explores every reachable state of that program, breadth first, to say whether the fix holds.
// It reuses the solver's state encoding (StateSet, the VM's steps, the analyzer's outcomes) in a
// search of its own, so the solver's hot loop stays as it is. Pure: no DOM, no I/O.

import { compileLevel } from "../engine/compile";
import { Analyzer } from "../engine/analysis";
import { formatMove, type Level, type LevelSpec, type Move, type OutcomeKind, type Program } from "../engine/index";
import * as I from "../engine/program";
import * as VM from "../engine/vm";
import { err, ok, type LevelError, type Result } from "../engine/result";
import { changesShared, decodeMove, DEFAULT_MAX_STATES } from "./solve";
import { StateSet } from "./state-set";

const { ASSERTED, BLOCKED, DONE, execStep, EXITED, flushOne, OK, THROWN, wakeSpuriously } = VM;
const { END, STRIDE } = I;

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
}

/** The student's code for every editable thread: theirs where given, else the level's own (broken) code. */
export function currentCode(spec: LevelSpec, code: FixCode = {}): FixCode {
  const out: FixCode = {};
  for (const name of spec.fix?.threads ?? []) {
    out[name] = typeof code[name] === "string" ? code[name] : (spec.threads.find((t) => t.name === name)?.code ?? "");
  }
  return out;
}

/** The level with the editable threads' code replaced; other threads and everything else as they were. */
export function fixedSpec(spec: LevelSpec, code: FixCode): LevelSpec {
  const editable = new Set(spec.fix?.threads ?? []);
  const threads = spec.threads.map((t) => (editable.has(t.name) && typeof code[t.name] === "string" ? { ...t, code: code[t.name] } : t));
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
  const fix = p.spec.fix;
  if (!fix) throw new Error("judgeProgram needs a fix-it level");
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  const forbid = new Set<string>(fix.forbid);
  const finals = Object.entries(fix.require.final ?? {}).map(([name, expected]) => {
    const desc = p.descriptors.find((d) => d.name === name)!;
    return { name, expected, slot: desc.base, want: typeof expected === "boolean" ? (expected ? 1 : 0) : expected, bool: typeof expected === "boolean" };
  });
  const n = p.threads.length;
  const w = p.stateLength;
  const analyzer = new Analyzer(p);
  const set = new StateSet(w, 1 << 12);
  const full = p.initial.length;
  const cur = new Int32Array(full);
  const nexts = p.threads.map(() => new Int32Array(full));
  const scratch = new Int32Array(full);
  const results = new Int32Array(n);
  const shared = p.sharedLength;
  const statusSlots = Int32Array.from(p.threads.map((t) => t.base + 1));
  const threadBase = p.threadBase;
  const code = p.code;

  set.add(p.initial, 0, -1, 0);
  let layerEnd = 1;
  let depth = 0;
  let pending: { parent: number; move: number; outcome: OutcomeKind } | null = null;
  let finishedSeen = false;
  let wrongFinal: { index: number; name: string; expected: number | boolean; actual: number | boolean } | null = null;

  const stats = () => ({ states: set.count, ms: Date.now() - started });
  const scheduleTo = (idx: number, lastMove = -1): Move[] => {
    const codes: number[] = lastMove >= 0 ? [lastMove] : [];
    for (let i = idx; i > 0; i = set.parent[i]) codes.push(set.move[i]);
    return codes.reverse().map((c) => decodeMove(c, n));
  };
  const broken = (idx: number, outcome: OutcomeKind, lastMove = -1): Verdict => ({
    verdict: "broken", outcome, schedule: scheduleTo(idx, lastMove), ...stats(),
  });

  for (let i = 0; i < set.count; i++) {
    if (i === layerEnd) {
      if (pending) break;
      layerEnd = set.count;
      depth++;
    }
    if ((i & 0x3fff) === 0 && i > 0 && options.onProgress?.(set.count, depth) === false) return { verdict: "unknown", ...stats() };
    set.load(i, cur);

    if (analyzer.criticalThreads(cur) >= 2) {
      if (forbid.has("mutual-exclusion")) return broken(i, "mutual-exclusion");
      continue;
    }
    let progress = false;
    let unfinished = 0;
    for (let t = 0; t < n; t++) {
      const base = threadBase[t];
      if (cur[base + 1] !== 0) {
        unfinished++;
        results[t] = BLOCKED;
        continue;
      }
      if (code[cur[base] * STRIDE] === END) {
        results[t] = DONE;
        continue;
      }
      unfinished++;
      const next = nexts[t];
      for (let k = 0; k < w; k++) next[k] = cur[k];
      const r = execStep(p, next, t);
      results[t] = r;
      if (r === OK && !progress) progress = changesShared(cur, next, shared, statusSlots);
      else if (r === THROWN || r === ASSERTED || r === EXITED) progress = true;
    }
    const buffersEmpty = analyzer.buffersEmpty(cur);
    if (!progress && unfinished > 0 && buffersEmpty && analyzer.deadlocked(cur)) {
      if (forbid.has("deadlock")) return broken(i, "deadlock");
      continue;
    }
    if (unfinished === 0 && buffersEmpty) {
      finishedSeen = true;
      if (!wrongFinal) {
        for (const f of finals) {
          if (cur[f.slot] !== f.want) {
            wrongFinal = { index: i, name: f.name, expected: f.expected, actual: f.bool ? cur[f.slot] !== 0 : cur[f.slot] };
            break;
          }
        }
      }
      continue;
    }
    if (pending) continue;

    for (let t = 0; t < n; t++) {
      const r = results[t];
      if (r === OK) set.add(nexts[t], 0, i, t);
      else if (r === THROWN || r === ASSERTED || r === EXITED) {
        const outcome: OutcomeKind = r === THROWN ? "exception" : r === ASSERTED ? "assertion" : "exit";
        if ((outcome === "exit" || forbid.has(outcome)) && !pending) pending = { parent: i, move: t, outcome };
      }
    }
    if (p.spuriousWakeups) {
      for (let t = 0; t < n; t++) {
        if (cur[statusSlots[t]] >= 0) continue;
        for (let k = 0; k < w; k++) scratch[k] = cur[k];
        wakeSpuriously(p, scratch, t);
        set.add(scratch, 0, i, n + t);
      }
    }
    if (p.tso) {
      for (let t = 0; t < n; t++) {
        if (cur[p.threads[t].buffer] === 0) continue;
        for (let k = 0; k < w; k++) scratch[k] = cur[k];
        flushOne(p, scratch, t);
        set.add(scratch, 0, i, 2 * n + t);
      }
    }
    if (set.count > maxStates) return { verdict: "unknown", ...stats() };
  }
  if (pending) return broken(pending.parent, pending.outcome, pending.move);
  if (wrongFinal) {
    const { index, name, expected, actual } = wrongFinal;
    return { verdict: "requirement", requirement: "final", variable: name, expected, actual, schedule: scheduleTo(index), ...stats() };
  }
  if (fix.require.finish && !finishedSeen) return { verdict: "requirement", requirement: "finish", ...stats() };
  return { verdict: "fixed", ...stats() };
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
