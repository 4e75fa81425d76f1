// Loading one variant of a level: read the file as that variant (level.ts substitutes the
// values), compile it, and place every error in code where the author wrote it: a position in a
// substituted code string is mapped back through the replacements to the original string, so
// `{{deposit}}` being 3 characters or 11 does not move an error after it.

import { checkReference, compileLevel } from "./compile";
import type { Level } from "./index";
import type { JsonPath } from "./json-position";
import { readLevelFile } from "./level";
import { originalOffset, type LevelParam, type StringEdit, type Variant } from "./params";
import { err, formatPath, ok, type LevelError, type Result } from "./result";
import { codePlacer, type CodePlacer, type CodeSpan } from "./source-map";

/** Parses, validates and compiles `variant` of a level (default: each parameter's default). */
export function loadLevel(text: string, variant?: Variant): Result<Level, LevelError[]> {
  const read = readLevelFile(text, variant);
  if (!read.ok) return read;
  const { spec, doc, edits } = read.value;
  const place = remapped(codePlacer(doc), edits);
  const compiled = compileLevel(spec, place);
  const errors = [...(compiled.ok ? [] : compiled.error), ...checkReference(spec, place)];
  if (!compiled.ok || errors.length > 0) return err(errors.map((e) => remapError(e, edits)));
  return ok({ spec, program: compiled.value });
}

/** The parameters of a level (none for a level without `params`). */
export function levelParams(spec: { params?: LevelParam[] }): LevelParam[] {
  return spec.params ?? [];
}

/**
 * The concrete level of `variant`: from the file's text, or from a parsed value (which is then
 * written out as JSON, so errors are placed in that text).
 */
export function instantiate(level: string | unknown, variant: Variant): Result<Level, LevelError[]> {
  return loadLevel(typeof level === "string" ? level : JSON.stringify(level, null, 2), variant);
}

/** The text of `variant` of a level as a plain level, without `params`: what a worker or a pack can load as it is. */
export function variantText(text: string, variant: Variant): Result<string, LevelError[]> {
  const read = readLevelFile(text, variant);
  if (!read.ok) return read;
  const value = read.value.value;
  if (typeof value !== "object" || value === null) return ok(text);
  const { params: _params, ...rest } = value as Record<string, unknown>;
  return ok(`${JSON.stringify(rest, null, 2)}\n`);
}

/** A placer that takes spans in substituted code and places them as in the original code. */
function remapped(place: CodePlacer, edits: Map<string, StringEdit>): CodePlacer {
  if (edits.size === 0) return place;
  return (path: JsonPath, span: CodeSpan) => {
    const edit = edits.get(formatPath(path));
    if (!edit) return place(path, span);
    const start = offsetAt(edit.text, span.line, span.column);
    const from = originalOffset(edit.list, start);
    const to = Math.max(from + 1, originalOffset(edit.list, start + Math.max(1, span.length) - 1) + 1);
    return place(path, { ...lineColumn(edit.original, from), length: to - from });
  };
}

/** An error in substituted code, with its line and column in the original code. */
function remapError(e: LevelError, edits: Map<string, StringEdit>): LevelError {
  const edit = e.path !== undefined && e.inFile && e.line !== undefined && e.column !== undefined ? edits.get(e.path) : undefined;
  if (!edit) return e;
  return { ...e, ...lineColumn(edit.original, originalOffset(edit.list, offsetAt(edit.text, e.line!, e.column!))) };
}

/** The offset of a 1-based line and column in `text` (lines end at "\n", as the thread lexer counts), kept inside it. */
function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}
