// The one search: pausing it anywhere changes nothing it finds; a step's fault record is its
// caller's own; and the packed state set stays inside the solver, behind the search.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel, type OutcomeKind } from "../engine/index";
import { mini } from "../engine/testing/levels";
import * as V from "../engine/machine";
import { Exploration, type Stop } from "./explore";
import { solve } from "./solve";

const load = (id: string) => {
  const level = parseLevel(readFileSync(`levels/${id}.json`, "utf8"), id);
  if (!level.ok) throw new Error(`${id} does not load`);
  return level.value.program;
};

/** Runs a search of `id` to its end, pausing before every `slice`-th state; what it found. */
function explore(id: string, slice: number, win: OutcomeKind[]) {
  const p = load(id);
  const outcomes: string[] = [];
  let finished = 0;
  const search = new Exploration(
    p,
    {
      outcome: (kind, state, thread) => (outcomes.push(`${kind}@${state}/${thread}`), win.includes(kind)),
      finished: () => void finished++,
    },
    5_000_000,
  );
  let pauses = 0;
  for (let pauseAt = slice; search.run(pauseAt) === "paused"; pauseAt += slice) pauses++;
  const stop: Stop | null = search.stop;
  return { status: search.status, states: search.states, depth: search.depth, outcomes, finished, stop, schedule: stop ? search.movesTo(stop.state, stop.thread) : null, pauses };
}

describe("Exploration", () => {
  it.each([
    ["two-counters", ["assertion"], { status: "stopped", states: 102, finished: 2, outcomes: ["assertion@94/0"], pauses: 14 }],
    ["card-declined", ["deadlock"], { status: "stopped", states: 50, finished: 0, outcomes: ["deadlock@44/-1"], pauses: 6 }],
    ["dekker-by-mail", ["mutual-exclusion"], { status: "stopped", states: 60, finished: 0, outcomes: ["mutual-exclusion@38/-1"], pauses: 5 }],
    ["barging", [], { status: "complete", states: 147, finished: 2, outcomes: ["exception@101/0", "exception@106/1"], pauses: 20 }],
  ] as const)("%s: paused every 7 states, it finds what one run finds", (id, win, expected) => {
    const whole = explore(id, Infinity, [...win]);
    const sliced = explore(id, 7, [...win]);
    expect({ ...sliced, pauses: 0 }).toEqual({ ...whole, pauses: 0 });
    expect({ status: sliced.status, states: sliced.states, finished: sliced.finished, outcomes: sliced.outcomes, pauses: sliced.pauses }).toEqual(expected);
    expect(whole.pauses).toBe(0);
  });

  it("stops where the solver stops, with its schedule; and at the solver's budget", () => {
    const run = explore("two-counters", Infinity, ["assertion"]);
    const solved = solve(load("two-counters"));
    expect(solved).toMatchObject({ verdict: "breakable", outcome: "assertion", states: 102 });
    expect({ status: run.status, states: run.states, kind: run.stop?.kind, schedule: run.schedule }).toEqual({
      status: "stopped", states: 102, kind: "assertion", schedule: solved.schedule,
    });
    const p = load("barging");
    const small = new Exploration(p, { outcome: () => false, finished: () => {} }, 20);
    expect(small.run()).toBe("budget");
    expect(small.states).toBe(21);
    expect(solve(p, { win: [], maxStates: 20 })).toMatchObject({ verdict: "unknown", states: 21 });
  });
});

describe("the fault record", () => {
  it("is the caller's: a step writes where it threw into the record it is given, and no other", () => {
    const { program } = mini({ shared: { m: { type: "mutex" }, a: [1, 2] }, threads: ["m.unlock();", "int i = 5;\na[i] = 1;"] });
    const mine = V.newFault();
    const other = V.newFault();
    expect(V.execStep(program, program.initial.slice(), 0, mine)).toBe(V.THROWN);
    expect(mine).toMatchObject({ rule: V.E_UNLOCK_NOT_OWNER, thread: 0 });
    const s = program.initial.slice();
    expect(V.execStep(program, s, 1, other)).toBe(V.OK);
    expect(V.execStep(program, s, 1, other)).toBe(V.THROWN);
    expect(other).toMatchObject({ rule: V.E_INDEX, thread: 1, detail: 5 });
    expect(mine).toMatchObject({ rule: V.E_UNLOCK_NOT_OWNER, thread: 0, detail: 0 });
  });
});

describe("StateSet", () => {
  it("is imported only inside src/solver: everything else searches through explore.ts", () => {
    const files = readdirSync("src", { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f));
    const importers = files.filter((f) => /(from|import\()\s*["'][^"']*\/state-set["']/.test(readFileSync(`src/${f}`, "utf8")));
    // odds.ts keeps every edge of the state graph (a Markov chain), which explore.ts's search does
    // not: it builds the same states (its test checks the counts match) on StateSet's public API.
    expect(importers.map((f) => f.replaceAll("\\", "/")).sort()).toEqual(["solver/explore.ts", "solver/odds.ts", "solver/state-set.test.ts"]);
  });
});
