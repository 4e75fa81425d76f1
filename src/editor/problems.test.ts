import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { codePlacer, parseJsonDocument, parseLevel, type LevelError } from "../engine/index";
import { isThreadCodeBatch, problemsOf, type Problem } from "./problems";

function errorsOf(text: string): LevelError[] {
  const parsed = parseLevel(text);
  if (parsed.ok) throw new Error("expected errors");
  return parsed.error;
}

/** The 1-based line and column of the first `needle` in `text` (after `from`), as an editor shows it. */
function at(text: string, needle: string, from = 0): { line: number; column: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`no ${needle}`);
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}

/** The text a problem's range covers. */
function covered(text: string, p: Problem): string {
  const lines = text.split("\n");
  if (p.line !== p.endLine) throw new Error("multi-line range");
  return lines[p.line - 1].slice(p.column - 1, p.endColumn - 1);
}

const level = (code: string, shared = '{ "counter": 0, "m": { "type": "mutex" } }') => `{
  "format": 1,
  "id": "mapped",
  "title": "Mapped",
  "summary": "Errors in thread code, mapped to the file.",
  "shared": ${shared},
  "threads": [
    { "name": "Fine", "code": "counter++;" },
    { "name": "Broken", "code": ${code} }
  ]
}
`;

describe("problems in thread code", () => {
  it("maps a position inside the code string to the file, past escaped line breaks", () => {
    const text = level(String.raw`"counter++;\nm.lock();\ncountr++;"`);
    const errors = errorsOf(text);
    expect(isThreadCodeBatch(errors)).toBe(true);
    const [p] = problemsOf(text, errors);
    expect(p).toMatchObject({ code: "undeclared-name", path: "threads[1].code", inCode: { line: 3, column: 1 }, ...at(text, "countr++") });
    expect(covered(text, p)).toBe("countr");
  });

  it("counts an escaped quote or backslash as one character of code", () => {
    const text = level(String.raw`"// say \"hi\" \\ o/\nm.acquire();"`);
    const [p] = problemsOf(text, errorsOf(text));
    expect(p.inCode).toEqual({ line: 2, column: 3 });
    expect(p).toMatchObject(at(text, "acquire"));
    expect(covered(text, p)).toBe("acquire");
  });

  it("maps through \\u escapes", () => {
    const text = level(String.raw`"int \u0074 = 1;\nint t = 2;"`);
    const [p] = problemsOf(text, errorsOf(text));
    expect(p.message).toBe('"t" is already declared in this thread');
    expect(p).toMatchObject(at(text, "t = 2"));
    expect(covered(text, p)).toBe("t");
  });

  it("a missing semicolon at the end of the code covers one character: the closing quote", () => {
    const text = level(String.raw`"counter++"`);
    const [p] = problemsOf(text, errorsOf(text));
    expect(p.message).toBe('expected ";" after "++"');
    expect(p).toMatchObject(at(text, '"', text.indexOf("counter++\"")));
    expect(p.endColumn).toBe(p.column + 1);
  });

  it("reports several errors in one code, each at its place", () => {
    const text = level(String.raw`"countr++;\nm.acquire();\nif (counter) {\n}"`);
    const problems = problemsOf(text, errorsOf(text));
    expect(problems.map((p) => [p.line, p.column, covered(text, p)])).toEqual([
      [at(text, "countr").line, at(text, "countr").column, "countr"],
      [at(text, "acquire").line, at(text, "acquire").column, "acquire"],
      [at(text, "counter) {").line, at(text, "counter) {").column, "counter"],
    ]);
  });

  it("uses the engine's length when it gives one, across an escape", () => {
    const text = level(String.raw`"int t = 1;\nbool b = t\n== 1;"`);
    // The engine places an error of 6 code characters from line 2, column 10, as parseLevel does.
    const doc = parseJsonDocument(text);
    if (!doc.ok) throw new Error("expected JSON");
    const inFile = codePlacer(doc.value)(["threads", 1, "code"], { line: 2, column: 10, length: 6 });
    const error: LevelError = { code: "test", message: "a long one", path: "threads[1].code", line: 2, column: 10, inFile };
    const [p] = problemsOf(text, [error]);
    const start = at(text, "t\\n== 1");
    expect(p).toMatchObject({ line: start.line, column: start.column, endLine: start.line, endColumn: start.column + 7 });
    expect(covered(text, p)).toBe("t\\n== 1");
  });

  it("works in a file with CRLF line ends", () => {
    const text = level(String.raw`"counter++;\ncountr++;"`).replace(/\n/g, "\r\n");
    const [p] = problemsOf(text, errorsOf(text));
    expect(p).toMatchObject(at(text.replace(/\r\n/g, "\n"), "countr++"));
  });
});

