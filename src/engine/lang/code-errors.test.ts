// Golden messages for mistakes in thread code: exact text, path, line and column, through the
// real parseLevel, as the checker and the editor report them; and each one's place in the file.

import { describe, expect, it } from "vitest";
import { parseLevel } from "../index";

function errorsOf(code: string, shared: Record<string, unknown> = {}, noops: string[] = []) {
  const level = {
    format: 1, id: "broken", title: "Broken", summary: "A level with a mistake.",
    shared, noops, threads: [{ name: "Fine", code: "int ok = 1;" }, { name: "Broken", code }],
  };
  const parsed = parseLevel(JSON.stringify(level, null, 2));
  if (parsed.ok) throw new Error("expected errors");
  return parsed.error.map((e) => `${e.path} ${e.line}:${e.column} ${e.message}`);
}

const SHARED = { counter: 0, flag: false, buffer: [0, 0], m: { type: "mutex" }, forks: { type: "mutex", count: 2 }, q: { type: "queue" } };

describe("thread-code errors", () => {
  const cases: [string, string, string[]][] = [
    ["a missing semicolon", "counter++\nflag = true;", ['threads[1].code 1:10 expected ";" after "++"']],
    ["a missing closing parenthesis", "if (counter == 1 {\n}", ['threads[1].code 1:18 expected ")", found "{"']],
    ["a block without braces", "while (flag)\n  counter++;", ['threads[1].code 2:3 expected "{", found "counter" (blocks need braces)']],
    ["a single &", "if (flag & flag) {\n}", ['threads[1].code 1:10 unexpected character "&" (did you mean "&&"?)']],
    ["an undeclared name, with a suggestion", "countr++;", ['threads[1].code 1:1 undeclared name "countr" (did you mean "counter"?)']],
    ["an undeclared name", "int t = banana;", ['threads[1].code 1:9 undeclared name "banana"']],
    ["an unknown method", "m.acquire();", ['threads[1].code 1:3 a mutex has no method "acquire"; its methods are lock, unlock and tryLock']],
    ["a method on a variable", "counter.lock();", ['threads[1].code 1:1 "counter" is an int and has no methods']],
    ["an int where a bool is needed", "if (counter) {\n}", ['threads[1].code 1:5 the condition of an "if" must be a bool, but this is an int']],
    ["a bool assigned to an int", "counter = flag;", ['threads[1].code 1:11 the value assigned to "counter" must be an int, but this is a bool']],
    ["comparing an int with a bool", "bool b = counter == flag;", ['threads[1].code 1:10 "==" compares values of one type, but this compares an int with a bool']],
    ["a void method used as a value", "bool b = m.lock();", ['threads[1].code 1:10 m.lock() returns nothing, so it cannot be used as the value of "b"']],
    ["an object used as a value", "int t = m;", ['threads[1].code 1:9 "m" is a mutex; use it through its methods, like m.lock()']],
    ["an array without an index", "int t = buffer;", ['threads[1].code 1:9 "buffer" is an array; use one element, like buffer[0]']],
    ["an object array without an index", "forks.lock();", ['threads[1].code 1:1 "forks" is an array of 2 mutexes; pick one, like forks[0].lock()']],
    ["assigning to id", "id = 2;", ['threads[1].code 1:1 "id" is read-only: it tells the copies of a thread apart']],
    ["a local redeclared", "int t = 1;\nint t = 2;", ['threads[1].code 2:5 "t" is already declared in this thread']],
    ["a local shadowing a shared name", "int counter = 1;", ['threads[1].code 1:5 "counter" is already a shared variable; a local needs another name']],
    ["break outside a loop", "break;", ['threads[1].code 1:1 "break" is only allowed inside a while loop']],
    ["wrong number of arguments", "q.enqueue();", ['threads[1].code 1:1 enqueue() takes 1 argument, but 0 were given']],
    ["an unknown function", "sleep();", ['threads[1].code 1:1 unknown function "sleep"; declare it in "noops" if it is a call that does nothing']],
    ["a name every JavaScript object has, as a function", "toString();", ['threads[1].code 1:1 unknown function "toString"; declare it in "noops" if it is a call that does nothing']],
    ["a name every JavaScript object has, as a method", "m.constructor();", ['threads[1].code 1:3 a mutex has no method "constructor"; its methods are lock, unlock and tryLock']],
    ["parentheses nested too deep", `int t = ${"(".repeat(65)}1${")".repeat(65)};`, [
      'threads[1].code 1:73 the code nests more than 64 levels deep here (each block, parenthesis, bracket, "!", "-", "else if" and operator adds a level)',
    ]],
    ["atomic_add on a local", "int t = 0;\natomic_add(t, 1);", ['threads[1].code 2:12 atomic operations work on shared ints, but "t" is a local']],
    ["several errors in one run", "countr++;\nm.acquire();\nif (counter) {\n}", [
      'threads[1].code 1:1 undeclared name "countr" (did you mean "counter"?)',
      'threads[1].code 2:3 a mutex has no method "acquire"; its methods are lock, unlock and tryLock',
      'threads[1].code 3:5 the condition of an "if" must be a bool, but this is an int',
    ]],
    ["syntax errors recover at the next statement", "counter = ;\nflag = true\nm.lock();", [
      'threads[1].code 1:11 expected a value, found ";"',
      'threads[1].code 2:12 expected ";" after "true"',
    ]],
  ];
  it.each(cases)("%s", (_what, code, expected) => {
    expect(errorsOf(code, SHARED)).toEqual(expected);
  });

  it.each(cases)("%s: is placed in the file too, at the character the code position names", (_what, code) => {
    const text = JSON.stringify({ format: 1, id: "broken", title: "Broken", summary: "S", shared: SHARED, threads: [{ name: "Broken", code }] }, null, 2);
    const parsed = parseLevel(text);
    if (parsed.ok) throw new Error("expected errors");
    const stringStart = text.indexOf(JSON.stringify(code));
    for (const e of parsed.error) {
      const start = text.split("\n").slice(0, e.inFile!.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + e.inFile!.column - 1;
      // The file up to the error decodes to the code up to the error's line and column.
      const codeLines = code.split("\n").slice(0, e.line!);
      codeLines[e.line! - 1] = codeLines[e.line! - 1].slice(0, e.column! - 1);
      expect(JSON.parse(`${text.slice(stringStart, start)}"`)).toBe(codeLines.join("\n"));
    }
  });

  it("reports a noop used as a value", () => {
    expect(errorsOf("int t = work;", {}, ["work"])).toEqual(['threads[1].code 1:9 "work" is a noop: call it as a statement, like work();']);
  });
});
