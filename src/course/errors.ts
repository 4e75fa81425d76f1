// Errors in a pack or a record file, placed as level errors are (file, line, column, JSON path),
// and printed the way `levels check` prints them. Shared by the pack and record loaders.

import type * as z from "zod/mini";
import { formatPath, parseJsonDocument, type JsonPath, type LevelError, type Position } from "../engine/index";

/** A parsed JSON file: its tree, for positions, and its value. */
export type JsonDocument = Extract<ReturnType<typeof parseJsonDocument>, { ok: true }>["value"];

/** A level error that also names its file. */
export interface CourseError extends LevelError {
  file: string;
}

const TYPE_WORDS = new Map([
  ["string", "a string"], ["number", "a number"], ["int", "an integer"], ["boolean", "true or false"],
  ["array", "an array"], ["object", "an object"], ["record", "an object"],
]);

/** The node at `path`, or its nearest ancestor that the file has. */
function nearest(doc: JsonDocument, path: JsonPath): number {
  for (let n = path.length; n > 0; n--) {
    const node = doc.nodeAt(path.slice(0, n));
    if (node) return node.offset;
  }
  return doc.root.offset;
}

/** One error at a JSON path of `doc` (at the key, when `key` is set and the key is there). */
export function errorAt(file: string, doc: JsonDocument, path: JsonPath, code: string, message: string, key = false): CourseError {
  const offset = (key ? doc.keyNodeAt(path)?.offset : undefined) ?? nearest(doc, path);
  const { line, column } = doc.positionAt(offset);
  return { file, code, message, ...(path.length > 0 ? { path: formatPath(path) } : {}), line, column };
}

/** zod's issues as positioned errors, in an instructor's words. */
export function schemaErrors(file: string, doc: JsonDocument, issues: readonly z.core.$ZodIssue[]): CourseError[] {
  const out: CourseError[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)) as JsonPath;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push(errorAt(file, doc, [...path, key], "schema", `unknown field ${JSON.stringify(key)}`, true));
    } else if (issue.code === "invalid_type" && path.length > 0 && doc.nodeAt(path) === undefined) {
      out.push(errorAt(file, doc, path, "schema", `missing required field ${JSON.stringify(String(path[path.length - 1]))}`));
    } else if (issue.code === "invalid_type" && !issue.message.startsWith("Invalid input")) {
      out.push(errorAt(file, doc, path, "schema", issue.message));
    } else if (issue.code === "invalid_type") {
      out.push(errorAt(file, doc, path, "schema", `expected ${TYPE_WORDS.get(issue.expected) ?? issue.expected}`));
    } else out.push(errorAt(file, doc, path, "schema", issue.message.startsWith("Invalid input") ? plainMessage(issue) : issue.message));
  }
  return out;
}

/** zod/mini gives no messages of its own: one in words, for an issue the schema left without. */
function plainMessage(issue: z.core.$ZodIssue): string {
  const unit = (origin: string) => (origin === "string" ? "characters" : "items");
  if (issue.code === "too_small") return `must have at least ${String(issue.minimum)} ${unit(issue.origin)}`;
  if (issue.code === "too_big") return `must have at most ${String(issue.maximum)} ${unit(issue.origin)}`;
  if (issue.code === "invalid_value") return `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
  return "invalid value";
}

/** Errors of a level embedded in a pack, parsed from its own text (which starts at `at` in the
 *  pack file), moved to their place in the pack file, their paths under `prefix`. */
export function embeddedErrors(file: string, at: Position, prefix: JsonPath, errors: readonly LevelError[]): CourseError[] {
  const shift = (line: number, column: number) => (line === 1 ? { line: at.line, column: at.column + column - 1 } : { line: at.line + line - 1, column });
  return errors.map((e) => {
    const path = e.path ? `${formatPath(prefix)}.${e.path}` : formatPath(prefix);
    if (e.inFile) {
      const start = shift(e.inFile.line, e.inFile.column);
      const end = shift(e.inFile.endLine, e.inFile.endColumn);
      return { ...e, file, path, inFile: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column } };
    }
    const place = e.line !== undefined && e.column !== undefined ? shift(e.line, e.column) : at;
    return { ...e, file, path, ...place };
  });
}

/** An error as `levels check` prints it: `file:line:column: message (at path)`; an error in
 *  code at its place in the file, with where it is in the code. */
export function formatError(e: LevelError & { file?: string }): string {
  let where = e.file ?? "";
  let suffix = "";
  if (e.inFile) {
    where += `:${e.inFile.line}:${e.inFile.column}`;
    suffix = ` (in ${e.path}, line ${e.line}, col ${e.column})`;
  } else if (e.line !== undefined && e.column !== undefined) {
    where += `:${e.line}:${e.column}`;
    if (e.path) suffix = ` (at ${e.path})`;
  }
  return `${where}: ${e.message}${suffix}`;
}

/** The largest pack or record file the loaders read. */
export const MAX_FILE_CHARS = 2 * 1024 * 1024;

export function tooLarge(file: string, text: string, what: string): CourseError[] {
  return text.length > MAX_FILE_CHARS
    ? [{ file, code: "too-large", message: `${what} is ${text.length.toLocaleString("en")} characters; the most is ${MAX_FILE_CHARS.toLocaleString("en")}`, line: 1, column: 1 }]
    : [];
}
