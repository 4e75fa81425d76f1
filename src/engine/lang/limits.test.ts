// Code a stranger can send in a link or an upload (issue 11): names JavaScript gives every object,
// nesting deep enough to overflow a recursive parser, and code long enough to freeze the page.
// Each must come back as an error at its place, never as an exception.

import { describe, expect, it } from "vitest";
import { initialState, parseLevel, step, type LevelError } from "../index";
import { explainStatement } from "../explain-statement";
import { DIALECTS } from "../render/dialects";
import { renderLevel, TARGET_LANGUAGES } from "../render/core";
import { buildTimeline } from "../timeline";
import { viewState } from "../view";
import { MAX_CODE_LENGTH, MAX_NESTING } from "./limits";
import { parseThreadCode } from "./parser";

/** The file from issue 11, which blanked the editor for good. */
const ISSUE_FILE = `{"format":1,"id":"c","title":"T","summary":"S","win":["assertion"],"threads":[{"name":"A","code":"toString();"}]}`;

function levelText(code: string, shared: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 1, id: "c", title: "T", summary: "S", win: ["assertion"], shared, threads: [{ name: "A", code }] });
}

function errorsOf(text: string): LevelError[] {
  const parsed = parseLevel(text);
  if (parsed.ok) throw new Error("expected errors");
  return parsed.error;
}

const TOO_DEEP = `the code nests more than ${MAX_NESTING} levels deep here (each block, parenthesis, bracket, "!", "-", "else if" and operator adds a level)`;
/** Where a file from `levelText` has its code string: the column of its opening quote. */
const CODE_COLUMN = levelText("").indexOf(`"code":""`) + `"code":`.length + 1;
/** The error at one character of the first line of code; in the file, that character is right after the quote. */
const tooDeep = (line: number, column: number): LevelError => ({
  code: "too-deep", message: TOO_DEEP, path: "threads[0].code", line, column,
  inFile: { line: 1, column: CODE_COLUMN + column, endLine: 1, endColumn: CODE_COLUMN + column + 1 },
});
/** The 1-based range of the first `needle` in a one-line `text`. */
const rangeOf = (text: string, needle: string) => {
  const column = text.indexOf(needle) + 1;
  return { line: 1, column, endLine: 1, endColumn: column + needle.length };
};

