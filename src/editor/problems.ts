// The engine's errors as places in the level file, for Monaco's markers and the problems list.
// The engine places every error in the file itself (an error in code through its string's
// escapes, see src/engine/source-map.ts), so this module only shows what it gets: the engine's
// range for an error in code, else the JSON token at the error's line and column.

import { createScanner } from "jsonc-parser";
import { lineMap, type LevelError } from "../engine/index";

export interface Problem {
  code: string;
  message: string;
  /** The JSON path, like `threads[1].code`. */
  path?: string;
  /** 1-based range in the file; the end is exclusive, as Monaco's is. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** For an error in thread code: where it is inside that code. */
  inCode?: { line: number; column: number };
}

/**
 * parseLevel reports the errors of one stage at a time: the file's (JSON, schema, rules), or, when
 * the file is sound, those in its code strings, which are the ones the engine places with `inFile`.
 */
export function isThreadCodeBatch(errors: readonly LevelError[]): boolean {
  return errors.length > 0 && errors.every((e) => e.inFile !== undefined);
}

export function problemsOf(text: string, errors: readonly LevelError[]): Problem[] {
  const positionAt = lineMap(text);
  const starts = lineStarts(text);
  const offsetAt = (line: number, column: number) =>
    Math.min(text.length, (starts[Math.min(line, starts.length) - 1] ?? 0) + Math.max(0, column - 1));
  return errors.map((e) => {
    const base = { code: e.code, message: e.message, ...(e.path ? { path: e.path } : {}) };
    if (e.inFile) return { ...base, ...e.inFile, inCode: { line: e.line ?? 1, column: e.column ?? 1 } };
    const start = offsetAt(e.line ?? 1, e.column ?? 1);
    const from = positionAt(start);
    const to = positionAt(start + tokenLengthAt(text, start));
    return { ...base, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  });
}

/** Offsets where each line starts; a line ends at "\n", "\r\n" or a lone "\r", as for jsonc-parser. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values.
const LINE_BREAK_TRIVIA = 14;
const TRIVIA = 15;
const EOF = 17;

/** Length of the JSON token at `offset` (a whole string, number or word; else one character). */
function tokenLengthAt(text: string, offset: number): number {
  if (offset >= text.length) return 0;
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  const kind = scanner.scan();
  if (kind === EOF || kind === LINE_BREAK_TRIVIA || kind === TRIVIA || scanner.getTokenOffset() !== offset) {
    return isLineBreak(text.charCodeAt(offset)) ? 0 : 1;
  }
  // A token broken by a line break (a string left open) is covered to the end of its line.
  const length = scanner.getTokenLength();
  let n = 0;
  while (n < length && !isLineBreak(text.charCodeAt(offset + n))) n++;
  return Math.max(1, n);
}

const isLineBreak = (c: number) => c === 10 || c === 13;
