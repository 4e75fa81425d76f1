// The engine's public face: load a level from text, then play it with the reducer; the level's
// rules (its kind, when it is solved, a fix-it level's verdicts, the check report); and what the
// screens read off a state. Every error parseLevel returns is placed in the file, and an error
// in code in its code string too (result.ts), so callers print what they get.
// Outside src/engine, code imports the engine only through its faces (src/boundaries.ts holds
// that): this one; machine.ts, the light core that executes a compiled program (opcodes, their
// meaning, the step function) for the solver and hardware mode's workers; render/index.ts and
// diagrams.ts, the parts the screens load on demand.

import type { LevelSpec } from "./level";
import { loadLevel } from "./params-load";
import type { Program } from "./program";
import type { LevelError, Result } from "./result";

export interface Level {
  spec: LevelSpec;
  program: Program;
}

/**
 * Parses, validates and compiles a level file (and a fix-it level's reference code); returns the
 * level or every error found.
 */
export function parseLevel(text: string, _fileName?: string): Result<Level, LevelError[]> {
  // A parameterised level is its default variant (params-load.ts).
  return loadLevel(text);
}

// Parameterised levels (levels/README.md, "Parameterised levels").
export { instantiate, levelParams, variantText } from "./params-load";
export {
  defaultVariant, describeVariant, MAX_CHECKED_VARIANTS, normaliseSeed, paramValues, sameVariant, studentSeed, variantCount, variantFor,
  variantsOf, type LevelParam, type Variant,
} from "./params";

export * from "./engine";
export type { FixSpec, LevelSpec, SyncDecl, SharedDecl, ThreadSpec, WinOutcome } from "./level";
export type { Program, ThreadLayout, Descriptor, StatementInfo } from "./program";
export type { FileRange, LevelError, Result } from "./result";
export { formatPath } from "./result";
export { levelKind, isSolved, type LevelKind, type Attempt } from "./level-kind";
export {
  checkReport, claimProblem, replayProblem, type CheckReport, type FixFindings, type SearchFindings, type SearchVerdict,
} from "./check-report";
export {
  compileFix, currentCode, describeVerdict, fixedSpec, fixLevelProblems, forbiddenOutcomes, isForbidden, wrongFinals,
  type FixCode, type FixProblem, type FixVerdict, type WrongFinal,
} from "./fix";

// What the screens read off a level and a state.
export { parseCampaign, type Campaign } from "./campaign";
export {
  languageOf, localizedChapter, localizedText, LEVEL_TEXT_FIELDS, type ChapterText, type LevelText, type LevelTranslation,
} from "./translations";
export { explainStatement, type StatementExplanation } from "./explain-statement";
export { ATOMICS, MARKERS } from "./lang/check";
export { KEYWORDS, lex, type Token, type TokenKind } from "./lang/lexer";
export { expandThreadNames } from "./level";
export { LANGUAGE_LABELS, LANGUAGES, TARGET_LANGUAGES, type Language, type TargetLanguage } from "./render/languages";
export { nextStep, viewState, type NextStep, type ObjectView, type StateView, type ThreadView, type VariableView } from "./view";
export { showBidiControls } from "./visible-text";
export { lineMap, parseJsonDocument, type JsonPath, type Position } from "./json-position";
export { codePlacer, type CodePlacer, type CodeSpan } from "./source-map";
export { compileLevel } from "./compile";
export { own } from "./own";
export { Analyzer } from "./analysis";
export { describeBlock, describeFault, objectAt } from "./explain";
export { err, ok } from "./result";
export { waitForGraph, type DeadlockKind, type DeadlockName, type ThreadStatus, type WaitEdge, type WaitForGraph, type WaitNode } from "./wait-for";
