// The engine's light face: playing a compiled level and what the screens read off it (the
// reducer, a level's kind and when it is solved, a fix-it level's verdicts in words, the views of
// a state, thread names, the code's tokens). It reaches neither the level file's parser and
// checker nor the compiler, so a screen that plays a level the build already compiled, or only
// lists levels, loads none of them (index.ts is the whole engine, this included).

import type { LevelSpec } from "./level-schema";
import type { Program } from "./program";

export interface Level {
  spec: LevelSpec;
  program: Program;
}

export * from "./engine";
export type { FixSpec, LevelSpec, SyncDecl, SharedDecl, ThreadSpec, WinOutcome } from "./level-schema";
export type { Program, ThreadLayout, Descriptor, StatementInfo } from "./program";
export type { FileRange, LevelError, Result } from "./result";
export { err, formatPath, ok } from "./result";
export { levelKind, isSolved, type LevelKind, type Attempt } from "./level-kind";
export {
  currentCode, describeVerdict, fixedSpec, forbiddenOutcomes, isForbidden, wrongFinals, type FixCode, type FixProblem, type FixVerdict, type WrongFinal,
} from "./fix";
export { explainStatement, type StatementExplanation } from "./explain-statement";
export { KEYWORDS, lex, type Token, type TokenKind } from "./lang/lexer";
export { expandThreadNames } from "./thread-names";
export { LANGUAGE_LABELS, LANGUAGES, TARGET_LANGUAGES, type Language, type TargetLanguage } from "./render/languages";
export { nextStep, viewState, type NextStep, type ObjectView, type StateView, type ThreadView, type VariableView } from "./view";
export { showBidiControls } from "./visible-text";
export { own } from "./own";
export { Analyzer } from "./analysis";
export { describeBlock, describeFault, objectAt } from "./explain";
// The wait-for graph is a face of its own (wait-for.ts): the outcome dialog and the graph panel,
// which load on demand, draw it.
export type { DeadlockKind, DeadlockName, ThreadStatus, WaitEdge, WaitForGraph, WaitNode } from "./wait-for";
