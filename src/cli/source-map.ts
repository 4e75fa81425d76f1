// Maps a position inside a thread's `code` string back to the position in the level file,
// through the JSON string's escapes, so `file:line:column` points where the editor should go.

import { findNodeAtLocation, parseTree, type Node } from "jsonc-parser";

/** 1-based file position of (line, column) within the string at `path`, or undefined. */
export function fileOffsetOfCode(text: string, path: (string | number)[], line: number, column: number): number | undefined {
  const root: Node | undefined = parseTree(text);
  const node = root && findNodeAtLocation(root, path);
  if (!node || node.type !== "string") return undefined;
  let raw = node.offset + 1; // past the opening quote
  let l = 1;
  let c = 1;
  const end = node.offset + node.length - 1;
  while (raw < end && (l < line || (l === line && c < column))) {
    let decoded = text[raw];
    let width = 1;
    if (decoded === "\\") {
      const e = text[raw + 1];
      width = e === "u" ? 6 : 2;
      decoded = e === "n" ? "\n" : e === "u" ? String.fromCharCode(parseInt(text.slice(raw + 2, raw + 6), 16)) : e;
    }
    if (decoded === "\n") {
      l++;
      c = 1;
    } else {
      c++;
    }
    raw += width;
  }
  return raw;
}

export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Splits a path like `threads[1].code` into ["threads", 1, "code"]. */
export function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}
