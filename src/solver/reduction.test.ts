// The partial-order reduction (REDUCTION.md) against the plain search: the same verdicts,
// outcomes, shortest schedules, reachable outcomes and finished states, on random small levels
// and on the campaign; fewer states for proofs; and schedules that replay through the engine.

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLevel, replay, type OutcomeKind, type Program } from "../engine/index";
import { mini } from "../engine/testing/levels";
import { stressLevelText } from "../../bench/stress";
import { Exploration } from "./explore";
import { judge } from "./judge";
import { solve } from "./solve";
import { randomRichLevel } from "./testing/random-levels";

const BUDGET = 10_000;

/** Every outcome met and every finished state, searching everything (nothing wins). */
function reachable(p: Program, reduce: boolean, maxStates = BUDGET) {
  const outcomes = new Set<OutcomeKind>();
  const finished = new Set<string>();
  const search = new Exploration(
    p,
    { outcome: (kind) => (outcomes.add(kind), false), finished: (s) => void finished.add(s.slice(0, p.stateLength).join(",")) },
    maxStates,
    p.initial,
    { reduce },
  );
  const status = search.run();
  return { status, outcomes: [...outcomes].sort(), finished: [...finished].sort(), states: search.states, reduced: search.reduced };
}

const load = (id: string) => {
  const level = parseLevel(readFileSync(`levels/${id}.json`, "utf8"), id);
  if (!level.ok) throw new Error(`${id} does not load`);
  return level.value;
};

describe("reduced and plain searches agree", () => {
  it("on random levels: reachable outcomes and finished states, verdict, outcome, shortest length; schedules replay", () => {
    fc.assert(
      fc.property(randomRichLevel, (level) => {
        const p = level.program;
        const plain = reachable(p, false);
        const reduced = reachable(p, true);
        if (plain.status === "complete") {
          expect(reduced.status).toBe("complete");
          expect({ outcomes: reduced.outcomes, finished: reduced.finished }).toEqual({ outcomes: plain.outcomes, finished: plain.finished });
          expect(reduced.states).toBeLessThanOrEqual(plain.states);
        }
        const a = solve(p, { maxStates: BUDGET });
        const b = solve(p, { maxStates: BUDGET, reduce: true });
        // Within the budget: a proof may fit it only reduced.
        if (a.verdict !== "unknown") expect([b.verdict, b.outcome, b.schedule?.length]).toEqual([a.verdict, a.outcome, a.schedule?.length]);
        const any = solve(p, { maxStates: BUDGET, reduce: true, shortest: false });
        if (a.verdict !== "unknown") expect(any.verdict).toBe(a.verdict);
        for (const r of [b, any]) {
          if (r.verdict !== "breakable") continue;
          const played = replay(p, r.schedule!);
          expect(played.error).toBeUndefined();
          expect(played.state.outcome).toMatchObject({ kind: r.outcome, win: true });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("on every campaign level: the same verdict, outcome and shortest schedule length", () => {
    const campaign = JSON.parse(readFileSync("levels/campaign.json", "utf8")) as { chapters: { levels: string[] }[] };
    for (const id of campaign.chapters.flatMap((c) => c.levels)) {
      const { program } = load(id);
      const a = solve(program);
      const b = solve(program, { reduce: true });
      expect([id, b.verdict, b.outcome, b.schedule?.length]).toEqual([id, a.verdict, a.outcome, a.schedule?.length]);
      const all = [reachable(program, false, 200_000), reachable(program, true, 200_000)].map((r) => ({ status: r.status, outcomes: r.outcomes, finished: r.finished }));
      expect(all[0].status).toBe("complete");
      expect([id, all[1]]).toEqual([id, all[0]]);
    }
  });
});

describe("proofs with fewer states", () => {
  it.each([
    ["lowest-fork-first", 82336, 5423],
    ["left-handed", 17063, 5019],
    ["cas-counter", 367, 193],
    ["message-in-order", 8, 8],
  ])("%s: safe in %i states plain, %i reduced", (id, plain, reduced) => {
    const { program } = load(id);
    expect(solve(program)).toMatchObject({ verdict: "safe", states: plain, reduced: false });
    expect(solve(program, { reduce: true })).toMatchObject({ verdict: "safe", states: reduced, reduced: true });
  });

  it("the stress level with three philosophers: safe either way, with the states SPIN's reduction keeps on such models", () => {
    const level = parseLevel(stressLevelText(3, 2));
    if (!level.ok) throw new Error("the stress level does not load");
    const plain = solve(level.value.program, { reduce: false });
    const reduced = solve(level.value.program, { reduce: true });
    expect([plain.verdict, reduced.verdict]).toEqual(["safe", "safe"]);
    expect(reduced.states).toBeLessThan(plain.states / 2);
  });

  it("a fix that holds is proved reduced; a broken one gets the plain search's shortest schedule", () => {
    const { spec } = load("fix-two-cooks");
    const plain = judge(spec, spec.fix!.reference);
    const reduced = judge(spec, spec.fix!.reference, { reduce: true });
    expect(plain.verdict).toBe("fixed");
    expect(reduced.verdict).toBe("fixed");
    expect((reduced as { states: number }).states).toBeLessThan((plain as { states: number }).states);
    const broken = spec.threads.find((t) => spec.fix!.threads.includes(t.name))!;
    expect(judge(spec, { [broken.name]: broken.code }, { reduce: true })).toMatchObject({ verdict: "broken", outcome: "assertion" });
    expect(judge(spec, { [broken.name]: broken.code }, { reduce: true })).toEqual({ ...judge(spec, { [broken.name]: broken.code }), ms: expect.any(Number) });
  });
});

describe("where the reduction does not apply", () => {
  it("two threads with a critical section and a loop: the plain search (REDUCTION.md, the one exclusion)", () => {
    const level = mini({ shared: { x: 0 }, threads: ["int k = 0;\nwhile (x < 2) {\n  critical_section();\n}", "critical_section();"] });
    expect(solve(level.program, { reduce: true, shortest: false }).reduced).toBe(false);
  });

  it("only thread-local steps and reads of what no other thread writes are taken alone", () => {
    // A writes y and reads x, B writes x and reads y: no step is taken alone but the local ones.
    const cross = mini({ shared: { x: 0, y: 0 }, threads: ["int t = 0;\ny = 1;\nt = x;", "int t = 0;\nx = 1;\nt = y;"], win: ["assertion"] });
    const full = reachable(cross.program, false);
    const reduced = reachable(cross.program, true);
    expect(reduced.finished).toEqual(full.finished);
    expect(full.finished).toHaveLength(3); // t = x and t = y are not both 0
    expect(reduced.states).toBeLessThan(full.states);
  });
});
