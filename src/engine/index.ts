// The engine's public face: load a level from text, then play it with the reducer.
// Everything outside src/engine imports from here: the level, its rules (its kind, when it is
// solved, a fix-it level's verdicts, the check report), and the reducer.

import { compileLevel } from "./compile";
import { parseLevelJson, type LevelSpec } from "./level";
import type { Program } from "./program";
import { err, ok, type LevelError, type Result } from "./result";

export interface Level {
  spec: LevelSpec;
  program: Program;
}

/** Parses, validates and compiles a level file; returns the level or every error found. */
export function parseLevel(text: string, fileName?: string): Result<Level, LevelError[]> {
  const parsed = parseLevelJson(text, fileName);
  if (!parsed.ok) return parsed;
  const compiled = compileLevel(parsed.value);
  if (!compiled.ok) return err(compiled.error);
  return ok({ spec: parsed.value, program: compiled.value });
}

export * from "./engine";
export type { FixSpec, LevelSpec, SyncDecl, SharedDecl, ThreadSpec, WinOutcome } from "./level";
export type { Program, ThreadLayout, Descriptor, StatementInfo } from "./program";
export type { LevelError, Result } from "./result";
export { formatPath } from "./result";
export { levelKind, isSolved, type LevelKind, type Attempt } from "./level-kind";
export {
  checkReport, claimProblem, replayProblem, type CheckReport, type FixFindings, type SearchFindings, type SearchVerdict,
} from "./check-report";
export {
  compileFix, currentCode, describeVerdict, fixedSpec, fixLevelProblems, forbiddenOutcomes, isForbidden, wrongFinals,
  type FixCode, type FixProblem, type FixVerdict, type WrongFinal,
} from "./fix";
