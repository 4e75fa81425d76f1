// A fix-it level's `fix` field: its defaults, and the message, path, line and column of each
// mistake an instructor can make in it. Levels without `fix` load exactly as before.

import { describe, expect, it } from "vitest";
import { parseLevelJson } from "./level";
import type { LevelError } from "./result";

const LEVEL = `{
  "format": 1,
  "id": "fix-bank",
  "title": "Fix the bank",
  "summary": "Two deposits.",
  "shared": { "balance": 0, "done": false, "log": [0, 0], "m": { "type": "mutex" } },
  "threads": [
    { "name": "Al", "code": "balance += 100;" },
    { "name": "Clerk {id}", "count": 2, "code": "balance += 1;" }
  ],
  "fix": {
    "threads": ["Al", "Clerk {id}"],
    "require": { "final": { "balance": 102 } },
    "reference": { "Al": "m.lock();\\nbalance += 100;\\nm.unlock();", "Clerk {id}": "atomic_add(balance, 1);" }
  }
}`;
// lines: 6 shared, 12 fix.threads, 13 require, 14 reference

function edit(from: string, to: string, text = LEVEL): string {
  if (text.split(from).length !== 2) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function errorsOf(text: string): LevelError[] {
  const result = parseLevelJson(text);
  if (result.ok) throw new Error("expected the level to be rejected");
  return result.error;
}

const at = (code: string, path: string, line: number, column: number, message: string): LevelError => ({ code, message, path, line, column });

describe("fix: defaults", () => {
  it("forbids all four outcomes and requires finishing unless told otherwise", () => {
    const result = parseLevelJson(LEVEL);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.fix).toEqual({
      threads: ["Al", "Clerk {id}"],
      forbid: ["mutual-exclusion", "assertion", "deadlock", "exception"],
      require: { finish: true, final: { balance: 102 } },
      reference: { Al: "m.lock();\nbalance += 100;\nm.unlock();", "Clerk {id}": "atomic_add(balance, 1);" },
    });
  });

  it("a level without fix has none", () => {
    const without = LEVEL.replace(/,\n {2}"fix": \{[\s\S]*\n {2}\}\n\}$/, "\n}");
    const result = parseLevelJson(without);
    expect(result.ok && result.value.fix).toBe(undefined);
  });
});

describe("fix: mistakes", () => {
  it("an editable thread that does not exist, with a guess", () => {
    expect(errorsOf(edit(`"threads": ["Al", "Clerk {id}"]`, `"threads": ["Alf", "Clerk {id}"]`))).toEqual([
      at("fix-thread", "fix.threads[0]", 12, 17, `no thread is named "Alf" (did you mean "Al"?)`),
      at("fix-reference", "fix.reference.Al", 14, 20, `"Al" is not in "fix.threads", so the reference cannot change its code`),
      at("fix-reference", "fix.reference", 14, 18, `the reference fix has no code for "Alf"`),
    ].sort((a, b) => a.line! - b.line! || a.column! - b.column!));
  });

  it("an expanded name is not the name as written", () => {
    const errors = errorsOf(edit(`"threads": ["Al", "Clerk {id}"]`, `"threads": ["Al", "Clerk 0"]`));
    expect(errors[0]).toEqual(at("fix-thread", "fix.threads[1]", 12, 23, `"Clerk 0" is one copy of "Clerk {id}": name the thread as it is written, "Clerk {id}", to edit every copy`));
  });

  it("a thread listed twice", () => {
    const errors = errorsOf(edit(`"threads": ["Al", "Clerk {id}"]`, `"threads": ["Al", "Al"]`));
    expect(errors).toContainEqual(at("fix-thread", "fix.threads[1]", 12, 23, `"Al" is listed twice in "fix.threads"`));
  });

  it("no editable thread at all", () => {
    expect(errorsOf(edit(`"threads": ["Al", "Clerk {id}"]`, `"threads": []`))).toContainEqual(
      at("schema", "fix.threads", 12, 16, `"threads" must not be empty`),
    );
  });

  it("an outcome that is not one, or listed twice", () => {
    const errors = errorsOf(edit(`"require":`, `"forbid": ["deadlock", "deadlock", "finished"],\n    "require":`));
    expect(errors).toContainEqual(at("duplicate-outcome", "fix.forbid[1]", 13, 28, `"deadlock" is listed twice in "forbid"`));
    expect(errors).toContainEqual(at("schema", "fix.forbid[2]", 13, 40, `"forbid" must list outcomes from: mutual-exclusion, assertion, deadlock, exception`));
  });

  it("a final value for a variable that is not declared, an array, or of the other type", () => {
    const errors = errorsOf(edit(`"final": { "balance": 102 }`, `"final": { "balanse": 1, "log": 0, "done": 1, "m": true }`));
    expect(errors).toEqual([
      at("fix-final", "fix.require.final.balanse", 13, 29, `no shared variable is named "balanse"`),
      at("fix-final", "fix.require.final.log", 13, 43, `"log" is an array; "final" takes int and bool variables only`),
      at("fix-final", "fix.require.final.done", 13, 53, `"done" is a bool, so its final value must be true or false`),
      at("fix-final", "fix.require.final.m", 13, 64, `"m" is a mutex; "final" takes int and bool variables only`),
    ]);
  });

  it("a final value that is not a value", () => {
    expect(errorsOf(edit(`"final": { "balance": 102 }`, `"final": { "balance": "102" }`))).toEqual([
      at("schema", "fix.require.final.balance", 13, 40, "expected an integer or true/false"),
    ]);
  });

  it("an unknown field, with a guess", () => {
    expect(errorsOf(edit(`"require": {`, `"requires": {`))).toEqual([
      at("schema", "fix.requires", 13, 5, `unknown field "requires" (did you mean "require"?)`),
    ]);
    expect(errorsOf(edit(`"final":`, `"finale":`))).toEqual([
      at("schema", "fix.require.finale", 13, 18, `unknown field "finale" (did you mean "final"?)`),
    ]);
  });

  it("a missing reference", () => {
    expect(errorsOf(edit(`,\n    "reference": { "Al": "m.lock();\\nbalance += 100;\\nm.unlock();", "Clerk {id}": "atomic_add(balance, 1);" }`, ""))).toEqual([
      at("schema", "fix.reference", 11, 10, `missing required field "reference"`),
    ]);
  });

  it("a fix-it level cannot be a prove-it level", () => {
    expect(errorsOf(edit(`"summary": "Two deposits.",`, `"summary": "Two deposits.",\n  "breakable": false,`))).toEqual([
      at("fix-breakable", "breakable", 6, 16, `a fix-it level starts from broken code, so "breakable" cannot be false`),
    ]);
  });
});
