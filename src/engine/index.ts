// The engine's public face: load a level from text, then play it with the reducer.
// Everything outside src/engine imports from here.

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

// What the screens read off a level and a state.
export { parseCampaign, type Campaign } from "./campaign";
export { explainStatement, type StatementExplanation } from "./explain-statement";
export { forbiddenOutcomes, isForbidden, wrongFinals, type WrongFinal } from "./fix";
export { ATOMICS, MARKERS } from "./lang/check";
export { KEYWORDS, lex, type Token, type TokenKind } from "./lang/lexer";
export { expandThreadNames, levelJsonSchema } from "./level";
export { LANGUAGE_LABELS, LANGUAGES, TARGET_LANGUAGES, type Language, type TargetLanguage } from "./render/languages";
export { nextStep, viewState, type NextStep, type ObjectView, type StateView, type ThreadView, type VariableView } from "./view";
export { showBidiControls } from "./visible-text";
export { waitForGraph, type DeadlockKind, type DeadlockName, type ThreadStatus, type WaitEdge, type WaitForGraph, type WaitNode } from "./wait-for";
