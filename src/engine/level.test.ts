// Loading level files: the exact message, path, line and column an instructor sees for each kind
// of mistake; the defaults of a minimal level; and that no input, however broken, makes it throw.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLevel } from "./index";
import { expandThreadNames, parseLevelJson, positionOf } from "./level";
import type { LevelError } from "./result";

/** A valid level; each test breaks one line of it. Line numbers are in the comments. */
const LEVEL = `{
  "$schema": "./level.schema.json",
  "format": 1,
  "id": "dining",
  "title": "Dining",
  "summary": "Five philosophers, five forks.",
  "shared": {
    "counter": 0,
    "m": { "type": "mutex" },
    "forks": { "type": "mutex", "count": 5 },
    "notEmpty": { "type": "condition", "mutex": "m" }
  },
  "threads": [
    { "name": "Waiter", "code": "counter++;" },
    { "name": "Philosopher {id}", "count": 5, "code": "forks[id].lock();" }
  ],
  "solution": ["Waiter", "Philosopher 0", 3]
}`;
// lines: 2 $schema, 3 format, 4 id, 5 title, 6 summary, 8 counter, 11 notEmpty, 14 Waiter, 15 Philosopher, 17 solution

/** LEVEL with `from` replaced by `to` (which must occur exactly once). */
function edit(from: string, to: string, text = LEVEL): string {
  if (text.split(from).length !== 2) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function errorsOf(text: string): LevelError[] {
  const result = parseLevelJson(text, "levels/dining.json");
  if (result.ok) throw new Error("expected the level to be rejected");
  return result.error;
}

const syntax = (line: number, column: number, message: string): LevelError => ({
  code: "json-syntax", message, line, column,
});

describe("parseLevelJson: JSON syntax", () => {
  it("a missing comma points at what follows it", () => {
    expect(errorsOf(edit(`"format": 1,`, `"format": 1`))).toEqual([syntax(4, 3, "expected a comma or a closing brace")]);
  });

  it("a file that stops early names the bracket left open", () => {
    const cut = LEVEL.slice(0, LEVEL.indexOf(`"threads": [`) + `"threads": [`.length);
    expect(errorsOf(cut)).toEqual([
      syntax(13, 15, "unexpected end of file: the array that opens at line 13, col 14 is not closed"),
    ]);
  });

  it("a trailing comma points at the comma", () => {
    expect(errorsOf(edit(`"Philosopher 0", 3]`, `"Philosopher 0", 3,]`))).toEqual([
      syntax(17, 44, "trailing commas are not allowed in JSON"),
    ]);
  });

  it("comments are refused", () => {
    expect(errorsOf(edit(`  "format": 1,`, `  // a comment\n  "format": 1,`))).toEqual([
      syntax(3, 3, "comments are not allowed in JSON"),
    ]);
  });

  it("an unquoted key asks for double quotes", () => {
    expect(errorsOf(edit(`"title": "Dining"`, `title: "Dining"`))).toEqual([
      syntax(5, 3, "expected a property name in double quotes"),
    ]);
  });

  it("a line break inside a string (thread code written over several lines) says how to write one", () => {
    expect(errorsOf(edit(`"counter++;"`, `"counter++;\ncounter++;"`))).toEqual([
      syntax(14, 33, 'a string must end on the line it starts on; write "\\n" for a line break inside it'),
    ]);
  });

  it("reports every independent syntax error, and nothing past them", () => {
    const text = edit(`"id": "dining",`, `"id": "dining"`, edit(`"format": 1,`, `"format": 1`));
    expect(errorsOf(text)).toEqual([
      syntax(4, 3, "expected a comma or a closing brace"),
      syntax(5, 3, "expected a comma or a closing brace"),
    ]);
  });

  it("an empty file", () => {
    expect(errorsOf("")).toEqual([syntax(1, 1, "the file is empty: a level is a JSON object, { ... }")]);
  });
});

describe("parseLevelJson: the schema", () => {
  it("a missing field points at the object that lacks it", () => {
    expect(errorsOf(edit(`  "title": "Dining",\n`, ""))).toEqual([
      { code: "schema", message: 'missing required field "title"', path: "title", line: 1, column: 1 },
    ]);
  });

  it("a value of the wrong type", () => {
    expect(errorsOf(edit(`"Five philosophers, five forks."`, "42"))).toEqual([
      { code: "schema", message: "expected a string", path: "summary", line: 6, column: 14 },
    ]);
  });

  it("an unknown field points at its key and suggests the field meant", () => {
    expect(errorsOf(edit(`  "shared": {`, `  "hnt": "Count the forks.",\n  "shared": {`))).toEqual([
      { code: "schema", message: 'unknown field "hnt" (did you mean "hint"?)', path: "hnt", line: 7, column: 3 },
    ]);
  });

  it("a badly formed id", () => {
    expect(errorsOf(edit(`"id": "dining"`, `"id": "Dining_Philosophers"`))).toEqual([
      { code: "schema", message: '"id" must be lower-case kebab-case, like "simple-counter"', path: "id", line: 4, column: 9 },
    ]);
  });

  it("a number that is not an integer", () => {
    expect(errorsOf(edit(`"counter": 0`, `"counter": 0.5`))).toEqual([
      { code: "schema", message: "expected an integer", path: "shared.counter", line: 8, column: 16 },
    ]);
  });

  it("a number outside 32 bits", () => {
    expect(errorsOf(edit(`"counter": 0`, `"counter": 4294967296`))).toEqual([
      { code: "schema", message: "expected a 32-bit integer, from -2147483648 to 2147483647", path: "shared.counter", line: 8, column: 16 },
    ]);
  });

  it("format, win and an unknown type of synchronization object", () => {
    const text = edit(`"format": 1`, `"format": 2`, edit(`{ "type": "mutex" }`, `{ "type": "mutx" }`));
    expect(errorsOf(edit(`"title": "Dining",`, `"title": "Dining", "win": ["deadlok"],`, text))).toEqual([
      { code: "schema", message: '"format" must be 1', path: "format", line: 3, column: 13 },
      { code: "schema", message: '"win" must list outcomes from: mutual-exclusion, assertion, deadlock, exception', path: "win[0]", line: 5, column: 30 },
      { code: "schema", message: 'unknown type "mutx" (did you mean "mutex"?)', path: "shared.m.type", line: 9, column: 20 },
    ]);
  });
});

describe("parseLevelJson: rules across fields", () => {
  it("thread names must be unique after count is expanded", () => {
    const text = edit(`"counter++;" },`, `"counter++;" },\n    { "name": "Philosopher 3", "code": "" },`);
    expect(errorsOf(text)).toEqual([
      { code: "duplicate-thread-name", message: 'duplicate thread name "Philosopher 3" (threads[1] has it too)', path: "threads[2].name", line: 16, column: 15 },
    ]);
  });

  it("a condition's mutex must be a declared, single mutex", () => {
    expect(errorsOf(edit(`"mutex": "m"`, `"mutex": "forks"`))).toEqual([
      { code: "condition-mutex", message: '"forks" is an array of mutexes; a condition needs a single mutex', path: "shared.notEmpty.mutex", line: 11, column: 49 },
    ]);
    expect(errorsOf(edit(`"mutex": "m"`, `"mutex": "lock"`))).toEqual([
      { code: "condition-mutex", message: 'no mutex named "lock" is declared in "shared"', path: "shared.notEmpty.mutex", line: 11, column: 49 },
    ]);
  });

  it("every move of the solution must name a thread, and wake or flush only when the options allow", () => {
    const text = edit(`["Waiter", "Philosopher 0", 3]`, `["Waiter", "Philosopher 5", "Waiter:wake", 6]`);
    const threads = `"Waiter", "Philosopher 0", "Philosopher 1", "Philosopher 2", "Philosopher 3", "Philosopher 4"`;
    expect(errorsOf(text)).toEqual([
      { code: "bad-move", message: `no thread is named "Philosopher 5"; the threads are ${threads}`, path: "solution[1]", line: 17, column: 26 },
      { code: "bad-move", message: '"Waiter:wake" is a spurious wakeup, which needs "options": { "spuriousWakeups": true }', path: "solution[2]", line: 17, column: 43 },
      { code: "bad-move", message: "move 6 is out of range: the threads are numbered 0 to 5", path: "solution[3]", line: 17, column: 58 },
    ]);
  });

  it("a thread name may contain ':'; exact names are matched first", () => {
    const text = edit(`"Waiter", "code"`, `"Waiter:flush", "code"`, edit(`["Waiter", `, `["Waiter:flush", `));
    expect(parseLevelJson(text).ok).toBe(true);
  });

  it("reports schema and rule errors together, in file order", () => {
    const text = edit(`"summary": "Five philosophers, five forks."`, `"summary": ""`, edit(`"mutex": "m"`, `"mutex": "counter"`));
    expect(errorsOf(text).map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`)).toEqual([
      `6:14 summary: "summary" must not be empty`,
      `11:49 shared.notEmpty.mutex: "counter" is an integer, not a mutex`,
    ]);
  });
});

describe("parseLevelJson: a valid level", () => {
  it("applies every default to a minimal level", () => {
    const minimal = `{ "format": 1, "id": "tiny", "title": "Tiny", "summary": "One thread.",
      "shared": { "s": { "type": "semaphore" }, "e": { "type": "event" }, "q": { "type": "queue" } },
      "threads": [{ "name": "Solo", "code": "" }] }`;
    const result = parseLevelJson(minimal);
    expect(result).toEqual({
      ok: true,
      value: {
        format: 1, id: "tiny", title: "Tiny", summary: "One thread.",
        win: ["mutual-exclusion", "assertion", "deadlock", "exception"],
        breakable: true,
        shared: {
          s: { type: "semaphore", value: 0 },
          e: { type: "event", set: false },
          q: { type: "queue", items: [], capacity: 8 },
        },
        noops: [],
        threads: [{ name: "Solo", code: "" }],
        options: { spuriousWakeups: false, memoryModel: "sc", storeBufferSize: 4 },
      },
    });
  });

  it("keeps the order of shared declarations and drops $schema", () => {
    const result = parseLevelJson(LEVEL);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(Object.keys(result.value.shared)).toEqual(["counter", "m", "forks", "notEmpty"]);
    expect("$schema" in result.value).toBe(false);
  });

  it("accepts every level of the campaign", () => {
    const dir = new URL("../../levels/", import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "campaign.json" && !f.endsWith(".schema.json"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const result = parseLevelJson(readFileSync(new URL(file, dir), "utf8"), file);
      expect(result.ok ? "ok" : result.error.map((e) => e.message).join("; "), file).toBe("ok");
    }
  });
});

describe("thread names and positions", () => {
  it("expands {id} in the names of repeated threads", () => {
    expect(expandThreadNames([{ name: "Waiter", code: "" }, { name: "Philosopher {id}", code: "", count: 3 }])).toEqual([
      "Waiter", "Philosopher 0", "Philosopher 1", "Philosopher 2",
    ]);
  });

  it("positionOf finds a value by its path", () => {
    expect(positionOf(LEVEL, ["threads", 1, "count"])).toEqual({ line: 15, column: 44 });
    expect(positionOf(LEVEL, ["shared", "nothing"])).toBeUndefined();
  });
});

// ---- Golden file: every message, as the instructor reads it ------------------------------------

const GOLDEN_CASES: [string, string][] = [
  ["root is not an object", "[1, 2]"],
  ["unterminated string", `{ "id": "dining`],
  ["single quotes", `{ 'id': 1 }`],
  ["leading zero", `{ "format": 01 }`],
  ["bad escape", `{ "code": "a \\q b" }`],
  ["text after the object", `{ "format": 1 } }`],
  ["nesting too deep", "[".repeat(101)],
  // What the parser reads as a string or a comment, the depth count must read so too.
  ["nesting too deep after a string broken by a carriage return", `["\r${"[".repeat(100_000)}`],
  ["nesting too deep after a comment holding a quote", `[/*"*/${"[".repeat(100_000)}`],
  ["nesting too deep after closing brackets the parser skips", `[{${"]".repeat(100_000)},"a":${"[".repeat(100_000)}`],
  ["duplicate key", edit(`"title": "Dining",`, `"title": "Dining", "title": "Again",`)],
  ["every shared mistake", edit(`"counter": 0,`, `"counter": 0, "int": 1, "9lives": 2, "mixed": [1, true], "empty": [], "text": "s",
    "s": { "type": "semaphore", "value": 3, "max": 2 }, "q": { "type": "queue", "items": [1, 2, 3], "capacity": 2 },
    "b": { "type": "barrier", "parties": 0 }, "l": { "type": "countdown" }, "x": {}, "c": { "type": "condition", "mutex": "s" },
    "m2": { "type": "mutex", "cnt": 2 }, "m3": { "type": "mutex", "count": 17 },`)],
  ["noops", edit(`"threads": [`, `"noops": ["counter", "while", "skip", "skip", "no-op", 3],\n  "threads": [`)],
  ["threads", edit(`"counter++;" },`, `"counter++;", "count": 3 }, { "name": "Nameless" }, { "name": "X", "code": 1, "colour": "red" },`)],
  ["too many threads", edit(`"count": 5,`, `"count": 16,`)],
  ["thread code too long, and a thread named __proto__", edit(`{ "name": "Waiter", "code": "counter++;" }`,
    `{ "name": "Waiter", "code": "${"counter++;".repeat(1001)}" },
    { "name": "__proto__", "code": "" }`)],
  ["options and moves", edit(`"solution": ["Waiter", "Philosopher 0", 3]`,
    `"options": { "memoryModel": "pso", "storeBufferSize": 0, "spurious": true },
  "win": [], "breakable": "yes",
  "solution": ["Waiter:flush", "Waiter:jump", "Nobody:wake", -1, 1.5, null]`)],
];

function renderGolden(): string {
  return GOLDEN_CASES.map(([name, text]) => {
    const result = parseLevelJson(text);
    const lines = result.ok ? ["(valid)"] : result.error.map((e) => `${e.line}:${e.column} ${e.path ?? "-"} [${e.code}] ${e.message}`);
    return `## ${name}\n${lines.join("\n")}\n`;
  }).join("\n");
}

describe("golden messages", () => {
  it("match __golden__/level-errors.txt (UPDATE_GOLDEN=1 rewrites it)", () => {
    const file = new URL("./__golden__/level-errors.txt", import.meta.url);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, renderGolden());
    expect(renderGolden()).toBe(readFileSync(file, "utf8"));
  });

  it("every error of every golden case, through parseLevel, is at a line and column of its file", () => {
    for (const [name, text] of GOLDEN_CASES) {
      const result = parseLevel(text);
      const lines = text.split(/\r\n|\r|\n/);
      const misplaced = result.ok ? [] : result.error.filter((e) => {
        const at = e.inFile ?? e;
        return !(Number.isInteger(at.line) && at.line! >= 1 && at.line! <= lines.length && at.column! >= 1 && at.column! <= lines[at.line! - 1].length + 1);
      });
      expect(misplaced, name).toEqual([]);
    }
  });
});

// ---- Never throws -----------------------------------------------------------------------------

/** parseLevel's Result, whose errors each say what and where: in the file, or inside the code. */
function wellFormed(text: string): boolean {
  const result = parseLevel(text);
  if (result.ok) return result.value.spec.threads.length > 0;
  const linesOf = (s: string) => s.split(/\r\n|\r|\n/).length;
  return result.error.length > 0 && result.error.every((e) => {
    // Errors in thread code come only for a sound file, and are placed in that thread's code.
    const thread = /^threads\[(\d+)\]\.code$/.exec(e.path ?? "");
    const inCode = thread !== null && !["json-syntax", "schema", "duplicate-key"].includes(e.code);
    const lines = inCode ? (JSON.parse(text).threads[Number(thread[1])].code as string).split("\n").length : linesOf(text);
    return typeof e.code === "string" && typeof e.message === "string" && e.message.length > 0 && !e.message.includes("\u0000") &&
      Number.isInteger(e.line) && e.line! >= 1 && e.line! <= lines && Number.isInteger(e.column) && e.column! >= 1;
  });
}

const jsonish = fc.array(fc.constantFrom(..."{}[]\":,0123456789.-e truefalsnul\n\\/*'x".split("")), { maxLength: 80 }).map((a) => a.join(""));

/** Every path to a value inside `value`. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([k, v]) => pathsOf(v, [...path, k]))];
}

function mutate(path: (string | number)[], replacement: unknown, remove: boolean): string {
  const root = JSON.parse(LEVEL);
  if (path.length === 0) return JSON.stringify(replacement);
  const owner = path.slice(0, -1).reduce((o, k) => o[k], root);
  const key = path[path.length - 1];
  if (remove) Array.isArray(owner) ? owner.splice(key as number, 1) : delete owner[key];
  else owner[key] = replacement;
  return JSON.stringify(root, null, 2);
}

describe("parseLevel never throws", () => {
  it("on arbitrary text", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: "binary" }), jsonish, fc.json()), (text) => wellFormed(text)));
  });

  it("on a valid level with characters inserted or deleted", () => {
    fc.assert(
      fc.property(fc.nat(LEVEL.length), fc.nat(6), fc.string({ maxLength: 3 }), (at, cut, insert) =>
        wellFormed(LEVEL.slice(0, at) + insert + LEVEL.slice(at + cut)),
      ),
      { numRuns: 300 },
    );
  });

  it("on a valid level with a field deleted or given a value of another type", () => {
    const paths = pathsOf(JSON.parse(LEVEL));
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }), fc.boolean(), (path, value, remove) =>
        wellFormed(mutate(path, value, remove)),
      ),
      { numRuns: 300 },
    );
  });

  it("on a valid level whose thread code has characters inserted or deleted", () => {
    const code = "int t = counter;\nif (t < 2 && !(forks[id].tryLock())) {\n  counter = t + 1;\n} else { forks[(id + 1) % 5].lock(); }";
    const text = mutate(["threads", 1, "code"], code, false);
    const words = ["0", "9", "x", "id", "t", "true", "while", "if", "else", "int", "bool", "toString", "__proto__", "constructor"];
    const codeish = fc.constantFrom(..."(){}[];,.!-+*/%=<>&|\n\"\\ ", ...words);
    fc.assert(
      fc.property(fc.nat(code.length), fc.nat(4), fc.array(codeish, { maxLength: 3 }), (at, cut, insert) =>
        wellFormed(mutate(["threads", 1, "code"], code.slice(0, at) + insert.join("") + code.slice(at + cut), false)),
      ),
      { numRuns: 300 },
    );
    expect(parseLevel(text).ok).toBe(true);
  });
});
