// Places an error found inside a code string of a level file (a thread's code, a fix's reference
// code) in the file itself: code offsets are mapped through the string's JSON escapes (`\n`, `\"`,
// `\u00e9` ...), one code character at a time, so `file:line:column` and the editor's marker
// point at the very character. One pass over each string, no recursion: files may be hostile.

import type { Node } from "jsonc-parser";
import type { JsonDocument, JsonPath } from "./json-position";
import type { FileRange } from "./result";

/** A stretch of code: 1-based line and column inside the code string, and its length (at least 1). */
export interface CodeSpan {
  line: number;
  column: number;
  length: number;
}

/** Where a span of the code string at `path` is in the file; undefined when no string is there. */
export type CodePlacer = (path: JsonPath, span: CodeSpan) => FileRange | undefined;

/** A placer for the code strings of `doc`; each string is mapped once, when an error first needs it. */
export function codePlacer(doc: JsonDocument): CodePlacer {
  const maps = new Map<Node, CodeMap>();
  return (path, span) => {
    const node = doc.nodeAt(path);
    if (node?.type !== "string" || typeof node.value !== "string") return undefined;
    let map = maps.get(node);
    if (!map) maps.set(node, (map = new CodeMap(doc.text, node)));
    const start = map.offsetOf(span.line, span.column);
    const codeEnd = Math.min(map.codeLength, start + Math.max(1, span.length));
    const from = map.fileOffset(start);
    // At the end of the code there is nothing left but the closing quote: cover that one character.
    const to = Math.max(map.fileOffset(codeEnd), from + 1);
    const a = doc.positionAt(from);
    const b = doc.positionAt(to);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
}

/** Offsets of one JSON string's code characters in the file, and where the code's lines start. */
class CodeMap {
  readonly codeLength: number;
  /** fileOffsets[k]: where code character k starts in the file; [codeLength]: the closing quote. */
  private readonly fileOffsets: Int32Array;
  /** Code offsets where lines start: after each "\n", as the thread language's lexer counts lines. */
  private readonly lineStarts: number[] = [0];

  constructor(text: string, node: Node) {
    const code = node.value as string;
    this.codeLength = code.length;
    this.fileOffsets = new Int32Array(code.length + 1);
    const close = node.offset + node.length - 1;
    let raw = node.offset + 1; // past the opening quote
    for (let k = 0; k < code.length; k++) {
      this.fileOffsets[k] = Math.min(raw, close);
      if (code.charCodeAt(k) === 10) this.lineStarts.push(k + 1);
      // Each escape decodes to one UTF-16 unit; "\uXXXX" is six characters, the others two.
      if (text.charCodeAt(raw) === 92) raw += text.charCodeAt(raw + 1) === 117 ? 6 : 2;
      else raw += 1;
    }
    this.fileOffsets[code.length] = close;
  }

  /** Code offset of a 1-based line and column, kept inside the code. */
  offsetOf(line: number, column: number): number {
    const start = this.lineStarts[Math.min(Math.max(1, line), this.lineStarts.length) - 1];
    return Math.min(this.codeLength, start + Math.max(0, column - 1));
  }

  fileOffset(codeOffset: number): number {
    return this.fileOffsets[codeOffset];
  }
}
