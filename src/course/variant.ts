// A student's variant of a pack's parameterised level: chosen by the engine's variantFor from the
// pack's id and the student's name (studentSeed), so the game, the record and `levels grade` all
// derive the same numbers, and nothing about the variant has to be trusted from a record.

import { instantiate, levelParams, studentSeed, variantFor, variantText, type Level, type LevelError, type Result, type Variant } from "../engine/index";
import type { PackLevel } from "./pack";

/** Does the level have parameters (so that a student plays their own variant)? */
export function isParameterised(level: Pick<PackLevel, "parsed">): boolean {
  return levelParams(level.parsed.spec).length > 0;
}

/** The student's variant of a pack level, or null for a level without parameters. */
export function studentVariant(packId: string, level: Pick<PackLevel, "parsed">, student: string): Variant | null {
  const params = levelParams(level.parsed.spec);
  return params.length === 0 ? null : variantFor(params, studentSeed(packId, student));
}

/** The level a student plays: their variant, parsed, and its text as a plain level file (the pack's own for a level without parameters). */
export function studentLevel(packId: string, level: PackLevel, student: string): Result<{ level: Level; text: string; variant: Variant | null }, LevelError[]> {
  const variant = studentVariant(packId, level, student);
  if (variant === null) return { ok: true, value: { level: level.parsed, text: level.text, variant } };
  const parsed = instantiate(level.text, variant);
  if (!parsed.ok) return parsed;
  const text = variantText(level.text, variant);
  if (!text.ok) return text;
  return { ok: true, value: { level: parsed.value, text: text.value, variant } };
}
