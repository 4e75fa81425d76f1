// A fix-it level with the student's code compiled, and what `levels check` says of a fix-it level
// that is not worth playing. Apart from fix.ts, the rules a screen reads, because these need the
// compiler.

import { compileLevel } from "./compile";
import { formatMove } from "./engine";
import { describeVerdict, fixedSpec, type FixCode, type FixProblem, type FixVerdict } from "./fix";
import type { Level } from "./index";
import type { LevelSpec } from "./level-schema";
import { err, ok, type LevelError, type Result } from "./result";

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

/**
 * Why a fix-it level is not worth playing, in `levels check`'s words: its broken code must reach a
 * forbidden outcome, and its reference fix must hold. Empty when both are so.
 */
export function fixLevelProblems(spec: LevelSpec, broken: FixVerdict, reference: FixVerdict): string[] {
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