describe("problems in the file", () => {
  it("keeps a JSON error at its place and covers the token there", () => {
    const text = '{\n  "format": 1,\n  "id": \'single\'\n}';
    const [p] = problemsOf(text, errorsOf(text));
    expect(p).toMatchObject({ code: "json-syntax", message: "strings need double quotes, not single quotes", line: 3, column: 9 });
    expect(p.endLine).toBe(3);
    expect(p.endColumn).toBeGreaterThan(9);
  });

  it("covers a whole key for an unknown field", () => {
    const text = level('"counter++;"').replace('"format": 1,', '"format": 1,\n  "colour": "red",');
    const problems = problemsOf(text, errorsOf(text));
    const p = problems.find((x) => x.path === "colour")!;
    expect(p).toMatchObject(at(text, '"colour"'));
    expect(covered(text, p)).toBe('"colour"');
  });

  it("a schema error at a thread's code stays a file position, not a code position", () => {
    const text = level("42");
    const errors = errorsOf(text);
    expect(isThreadCodeBatch(errors)).toBe(false);
    const [p] = problemsOf(text, errors);
    expect(p).toMatchObject({ path: "threads[1].code", message: "expected a string", ...at(text, "42") });
    expect(p.inCode).toBeUndefined();
    expect(covered(text, p)).toBe("42");
  });

  it("an error at the end of the file has an empty range there", () => {
    const text = '{\n  "format": 1';
    const [p] = problemsOf(text, errorsOf(text));
    expect(p).toMatchObject({ line: 2, column: 14, endLine: 2, endColumn: 14 });
  });
});

describe("the editor marks what levels check prints", () => {
  it("at the same file, line and column, for every level fixture that does not load", () => {
    const dir = "src/cli/__fixtures__";
    const rejected = readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => ({ file: `${dir}/${name}`, text: readFileSync(`${dir}/${name}`, "utf8") }))
      .map(({ file, text }) => ({ file, text, result: parseLevel(text) }))
      .filter(({ result }) => !result.ok);
    expect(rejected.map(({ file }) => file.slice(dir.length + 1))).toEqual([
      "bad-json.json", "built-in-name.json", "duplicate-thread.json", "fix-reference-typo.json", "missing-field.json",
      "nested-too-deep.json", "undeclared-name.json", "unknown-method.json", "wrong-type.json",
    ]);
    // Every error the engine gives has a place in the file: inFile for one in code, else its line and column.
    for (const { result } of rejected) for (const e of result.ok ? [] : result.error) expect((e.inFile ?? e).line).toBeGreaterThanOrEqual(1);
    const cli = spawnSync(process.execPath, ["--import", "tsx", "src/cli/levels.ts", "check", ...rejected.map(({ file }) => file)], { encoding: "utf8" });
    const printed = cli.stdout.trim().split("\n");
    const shown = rejected.flatMap(({ file, text, result }) =>
      problemsOf(text, result.ok ? [] : result.error).map((p) => `${file}:${p.line}:${p.column}: ${p.message}`),
    );
    expect(printed).toHaveLength(shown.length);
    printed.forEach((line, k) => expect(line.startsWith(shown[k]), `${line}\n  vs ${shown[k]}`).toBe(true));
  });
});
