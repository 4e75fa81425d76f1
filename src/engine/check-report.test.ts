// The one check report: what levels check and the editor's Check both say of a level, from the
// plain data its searches hand in (no solver here: the report is a pure reading of findings).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkReport, parseLevel, parseMove, type FixVerdict, type Level, type Move } from "./index";

function load(id: string): Level {
  const parsed = parseLevel(readFileSync(`levels/${id}.json`, "utf8"), `${id}.json`);
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  return parsed.value;
}
const moves = (level: Level, names: readonly (string | number)[]): Move[] => names.map((n) => parseMove(level.program, n)!);

const lostUpdate = load("lost-update");
const peterson = load("peterson");
const fixLostUpdate = load("fix-lost-update");
const winning = moves(lostUpdate, lostUpdate.spec.solution!);

const holds: FixVerdict = { verdict: "fixed", states: 23, ms: 2 };
const breaks: FixVerdict = { verdict: "broken", outcome: "assertion", schedule: moves(fixLostUpdate, fixLostUpdate.spec.solution!), states: 20, ms: 1 };

describe("checkReport", () => {
  it("a level to break whose search wins and whose solution replays has no problems", () => {
    const report = checkReport(lostUpdate, { verdict: "breakable", outcome: "assertion", schedule: winning, states: 20, ms: 3 });
    expect(report).toEqual({
      kind: "break", verdict: "breakable", outcome: "assertion", schedule: winning, shortest: 7, states: 20, ms: 3, breakable: true, claim: null,
      solutionReplays: true, solutionProblem: null, errors: [], problems: [],
    });
  });

  it("says when the verdict contradicts the level's claim, both ways", () => {
    const safe = checkReport(lostUpdate, { verdict: "safe", states: 20, ms: 1 });
    const claim = 'the level is meant to be breakable, but no schedule wins (mark it "breakable": false if the code is meant to be correct)';
    expect(safe).toMatchObject({ claim, problems: [claim], shortest: null, schedule: null });
    const broken = checkReport(peterson, { verdict: "breakable", outcome: "mutual-exclusion", schedule: [{ kind: "step", thread: 0 }], states: 9, ms: 1 });
    expect(broken).toMatchObject({ kind: "prove", claim: 'the level says "breakable": false, but a schedule wins', shortest: 1 });
    expect(broken.problems).toEqual(['the level says "breakable": false, but a schedule wins']);
  });

  it("a search that gave up is a problem, but not a contradiction", () => {
    const report = checkReport(peterson, { verdict: "unknown", states: 12_345, ms: 1 });
    expect(report).toMatchObject({ claim: null, problems: ["the search gave up after 12,345 states"], errors: [] });
  });

  it("a level won before any move is an error at its threads", () => {
    const report = checkReport(lostUpdate, { verdict: "breakable", outcome: "mutual-exclusion", schedule: [], states: 1, ms: 1 });
    const message = "the level is already won before any move (mutual-exclusion)";
    expect(report.errors).toEqual([{ code: "won-at-start", message, path: "threads" }]);
    expect(report.problems[0]).toBe(message);
    expect(report.shortest).toBe(0);
  });

  it("replays the solution and says, in the engine's words, why it does not win", () => {
    const level = { ...lostUpdate, spec: { ...lostUpdate.spec, solution: lostUpdate.spec.solution!.slice(0, 3) } };
    const report = checkReport(level, { verdict: "breakable", outcome: "assertion", schedule: winning, states: 20, ms: 1 });
    expect(report).toMatchObject({ solutionReplays: false, solutionProblem: "after all 3 moves the game is still going" });
    expect(report.problems).toEqual(["the solution does not replay: after all 3 moves the game is still going"]);
  });

  it("a fix-it level passes when its code breaks and its reference fix holds; without the judge's findings it says nothing of the fix", () => {
    const search = { verdict: "breakable" as const, outcome: "assertion" as const, schedule: breaks.schedule, states: 20, ms: 1 };
    const report = checkReport(fixLostUpdate, search, { broken: breaks, reference: holds });
    expect(report).toMatchObject({ kind: "fix", problems: [], errors: [], fix: { broken: breaks, reference: holds, problems: [] } });
    expect(checkReport(fixLostUpdate, search).fix).toBeUndefined();
  });

  it("names what is wrong with a fix-it level: nothing to fix, a reference that does not hold, one that does not compile", () => {
    const search = { verdict: "breakable" as const, outcome: "assertion" as const, schedule: breaks.schedule, states: 20, ms: 1 };
    const nothing = checkReport(fixLostUpdate, search, { broken: { verdict: "fixed", states: 4, ms: 1 }, reference: holds });
    expect(nothing.problems).toEqual(["the code the student starts from already holds (4 states checked): there is nothing to fix"]);
    expect(nothing.fix!.problems).toEqual(nothing.problems);

    const wrong = checkReport(fixLostUpdate, search, { broken: breaks, reference: breaks });
    expect(wrong.problems).toEqual([
      "the reference fix does not hold: a schedule of 7 moves still reaches assertion: Teller Al, Teller Bea, Teller Bea, Teller Al, Teller Al, Teller Bea, Teller Bea",
    ]);
    expect(wrong.errors).toEqual([]);

    const typo: FixVerdict = { verdict: "invalid", problems: [{ thread: "Teller Al", code: "undeclared-name", message: 'undeclared name "balanse"', line: 2, column: 1 }] };
    const invalid = checkReport(fixLostUpdate, search, { broken: breaks, reference: typo });
    expect(invalid.errors).toEqual([
      { code: "undeclared-name", message: 'reference fix: undeclared name "balanse"', path: "fix.reference.Teller Al", line: 2, column: 1 },
    ]);
    expect(invalid.problems).toEqual(['the reference fix does not hold: the code has errors: Teller Al, line 2: undeclared name "balanse"']);
  });
});
