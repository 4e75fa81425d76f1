// Rendered thread code (C#, Java, Python, C) split into coloured pieces, one list per line, in
// the same pieces the level's own code uses (code-display.ts). A small tokenizer per language:
// display only, nothing here decides what the code means.

import type { TargetLanguage } from "../engine/play";
import type { Piece, PieceKind } from "./code-display";

const KEYWORDS: Record<TargetLanguage, ReadonlySet<string>> = {
  csharp: new Set(["if", "else", "while", "break", "continue", "int", "bool", "ref", "new", "static", "readonly", "object", "_"]),
  java: new Set(["if", "else", "while", "break", "continue", "int", "boolean", "assert", "new", "static", "final"]),
  python: new Set(["if", "elif", "else", "while", "break", "continue", "pass", "and", "or", "not", "assert", "import", "for", "in", "global"]),
  c: new Set(["if", "else", "while", "break", "continue", "int", "bool", "atomic_int"]),
};
const LITERALS = new Set(["true", "false", "True", "False", "None", "null"]);

const TOKEN = /(\s+)|(\/\/.*|\/\*.*?(?:\*\/|$)|#.*)|(\d+)|([A-Za-z_][A-Za-z0-9_]*)|(.)/g;

export function renderedLines(lines: readonly string[], language: TargetLanguage, sharedNames: ReadonlySet<string>): Piece[][] {
  const keywords = KEYWORDS[language];
  let offset = 0;
  return lines.map((line) => {
    const pieces: Piece[] = [];
    const start = offset;
    offset += line.length + 1;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(line); m; m = TOKEN.exec(line)) {
      const text = m[0];
      let kind: PieceKind;
      if (m[1]) kind = "space";
      else if (m[2] && (language === "python" ? text.startsWith("#") : !text.startsWith("#"))) kind = "comment";
      else if (m[3]) kind = "literal";
      else if (m[4]) {
        const before = line.slice(0, m.index).trimEnd();
        const after = line.slice(m.index + text.length).trimStart();
        if (keywords.has(text)) kind = "keyword";
        else if (LITERALS.has(text)) kind = "literal";
        else if (before.endsWith(".")) kind = "method";
        else if (after.startsWith("(")) kind = "call";
        else kind = sharedNames.has(text) ? "shared" : "local";
      } else kind = "punct";
      // A "#" outside Python, or "//" in Python (integer division), is an operator, not a comment.
      if (m[2] && kind === "punct") {
        TOKEN.lastIndex = m.index + 1;
        pieces.push({ kind, text: text[0], start: start + m.index });
        continue;
      }
      pieces.push({ kind, text, start: start + m.index });
    }
    return pieces;
  });
}
