// Turns thread code into tokens with positions. Comments (`//`, `/* */`) and white space are
// skipped; anything the language does not know becomes an error token, so the parser can report
// it at the right place and keep going.

import type { Pos } from "./ast";

export type TokenKind = "ident" | "keyword" | "int" | "punct" | "eof" | "error";

export interface Token {
  kind: TokenKind;
  text: string;
  start: Pos;
  end: Pos;
  /** For error tokens: what went wrong. */
  problem?: string;
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  "int", "bool", "true", "false", "if", "else", "while", "break", "continue",
]);

// Longest first, so `<=` wins over `<`.
const PUNCTUATION = [
  "&&", "||", "==", "!=", "<=", ">=", "++", "--", "+=", "-=",
  "+", "-", "*", "/", "%", "<", ">", "!", "=", "(", ")", "{", "}", "[", "]", ";", ",", ".",
];

export function lex(source: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  let line = 1;
  let column = 1;

  const pos = (): Pos => ({ line, column, offset });
  const advance = (n: number) => {
    for (let i = 0; i < n; i++) {
      if (source[offset] === "\n") {
        line++;
        column = 1;
      } else {
        column++;
      }
      offset++;
    }
  };

  while (offset < source.length) {
    const ch = source[offset];
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      advance(1);
      continue;
    }
    if (source.startsWith("//", offset)) {
      while (offset < source.length && source[offset] !== "\n") advance(1);
      continue;
    }
    if (source.startsWith("/*", offset)) {
      const start = pos();
      const close = source.indexOf("*/", offset + 2);
      if (close < 0) {
        advance(source.length - offset);
        tokens.push({ kind: "error", text: "/*", start, end: pos(), problem: "this comment is never closed with */" });
        break;
      }
      advance(close + 2 - offset);
      continue;
    }
    const start = pos();
    if (/[A-Za-z_]/.test(ch)) {
      let end = offset;
      while (end < source.length && /[A-Za-z0-9_]/.test(source[end])) end++;
      const text = source.slice(offset, end);
      advance(end - offset);
      tokens.push({ kind: KEYWORDS.has(text) ? "keyword" : "ident", text, start, end: pos() });
      continue;
    }
    if (/[0-9]/.test(ch)) {
      let end = offset;
      while (end < source.length && /[A-Za-z0-9_]/.test(source[end])) end++;
      const text = source.slice(offset, end);
      advance(end - offset);
      if (!/^[0-9]+$/.test(text)) {
        tokens.push({ kind: "error", text, start, end: pos(), problem: `"${text}" is not a number` });
      } else if (Number(text) > 2147483648) {
        tokens.push({ kind: "error", text, start, end: pos(), problem: `${text} does not fit in a 32-bit int` });
      } else {
        tokens.push({ kind: "int", text, start, end: pos() });
      }
      continue;
    }
    const punct = PUNCTUATION.find((p) => source.startsWith(p, offset));
    if (punct) {
      advance(punct.length);
      tokens.push({ kind: "punct", text: punct, start, end: pos() });
      continue;
    }
    advance(1);
    const shown = ch === "&" || ch === "|" ? `"${ch}" (did you mean "${ch}${ch}"?)` : `"${ch}"`;
    tokens.push({ kind: "error", text: ch, start, end: pos(), problem: `unexpected character ${shown}` });
  }
  tokens.push({ kind: "eof", text: "", start: pos(), end: pos() });
  return tokens;
}
