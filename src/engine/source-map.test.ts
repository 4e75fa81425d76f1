// Errors inside code strings, placed in the file: whatever escapes the string is written with, the
// file position parseLevel reports is that of the offending character itself, and so is the end.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLevel, type LevelError } from "./index";

function errorsOf(text: string): LevelError[] {
  const parsed = parseLevel(text);
  if (parsed.ok) throw new Error("expected errors");
  return parsed.error;
}

/** The file offset of a 1-based line and column; "\n", "\r\n" and a lone "\r" end a line. */
function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.slice(offset).search(/\r\n|\r|\n/);
    if (next < 0) throw new Error(`no line ${line}`);
    offset += next + (text.startsWith("\r\n", offset + next) ? 2 : 1);
  }
  return offset + column - 1;
}

/** One code character as a JSON string may write it: raw when JSON allows, as a short escape, or as \uXXXX. */
function encodings(ch: string): string[] {
  const unicode = `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  const short: Record<string, string> = { "\n": "\\n", "\t": "\\t", "\r": "\\r", '"': '\\"', "\\": "\\\\", "/": "\\/" };
  const raw = ch >= " " && ch !== '"' && ch !== "\\" ? [ch] : [];
  return [...raw, ...(Object.hasOwn(short, ch) ? [short[ch]] : []), unicode];
}

/** `code` as a JSON string literal, each character written the way `choices` picks; and where each character starts. */
function encode(code: string, choices: number[]): { literal: string; starts: number[] } {
  let literal = '"';
  const starts: number[] = [];
  for (let k = 0; k < code.length; k++) {
    starts.push(literal.length);
    const options = encodings(code[k]);
    literal += options[choices[k % choices.length] % options.length];
  }
  starts.push(literal.length); // the closing quote
  return { literal: `${literal}"`, starts };
}

/** Text for a comment: letters, and the characters JSON escapes or that take more than one byte. */
const commentText = fc.array(fc.constantFrom("a", "z", " ", '"', "\\", "/", "\t", "é", "ü", "\u00e9", "😀", "\r", "{", "'"), { maxLength: 12 }).map((a) => a.join(""));
const filler = fc.oneof(
  commentText.map((t) => `// ${t}`),
  commentText.map((t) => `/* ${t.replaceAll("*", "")} */ counter++;`),
  fc.constantFrom("counter++;", "\tcounter = counter + 1;", "", "  \t"),
);

const mistake = fc.record({
  before: fc.array(filler, { maxLength: 6 }),
  indent: fc.constantFrom("", " ", "\t", "\t\t  "),
  after: fc.array(filler, { maxLength: 3 }),
  choices: fc.array(fc.nat(2), { minLength: 1, maxLength: 40 }),
  layout: fc.constantFrom("compact", "pretty", "crlf"),
  story: commentText,
});

/** A level whose second thread has `literal` for its code, laid out in one of several ways. */
function levelWith(literal: string, layout: string, story: string): string {
  const fields = [
    `"format": 1`, `"id": "escapes"`, `"title": "Escapes"`, `"summary": "S"`, `"story": ${JSON.stringify(story)}`,
    `"shared": { "counter": 0 }`, `"threads": [{ "name": "Fine", "code": "counter++;" }, { "name": "Broken", "code": ${literal} }]`,
  ];
  if (layout === "compact") return `{${fields.join(",")}}`;
  const text = `{\n  ${fields.join(",\n  ")}\n}\n`;
  return layout === "crlf" ? text.replace(/\n/g, "\r\n") : text;
}

