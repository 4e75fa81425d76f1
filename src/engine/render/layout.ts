// Laying out rendered statements: each chunk (a statement, a block's header, brace or clause, a
// comment) goes on the line it has in the level when the language allows; chunks that share a
// level line share a rendered line (in Python only where that is still valid Python).

import type { Token } from "../lang/lexer";
import type { Dialect, RenderedCode } from "./core";

const INDENT = "    ";

export type ChunkKind = "simple" | "header" | "clause" | "close" | "comment";

export interface Chunk {
  offset: number;
  line: number;
  depth: number;
  kind: ChunkKind;
  text: string;
  /** Appended after the text, outside the statement's mark (`{`, `:`). */
  tail?: string;
  /** The level statement's start offset, for the highlight. */
  key?: number;
}

export function comments(code: string, tokens: Token[]): { offset: number; line: number; text: string }[] {
  const out: { offset: number; line: number; text: string }[] = [];
  let at = 0;
  let line = 1;
  const scan = (endOffset: number) => {
    const gap = code.slice(at, endOffset);
    const re = /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g;
    for (let m = re.exec(gap); m; m = re.exec(gap)) {
      const offset = at + m.index;
      out.push({ offset, line: line + (gap.slice(0, m.index).match(/\n/g)?.length ?? 0), text: m[0] });
    }
  };
  for (const t of tokens) {
    scan(t.start.offset);
    at = t.end.offset;
    line = t.end.line;
  }
  scan(code.length);
  return out;
}

/** One line of a level comment, in the target's comment syntax; null for nothing worth a line. */
export function commentLine(part: string, k: number, d: Dialect): string | null {
  if (!d.indented) return k === 0 ? part.trimEnd() : ` ${part.trim()}`;
  const body = part.trim().replace(/^\/\/|^\/\*+|\*+\/$/g, "").replace(/^\*(?!\/)/, "").replace(/\*\/$/, "").trim();
  if (body === "" && k > 0) return null;
  return body === "" ? "#" : `# ${body}`;
}

/** A line comment, or a statement carrying its own note, ends its line. */
const endsLine = (c: Chunk, d: Dialect) =>
  c.kind === "comment" ? d.indented || c.text.trimStart().startsWith("//") : c.text.includes(`  ${d.lineComment} `);

interface OutLine {
  source: number;
  text: string;
  /** Python: the depth a further simple statement may join this line at; null when none may. */
  joinDepth: number | null;
  closed: boolean;
}

export function layout(chunks: Chunk[], d: Dialect, sourceLines: number): RenderedCode {
  const out: OutLine[] = [];
  const statements = new Map<number, { line: number; from: number; to: number }>();
  const place = (c: Chunk, line: number, at: number) => {
    if (c.key !== undefined && !statements.has(c.key)) statements.set(c.key, { line, from: at, to: at + c.text.length });
  };
  for (const c of chunks) {
    const last = out[out.length - 1];
    const sameLine = last !== undefined && last.source === c.line && !last.closed;
    let join = false;
    let sep = " ";
    if (sameLine) {
      if (c.kind === "comment") {
        join = true;
        sep = "  ";
      } else if (!d.indented) {
        join = true;
        if (c.kind === "close" && last.text.endsWith("{")) sep = ""; // an empty block: {}
      } else if (c.kind === "simple" && last.joinDepth === c.depth) {
        join = true;
        sep = last.text.endsWith(":") ? " " : "; ";
      }
    }
    if (join) {
      const at = last.text.length + sep.length;
      last.text += sep + c.text;
      place(c, out.length - 1, at);
      last.text += c.tail ?? "";
      if (endsLine(c, d)) last.closed = true;
      if (d.indented && c.kind !== "comment") last.joinDepth = c.kind === "simple" ? c.depth : c.depth + 1;
      continue;
    }
    while (out.length < c.line - 1) out.push({ source: out.length + 1, text: "", joinDepth: null, closed: false });
    const indent = INDENT.repeat(c.depth);
    const line: OutLine = { source: c.line, text: indent + c.text, joinDepth: null, closed: false };
    if (d.indented && c.kind !== "comment") line.joinDepth = c.kind === "simple" ? c.depth : c.depth + 1;
    if (endsLine(c, d)) line.closed = true;
    out.push(line);
    place(c, out.length - 1, indent.length);
    line.text += c.tail ?? "";
  }
  while (out.length < sourceLines) out.push({ source: out.length + 1, text: "", joinDepth: null, closed: false });
  return { lines: out.map((l) => l.text.trimEnd()), statements };
}