describe("names JavaScript objects have", () => {
  it("the issue's file is an unknown function at its line and column", () => {
    expect(errorsOf(ISSUE_FILE)).toEqual([
      {
        code: "unknown-function",
        message: 'unknown function "toString"; declare it in "noops" if it is a call that does nothing',
        path: "threads[0].code",
        line: 1,
        column: 1,
        inFile: rangeOf(ISSUE_FILE, "toString"),
      },
    ]);
  });

  it.each(["constructor", "__proto__", "valueOf", "hasOwnProperty", "isPrototypeOf", "__defineGetter__"])("%s() is an unknown function", (name) => {
    expect(errorsOf(levelText(`int t = 0;\n${name}();`)).map((e) => `${e.line}:${e.column} ${e.code}`)).toEqual(["2:1 unknown-function"]);
  });

  it.each(["toString", "constructor", "__proto__", "valueOf", "hasOwnProperty"])("m.%s() on a mutex is an unknown method", (name) => {
    const text = levelText(`m.${name}();`, { m: { type: "mutex" } });
    expect(errorsOf(text)).toEqual([
      {
        code: "unknown-method",
        message: `a mutex has no method "${name}"; its methods are lock, unlock and tryLock`,
        path: "threads[0].code",
        line: 1,
        column: 3,
        inFile: rangeOf(text, name),
      },
    ]);
  });

  it("they are fine names for shared variables, locals and noops, and play", () => {
    const text = JSON.stringify({
      format: 1, id: "constructor", title: "T", summary: "S", win: ["assertion"],
      shared: { toString: 0, constructor: { type: "mutex" }, valueOf: [1, 2] },
      noops: ["hasOwnProperty"],
      threads: [{ name: "toString", code: "int __proto__ = valueOf[1];\nconstructor.lock();\nhasOwnProperty();\ntoString = __proto__;\nassert(toString == 1);" }],
    });
    const parsed = parseLevel(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    let state = initialState(parsed.value.program);
    while (!state.outcome) {
      const next = step(state, { kind: "step", thread: 0 });
      if (!next.ok) throw new Error(next.error.message);
      state = next.value;
    }
    expect(state.schedule).toHaveLength(5);
    expect(state.outcome?.kind).toBe("assertion");
    expect(state.outcome?.message).toBe("toString failed assert(toString == 1) at line 5");
  });

  it('"__proto__" is no thread name: it could not key the student\'s code of a fix-it level', () => {
    const text = JSON.stringify({ format: 1, id: "c", title: "T", summary: "S", threads: [{ name: "__proto__", code: "" }] });
    expect(errorsOf(text)).toEqual([
      { code: "reserved-name", message: '"__proto__" cannot be a thread name', path: "threads[0].name", line: 1, column: 67 },
    ]);
  });
});

describe("nesting", () => {
  it("parentheses 773 and 2,000 deep are an error at the first one too many", () => {
    for (const depth of [773, 2000]) {
      const code = `bool b = ${"(".repeat(depth)}true${")".repeat(depth)};`;
      expect(errorsOf(levelText(code))).toEqual([tooDeep(1, 10 + MAX_NESTING)]);
    }
  });

  it("2,870 nots are an error at the first one too many", () => {
    expect(errorsOf(levelText(`bool b = ${"!".repeat(2870)}true;`))).toEqual([tooDeep(1, 10 + MAX_NESTING)]);
  });

  it("2,157 nested ifs are too long; 800 are too deep, at the first if nested too deep", () => {
    const nested = (n: number) => `${"if (true) {".repeat(n)}${"}".repeat(n)}`;
    expect(errorsOf(levelText(nested(2157)))).toEqual([
      { code: "schema", message: "a thread's code may be at most 10,000 characters, but this one has 25,884", path: "threads[0].code", line: 1, column: CODE_COLUMN },
    ]);
    // The 65th if's condition, inside 64 blocks, is the 65th level.
    expect(errorsOf(levelText(nested(800)))).toEqual([tooDeep(1, 64 * "if (true) {".length + 4)]);
  });

  it("an operator chain counts a level per operator, at the operator that goes too deep", () => {
    const chain = (n: number) => `int t = 1${" + 1".repeat(n)};`;
    expect(parseLevel(levelText(chain(MAX_NESTING))).ok).toBe(true);
    expect(errorsOf(levelText(chain(MAX_NESTING + 1)))).toEqual([tooDeep(1, 10 + MAX_NESTING * 4 + 1)]);
    // Levels add up: 60 parentheses around a chain of 4 operators is 64; a 5th is one too many.
    const wrapped = (n: number) => `int t = ${"(".repeat(60)}1${" + 1".repeat(n)}${")".repeat(60)};`;
    expect(parseLevel(levelText(wrapped(4))).ok).toBe(true);
    expect(errorsOf(levelText(wrapped(5)))).toEqual([tooDeep(1, 9 + 60 + 2 + 4 * 4)]);
  });

  it.each([
    ["parentheses", (n: number) => `bool b = ${"(".repeat(n)}true${")".repeat(n)};`],
    ["nots", (n: number) => `bool b = ${"!".repeat(n)}true;`],
    ["minus signs", (n: number) => `int t = ${"- ".repeat(n)}1;`],
    ["brackets", (n: number) => `int t = ${"a[".repeat(n)}0${"]".repeat(n)};`],
    ["blocks", (n: number) => `${"while (true) {".repeat(n)}${"}".repeat(n)}`],
    ["else ifs", (n: number) => `if (true) {\n}${" else if (true) {\n}".repeat(n - 1)}`],
    ["calls", (n: number) => `int t = ${"atomic_add(x, ".repeat(n)}1${")".repeat(n)};`],
  ] as const)(`%s: ${MAX_NESTING} levels deep is fine, one more is an error`, (_what, code) => {
    const shared = { a: [0], x: 0 };
    const ok = parseLevel(levelText(code(MAX_NESTING), shared));
    expect(ok.ok ? "ok" : ok.error.map((e) => e.message).join("; ")).toBe("ok");
    expect(errorsOf(levelText(code(MAX_NESTING + 1), shared)).map((e) => e.code)).toEqual(["too-deep"]);
  });

  it("code nested as deep as allowed goes through every stage: play, timeline, explanations, renderings", () => {
    // 12 blocks, the condition's parentheses, "!", "(", "<" and "+": x is 64 levels deep.
    const cond = `!(${"- ".repeat(47)}x + ${"a[".repeat(16)}0${"]".repeat(16)} > 5)`;
    const nested = (blocks: number) => `${"if (true) {\n".repeat(blocks)}if (${cond}) {\n  x++;\n}\n${"}\n".repeat(blocks)}`;
    expect(errorsOf(levelText(nested(13), { a: [0], x: 0 })).map((e) => e.code)).toEqual(["too-deep"]);
    const parsed = parseLevel(levelText(nested(12), { a: [0], x: 0 }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const { program, spec } = parsed.value;
    let state = initialState(program);
    const start = state;
    while (!state.outcome) {
      const next = step(state, { kind: "step", thread: 0 });
      if (!next.ok) throw new Error(next.error.message);
      state = next.value;
    }
    expect(state.outcome.kind).toBe("finished");
    expect(viewState(state).variables).toEqual([
      { name: "a", type: "int", array: true, values: [0] },
      { name: "x", type: "int", array: false, values: [1] },
    ]);
    expect(buildTimeline(start, state.schedule).steps).toHaveLength(state.schedule.length);
    expect(program.statements.map((_, k) => explainStatement(program, k).steps)).toContain("17 steps");
    for (const language of TARGET_LANGUAGES) {
      expect(renderLevel(spec, DIALECTS[language]).threads[0].lines.length, language).toBeGreaterThan(12);
    }
  });
});

describe("code length", () => {
  it("4,922 and 8,000 flat statements are too long: an error at the code, in the file", () => {
    for (const [count, length] of [[4922, 34_465], [8000, 56_011]]) {
      const code = `int x = 0;\n${"x = 1;\n".repeat(count)}`;
      expect(code.length).toBe(length);
      expect(errorsOf(levelText(code))).toEqual([
        {
          code: "schema",
          message: `a thread's code may be at most 10,000 characters, but this one has ${length.toLocaleString("en")}`,
          path: "threads[0].code",
          line: 1,
          column: CODE_COLUMN,
        },
      ]);
    }
  });

  it("code as long as allowed compiles and plays: 2,500 statements", () => {
    const code = "x++;".repeat(MAX_CODE_LENGTH / 4);
    const parsed = parseLevel(levelText(code, { x: 0 }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value.program.statements).toHaveLength(2500);
    const first = step(initialState(parsed.value.program), { kind: "step", thread: 0 });
    expect(first.ok).toBe(true);
    expect(errorsOf(levelText(`${code} `, { x: 0 }))[0].message).toBe("a thread's code may be at most 10,000 characters, but this one has 10,001");
  });

  it("the threads' code in all is at most 20,000 characters, each copy counted: a 192-character link made 160,000", () => {
    const code = "x++;".repeat(2500);
    const level = (threads: unknown[]) => JSON.stringify({ format: 1, id: "c", title: "T", summary: "S", shared: { x: 0 }, threads });
    expect(errorsOf(level([{ name: "T{id}", count: 16, code }]))).toEqual([
      {
        code: "code-too-long",
        message: `the threads' code may be at most 20,000 characters in all, each copy made by "count" counted, but this level's has 160,000`,
        path: "threads",
        line: 1,
        column: 75,
      },
    ]);
    const two = parseLevel(level([{ name: "T{id}", count: 2, code }]));
    expect(two.ok ? two.value.program.statements.length : two.error).toBe(5000);
    expect(errorsOf(level([{ name: "T{id}", count: 2, code }, { name: "U", code: "x++;" }])).map((e) => e.code)).toEqual(["code-too-long"]);
  });

  it("the parser refuses code over the limit by itself (a student's fix is no level file), where the limit is passed", () => {
    const code = `${"x++;\n".repeat(1999)}x++;x++;x++;`;
    expect(parseThreadCode(code)).toEqual({
      body: [],
      errors: [
        {
          code: "code-too-long",
          message: "a thread's code may be at most 10,000 characters, but this one has 10,007; the limit is passed here",
          line: 2000,
          column: 6,
          length: 1,
        },
      ],
    });
  });
});
