// The engine's errors as places in the level file, for Monaco's markers and the problems list.
// A JSON or schema error already has its line and column in the file; an error in thread code has
// them inside that thread's `code` string, so they are mapped through the string's JSON escapes
// (`\n`, `\"`, `\u0041` ...) with the CLI's fileOffsetOfCode. Every problem gets a range that
// covers what is wrong: the engine's `length` when it gives one, else the token there.

import { createScanner, findNodeAtLocation, parseTree } from "jsonc-parser";
import { fileOffsetOfCode, splitPath } from "../cli/source-map";
import { lineMap } from "../engine/json-position";
import type { LevelError } from "../engine/index";

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

const CODE_PATH = /^threads\[\d+\]\.code$/;
/** Errors of the JSON stage, whose positions are in the file even when their path is a thread's code. */
const FILE_STAGE = new Set(["json-syntax", "schema", "duplicate-key"]);

/**
 * parseLevel reports the errors of one stage at a time: the file's (JSON, schema, rules), or, when
 * the file is sound, the thread code's. The code's errors all sit at `threads[i].code`.
 */
export function isThreadCodeBatch(errors: readonly LevelError[]): boolean {
  return errors.length > 0 && errors.every((e) => CODE_PATH.test(e.path ?? "") && !FILE_STAGE.has(e.code));
}

export function problemsOf(text: string, errors: readonly LevelError[]): Problem[] {
  const positionAt = lineMap(text);
  const starts = lineStarts(text);
  const offsetAt = (line: number, column: number) =>
    Math.min(text.length, (starts[Math.min(line, starts.length) - 1] ?? 0) + Math.max(0, column - 1));
  const inCode = isThreadCodeBatch(errors);
  const root = inCode ? parseTree(text) : undefined;
  return errors.map((e) => {
    const base = { code: e.code, message: e.message, ...(e.path ? { path: e.path } : {}) };
    const range = inCode ? codeRange(e) : fileRange(e);
    const start = positionAt(range.start);
    const end = positionAt(Math.max(range.end, range.start));
    return { ...base, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, ...range.extra };
  });

  function fileRange(e: LevelError): { start: number; end: number; extra?: Partial<Problem> } {
    const start = offsetAt(e.line ?? 1, e.column ?? 1);
    return { start, end: start + tokenLengthAt(text, start) };
  }

  function codeRange(e: LevelError): { start: number; end: number; extra?: Partial<Problem> } {
    const path = splitPath(e.path!);
    const node = root && findNodeAtLocation(root, path);
    const code = typeof node?.value === "string" ? node.value : null;
    const line = e.line ?? 1;
    const column = e.column ?? 1;
    const start = fileOffsetOfCode(text, path, line, column);
    if (code === null || start === undefined) return fileRange({ ...e, line: 1, column: 1 }); // cannot happen for a sound file
    const codeStart = codeOffset(code, line, column);
    const given = (e as LevelError & { length?: number }).length;
    const length = Math.max(1, given ?? codeTokenLength(code, codeStart));
    const endIn = codePosition(code, Math.min(code.length, codeStart + length));
    let end = fileOffsetOfCode(text, path, endIn.line, endIn.column) ?? start + 1;
    // At the end of the code there is nothing to cover but the closing quote; show one character.
    if (end <= start) end = start + 1;
    return { start, end, extra: { inCode: { line, column } } };
  }
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
  const lineEnd = text.slice(offset).search(/\r|\n/);
  const max = lineEnd < 0 ? text.length - offset : lineEnd;
  if (kind === EOF || kind === LINE_BREAK_TRIVIA || kind === TRIVIA || scanner.getTokenOffset() !== offset) {
    return Math.min(1, max);
  }
  return Math.max(1, Math.min(scanner.getTokenLength(), max));
}

/** Offset in `code` of a 1-based line and column of it. */
function codeOffset(code: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = code.indexOf("\n", offset);
    if (next < 0) return code.length;
    offset = next + 1;
  }
  return Math.min(code.length, offset + column - 1);
}

function codePosition(code: string, offset: number): { line: number; column: number } {
  const before = code.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

const CODE_TOKEN = /[A-Za-z_][A-Za-z0-9_]*|\d+|&&|\|\||[=!<>+\-*/%]=|\+\+|--|[^\s]/y;

/** Length of the thread-code token at `offset`, for errors that come without one. */
function codeTokenLength(code: string, offset: number): number {
  CODE_TOKEN.lastIndex = offset;
  return CODE_TOKEN.exec(code)?.[0].length ?? 1;
}