describe("an error in code is placed at its character in the file", () => {
  it("through any mix of escapes: \\n, \\\", \\\\, \\/, \\t, \\r, \\u00e9 and raw characters", () => {
    fc.assert(
      fc.property(mistake, ({ before, indent, after, choices, layout, story }) => {
        const code = [...before, `${indent}countr++;`, ...after].join("\n");
        const at = before.map((line) => `${line}\n`).join("").length + indent.length;
        const { literal, starts } = encode(code, choices);
        const text = levelWith(literal, layout, story);
        const stringStart = text.indexOf(literal);
        const [error, ...rest] = errorsOf(text);
        expect(rest).toEqual([]);
        expect(error).toMatchObject({ code: "undeclared-name", path: "threads[1].code", line: before.length + 1, column: indent.length + 1 });
        const { inFile } = error;
        expect(inFile).toBeDefined();
        // The start is the first character of "countr" as the file writes it; the end, the one after its "r".
        expect(offsetAt(text, inFile!.line, inFile!.column)).toBe(stringStart + starts[at]);
        expect(offsetAt(text, inFile!.endLine, inFile!.endColumn)).toBe(stringStart + starts[at + "countr".length]);
        // Read back independently: the file text up to the start decodes to the code before the mistake.
        expect(JSON.parse(`${text.slice(stringStart, offsetAt(text, inFile!.line, inFile!.column))}"`)).toBe(code.slice(0, at));
      }),
      { numRuns: 300 },
    );
  });

  it("a missing semicolon at the end of the code is the closing quote", () => {
    const text = levelWith(String.raw`"counter++;\n\u0063ounter++"`, "pretty", "");
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ message: 'expected ";" after "++"', line: 2, column: 10 });
    const quote = text.indexOf('ounter++"') + "ounter++".length;
    expect(error.inFile).toEqual({ line: 8, column: quote - text.lastIndexOf("\n", quote), endLine: 8, endColumn: quote - text.lastIndexOf("\n", quote) + 1 });
  });

  it("in a fix's reference code, under a thread name with dots and brackets in it", () => {
    const name = "Al.b[1] \"x\"";
    const text = `{
  "format": 1, "id": "ref", "title": "T", "summary": "S", "win": ["assertion"],
  "shared": { "balance": 0 },
  "threads": [{ "name": ${JSON.stringify(name)}, "code": "balance += 1;" }, { "name": "Bea", "code": "assert(balance == 1);" }],
  "fix": {
    "threads": [${JSON.stringify(name)}],
    "reference": { ${JSON.stringify(name)}: "balance += 1;\\n\\tbalanse += 1;" }
  }
}`;
    const column = text.split("\n")[6].indexOf("balanse") + 1;
    expect(errorsOf(text)).toEqual([
      {
        code: "undeclared-name", message: 'reference fix: undeclared name "balanse" (did you mean "balance"?)', path: `fix.reference.${name}`,
        line: 2, column: 2, inFile: { line: 7, column, endLine: 7, endColumn: column + "balanse".length },
      },
    ]);
  });

  it("errors in the threads' code and in the reference come together, each in its own string", () => {
    const text = `{"format":1,"id":"ref","title":"T","summary":"S","shared":{"x":0},"threads":[{"name":"A","code":"y++;"}],"fix":{"threads":["A"],"reference":{"A":"z++;"}}}`;
    expect(errorsOf(text).map((e) => `${e.path} ${e.line}:${e.column} @${e.inFile?.column}`)).toEqual([
      `threads[0].code 1:1 @${text.indexOf("y++") + 1}`,
      `fix.reference.A 1:1 @${text.indexOf("z++") + 1}`,
    ]);
  });

  it("in a megabyte file whose code is 10,000 characters, all escaped", () => {
    const code = `/*${"é".repeat(10_000 - 13)}*/countr++;`;
    expect(code).toHaveLength(10_000);
    const literal = `"${[...code].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}"`;
    const text = levelWith(literal, "pretty", "é\n".repeat(500_000));
    const [error] = errorsOf(text);
    const start = text.indexOf(literal) + 1 + 6 * code.indexOf("countr");
    expect(error.inFile).toMatchObject({ line: 8 });
    expect(offsetAt(text, error.inFile!.line, error.inFile!.column)).toBe(start);
    expect(error.inFile!.endColumn - error.inFile!.column).toBe(6 * "countr".length);
  });
});
