// The random scheduler's odds: exact values on levels small enough to work out by hand (a race of
// single steps, a lost update, spin loops of one and of two states), every level's odds adding up
// to 1, and the state graph being the solver's own (the same states as explore.ts finds).

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel, type Program } from "../engine/index";
import { mini } from "../engine/testing/levels";
import { Exploration } from "./explore";
import { outcomeOdds, type OddsAnswer, type OutcomeClass } from "./odds";

const BUDGET = { maxStates: 200_000 };

function done(answer: OddsAnswer) {
  if (answer.status !== "done") throw new Error(`the odds were not worked out (${answer.status})`);
  return answer;
}

/** The chance of each finished run, by its shared values. */
const finishedOdds = (outcomes: OutcomeClass[]) =>
  Object.fromEntries(outcomes.filter((c) => c.kind === "finished").map((c) => [c.shared!.join(","), c.probability]));

describe("outcomeOdds: by hand", () => {
  it("two threads of one step each: whoever writes last wins, 50/50", () => {
    const { program } = mini({ shared: { x: 0 }, threads: ["x = 1;", "x = 2;"] });
    const odds = done(outcomeOdds(program, BUDGET));
    expect(finishedOdds(odds.outcomes)).toEqual({ "1": 0.5, "2": 0.5 });
    expect(odds.neverEnds).toBe(0);
  });

  it("two increments: the update is lost unless one thread does both its steps first, 1/4 + 1/4", () => {
    const { program } = mini({ shared: { x: 0 }, threads: ["x++;", "x++;"] });
    expect(finishedOdds(done(outcomeOdds(program, BUDGET)).outcomes)).toEqual({ "1": 0.5, "2": 0.5 });
  });

  it("a failed assert and a finished run, in the engine's words", () => {
    const { program } = mini({ shared: { x: 0 }, threads: ["x++;", "x++;\nassert(x == 2);"] });
    const odds = done(outcomeOdds(program, BUDGET));
    const assertion = odds.outcomes.find((c) => c.kind === "assertion")!;
    expect(assertion).toMatchObject({ threads: [1], lines: [2], message: "B failed assert(x == 2) at line 2" });
    expect(odds.outcomes.reduce((sum, c) => sum + c.probability, 0)).toBeCloseTo(1, 12);
  });

  it("a spin loop of one state: the waiting thread's spins do not change the odds, 3/4 against 1/4", () => {
    // A spins until B raises the flag; then A needs two steps (the last test, the write) to B's one.
    // x ends 2 only if A takes both before B writes: 1/2 * 1/2.
    const { program } = mini({ shared: { flag: false, x: 0 }, threads: ["while (!flag) {}\nx = 1;", "flag = true;\nx = 2;"] });
    const odds = done(outcomeOdds(program, BUDGET));
    const byX = finishedOdds(odds.outcomes);
    expect(byX["1,1"]).toBeCloseTo(3 / 4, 12);
    expect(byX["1,2"]).toBeCloseTo(1 / 4, 12);
    expect(odds.neverEnds).toBe(0);
  });

  it("a spin loop of two states, solved by elimination and by iteration: 19/24 against 5/24", () => {
    // A's loop is two steps (the test, then the declaration). When B raises the flag, A is at the
    // test with chance 2/3 (then x ends 2 with chance 1/4) or at the declaration with 1/3 (then 1/8).
    const { program } = mini({ shared: { flag: false, x: 0 }, threads: ["while (!flag) {\n  int k = 1;\n}\nx = 1;", "flag = true;\nx = 2;"] });
    for (const denseLimit of [2500, 1]) {
      const odds = done(outcomeOdds(program, { ...BUDGET, denseLimit }));
      const byX = finishedOdds(odds.outcomes);
      expect(byX["1,2"]).toBeCloseTo(5 / 24, 11);
      expect(byX["1,1"]).toBeCloseTo(19 / 24, 11);
      expect(odds.unsettled).toBeLessThan(1e-11);
    }
  });

  it("a loop with no way out: the random scheduler never ends", () => {
    const { program } = mini({ shared: { x: 0 }, threads: ["while (true) {\n  x = 1;\n}", "while (true) {\n  x = 0;\n}"] });
    const odds = done(outcomeOdds(program, BUDGET));
    expect(odds.outcomes).toEqual([]);
    expect(odds.neverEnds).toBe(1);
  });

  it("under TSO, flushes are moves like steps: both reads see 0 with a chance, and all adds up to 1", () => {
    const { program } = mini({ shared: { x: 0, y: 0, r1: 1, r2: 1 }, threads: ["x = 1;\nr1 = y;", "y = 1;\nr2 = x;"], options: { memoryModel: "tso" } });
    const odds = done(outcomeOdds(program, BUDGET));
    const byState = finishedOdds(odds.outcomes);
    expect(Object.keys(byState).sort()).toEqual(["1,1,0,0", "1,1,0,1", "1,1,1,0", "1,1,1,1"]);
    expect(byState["1,1,0,0"]).toBeGreaterThan(0);
    expect(Object.values(byState).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("says too-big past the state budget, and reachOnly finds the outcomes without their odds", () => {
    const { program } = mini({ shared: { x: 0 }, threads: ["x++;", "x++;"] });
    expect(outcomeOdds(program, { maxStates: 3 })).toEqual({ status: "too-big", states: 3 });
    const reach = done(outcomeOdds(program, { ...BUDGET, reachOnly: true }));
    expect(reach.outcomes.map((c) => [c.shared, c.probability])).toEqual([[[2], 0], [[1], 0]]);
  });
});

describe("outcomeOdds on the campaign", () => {
  const ids = readdirSync("levels").filter((f) => f.endsWith(".json") && f !== "campaign.json" && !f.endsWith(".schema.json"));
  const programs = ids.map((f) => [f.replace(/\.json$/, ""), parseLevel(readFileSync(`levels/${f}`, "utf8"))] as const);

  it.each(programs.map(([id]) => id))("%s: the solver's states, and the odds add up to 1", (id) => {
    const parsed = programs.find(([name]) => name === id)![1];
    if (!parsed.ok) throw new Error(`${id} does not load`);
    const p: Program = parsed.value.program;
    const search = new Exploration(p, { outcome: () => false, finished: () => {} }, 60_000);
    const status = search.run();
    const odds = outcomeOdds(p, { maxStates: 60_000 });
    if (status === "budget") {
      expect(odds.status).toBe("too-big");
      return;
    }
    const answer = done(odds);
    expect(answer.states).toBe(search.states);
    const total = answer.outcomes.reduce((sum, c) => sum + c.probability, answer.neverEnds);
    expect(total).toBeCloseTo(1, 9);
    expect(answer.unsettled).toBeLessThan(1e-9);
    for (const c of answer.outcomes) expect(c.probability).toBeGreaterThan(0);
  });
});
