// The rules of a fix-it level: the student's code and the level it makes, which outcomes a fix
// must make impossible, which `final` values a finished state gets wrong, and what the judge's
// verdict means, in words. The judge (src/solver/judge.ts) searches; the level screen, the CLI
// and the editor read its verdict through here. Compiling the student's code is fix-compile.ts,
// so that the screens that only read verdicts do not carry the compiler.

import type { Move, OutcomeKind } from "./engine";
import type { FixSpec, LevelSpec } from "./level-schema";
import { own } from "./own";
import type { Program } from "./program";

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

/**
 * What the judge says of some code for a fix-it level, as plain data (the judge's `Verdict` is
 * this type): it holds, a schedule still breaks it, it misses a requirement, the state budget ran
 * out, or it does not compile.
 */
export type FixVerdict =
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

/** Outcomes no schedule of a fix may reach: the level's `forbid`, and always exit(). */
export function forbiddenOutcomes(fix: FixSpec): OutcomeKind[] {
  return [...fix.forbid, "exit"];
}

/** Is this outcome one the fix must make impossible? */
export function isForbidden(fix: FixSpec, kind: OutcomeKind): boolean {
  return forbiddenOutcomes(fix).includes(kind);
}

export interface WrongFinal {
  name: string;
  expected: number | boolean;
  actual: number | boolean;
}

/** The `require.final` variables whose value in `state` (a packed state) is not the required one. */
export function wrongFinals(p: Program, fix: FixSpec, state: ArrayLike<number>): WrongFinal[] {
  const out: WrongFinal[] = [];
  for (const [name, expected] of Object.entries(fix.require.final ?? {})) {
    const desc = p.descriptors.find((d) => d.name === name);
    if (!desc) continue;
    const raw = state[desc.base];
    const actual = typeof expected === "boolean" ? raw !== 0 : raw;
    if (actual !== expected) out.push({ name, expected, actual });
  }
  return out;
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

/** The verdict in one plain sentence, for the CLI and tests. */
export function describeVerdict(v: FixVerdict): string {
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
