// The engine's public face: load a level from text, then play it with the reducer; the level's
// rules (its kind, when it is solved, a fix-it level's verdicts, the check report); and what the
// screens read off a state. Every error parseLevel returns is placed in the file, and an error
// in code in its code string too (result.ts), so callers print what they get.
// Outside src/engine, code imports the engine only through its faces (src/boundaries.ts holds
// that): this one; play.ts, its light part (playing a compiled level and what the screens read,
// without parser or compiler), which the play screens import so that they do not carry the rest;
// names.ts and wait-for.ts, smaller parts still; machine.ts, the light core that executes a compiled program (opcodes, their
// meaning, the step function) for the solver and hardware mode's workers; render/index.ts and
// diagrams.ts, the parts the screens load on demand.

import type { Level } from "./play";
import { loadLevel } from "./params-load";
import type { LevelError, Result } from "./result";

// The light face (playing, and what the screens read), then what needs the parser or the compiler.
export * from "./play";
export { waitForGraph } from "./wait-for";

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

export {
  checkReport, claimProblem, replayProblem, type CheckReport, type FixFindings, type SearchFindings, type SearchVerdict,
} from "./check-report";
export { compileFix, fixLevelProblems } from "./fix-compile";
export { parseCampaign, type Campaign } from "./campaign";
export {
  languageOf, localizedChapter, localizedText, LEVEL_TEXT_FIELDS, type ChapterText, type LevelText, type LevelTranslation,
} from "./translations";
export { ATOMICS, MARKERS } from "./lang/check";
export { lineMap, parseJsonDocument, type JsonPath, type Position } from "./json-position";
export { codePlacer, type CodePlacer, type CodeSpan } from "./source-map";
export { compileLevel } from "./compile";
