// Thread code split into coloured pieces for display, one list per line. The engine's own lexer
// finds the tokens; what lies between them is white space or comments. Display only: nothing here
// decides what the code means.

import { lex } from "../engine/play";

export type PieceKind = "keyword" | "literal" | "shared" | "local" | "call" | "method" | "punct" | "comment" | "space" | "error";

export interface Piece {
  kind: PieceKind;
  text: string;
  /** Offset in the code of the first character. */
  start: number;
}

const LITERALS = new Set(["true", "false"]);

export function displayLines(code: string, sharedNames: ReadonlySet<string>): Piece[][] {
  const tokens = lex(code).filter((t) => t.kind !== "eof");
  const pieces: Piece[] = [];
  let at = 0;
  const gap = (end: number) => {
    const text = code.slice(at, end);
    const comment = /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g;
    let last = 0;
    for (let m = comment.exec(text); m; m = comment.exec(text)) {
      if (m.index > last) pieces.push({ kind: "space", text: text.slice(last, m.index), start: at + last });
      pieces.push({ kind: "comment", text: m[0], start: at + m.index });
      last = m.index + m[0].length;
    }
    if (last < text.length) pieces.push({ kind: "space", text: text.slice(last), start: at + last });
  };
  tokens.forEach((t, i) => {
    gap(t.start.offset);
    const next = tokens[i + 1]?.text;
    const prev = tokens[i - 1]?.text;
    let kind: PieceKind;
    if (t.kind === "keyword") kind = LITERALS.has(t.text) ? "literal" : "keyword";
    else if (t.kind === "int") kind = "literal";
    else if (t.kind === "punct") kind = "punct";
    else if (t.kind === "error") kind = "error";
    else if (prev === ".") kind = "method";
    else if (next === "(") kind = "call";
    else kind = sharedNames.has(t.text) ? "shared" : "local";
    pieces.push({ kind, text: code.slice(t.start.offset, t.end.offset), start: t.start.offset });
    at = t.end.offset;
  });
  gap(code.length);
  return splitLines(pieces);
}

function splitLines(pieces: Piece[]): Piece[][] {
  const lines: Piece[][] = [[]];
  for (const p of pieces) {
    const parts = p.text.split("\n");
    let start = p.start;
    parts.forEach((text, k) => {
      if (k > 0) lines.push([]);
      if (text) lines[lines.length - 1].push({ kind: p.kind, text, start });
      start += text.length + 1;
    });
  }
  return lines;
}

/** Cuts a line's pieces into before, inside and after [from, to). */
export function cutLine(line: readonly Piece[], from: number, to: number): [Piece[], Piece[], Piece[]] {
  const out: [Piece[], Piece[], Piece[]] = [[], [], []];
  for (const p of line) {
    const end = p.start + p.text.length;
    const cuts = [p.start, Math.min(Math.max(from, p.start), end), Math.min(Math.max(to, p.start), end), end];
    for (let zone = 0; zone < 3; zone++) {
      if (cuts[zone + 1] > cuts[zone]) out[zone].push({ ...p, text: p.text.slice(cuts[zone] - p.start, cuts[zone + 1] - p.start), start: cuts[zone] });
    }
  }
  return out;
}
