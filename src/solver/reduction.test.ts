// The partial-order reduction (REDUCTION.md) against the plain search: the same verdicts,
// outcomes, shortest schedules, reachable outcomes and finished states, on random small levels
// and on the campaign; fewer states for proofs; and schedules that replay through the engine.

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLevel, replay, type OutcomeKind, type Program } from "../engine/index";
import { applyMove, newFault } from "../engine/machine";
import { mini } from "../engine/testing/levels";
import { producersConsumersLevelText, readersWritersLevelText, stressLevelText } from "../../bench/stress";
import { Exploration } from "./explore";
import { Relevance } from "./relevance";
import { judge } from "./judge";
import { solve } from "./solve";
import { Symmetry } from "./symmetry";
import { randomRichLevel } from "../engine/testing/random-levels";

const BUDGET = 10_000;

/** All renumberings of the interchangeable threads (the product of each class's permutations). */
function renumberings(sym: Symmetry, n: number): Int32Array[] {
  let all: Int32Array[] = [Int32Array.from({ length: n }, (_, t) => t)];
  for (const cls of sym.classes) {
    const next: Int32Array[] = [];
    const orders = (xs: number[]): number[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => orders([...xs.slice(0, i), ...xs.slice(i + 1)]).map((r) => [x, ...r])));
    for (const base of all) {
      for (const order of orders([...cls])) {
        const to = base.slice();
        cls.forEach((t, j) => (to[t] = order[j]));
        next.push(to);
      }
    }
    all = next;
  }
  return all;
}

/** A finished state, the same for every renumbering of interchangeable threads: the least of them.
 *  Values that cannot matter are left out (0): the reduced search does not keep them. */
function orbitKey(p: Program, sym: Symmetry, dead: Relevance, perms: Int32Array[], s: Int32Array): string {
  const keys = perms.map((to) => {
    const copy = s.slice();
    dead.clear(copy);
    sym.permute(copy, to);
    return copy.slice(0, p.stateLength).join(",");
  });
  return keys.sort()[0];
}

/** Every outcome met and every finished state (as `orbitKey`), searching everything (nothing wins). */
function reachable(p: Program, reduce: boolean, maxStates = BUDGET, keepShared = false) {
  const outcomes = new Set<OutcomeKind>();
  const finished = new Set<string>();
  const sym = new Symmetry(p);
  const perms = renumberings(sym, p.threads.length);
  const dead = new Relevance(p, keepShared);
  const search = new Exploration(
    p,
    { outcome: (kind) => (outcomes.add(kind), false), finished: (s) => void finished.add(orbitKey(p, sym, dead, perms, s)) },
    maxStates,
    p.initial,
    { reduce, keepShared },
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
    ["lowest-fork-first", 82336, 267],
    ["left-handed", 17063, 647],
    ["cas-counter", 367, 100],
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

  it("readers whose read value nobody looks at again: proved in few states, which keep no value nothing depends on", () => {
    const level = parseLevel(readersWritersLevelText(3, 2, 2));
    if (!level.ok) throw new Error("the readers-writers level does not load");
    const p = level.value.program;
    const reduced = solve(p, { reduce: true });
    expect([reduced.verdict, reduced.states]).toEqual(["safe", 271]);
    // Each reader's `int v = data;` is never read again: dead everywhere in its code. So nothing
    // depends on data either (the writers' data++ only feeds data), unless the caller looks at it.
    const dead = new Relevance(p);
    const reader = p.threads[2];
    const v = reader.base + 2 + reader.locals.find((l) => l.name === "v")!.reg;
    const i = reader.base + 2 + reader.locals.find((l) => l.name === "i")!.reg;
    const s = p.initial.slice();
    applyMove(p, s, { kind: "step", thread: 2 }, newFault()); // int i = 0;
    s[v] = 4;
    s[i] = 1;
    dead.clear(s);
    expect([s[v], s[i]]).toEqual([0, 1]); // the loop's counter is read by its test
    const data = p.descriptors.find((d) => d.name === "data")!.base;
    s[data] = 3;
    new Relevance(p, true).clear(s);
    expect(s[data]).toBe(3);
    dead.clear(s);
    expect(s[data]).toBe(0);
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
    // What each read saw is kept in a shared variable (a local no code reads again is not kept),
    // and looked at as the fix-it judge looks at final values.
    const cross = mini({
      shared: { x: 0, y: 0, a: 0, b: 0 },
      threads: ["int t = 0;\ny = 1;\nt = x;\na = t;", "int t = 0;\nx = 1;\nt = y;\nb = t;"],
      win: ["assertion"],
    });
    const full = reachable(cross.program, false, BUDGET, true);
    const reduced = reachable(cross.program, true, BUDGET, true);
    expect(reduced.finished).toEqual(full.finished);
    expect(full.finished).toHaveLength(3); // a and b are not both 0
    expect(reduced.states).toBeLessThan(full.states);
  });
});

describe("local runs", () => {
  it("local work before a critical section is run at once, and the schedule to the broken exclusion replays", () => {
    const level = mini({
      shared: { hits: 0 },
      threads: ["int a = 1;\na = a + 1;\nhits++;\ncritical_section();", "int b = 2;\nb = b * 2;\nhits++;\ncritical_section();"],
      win: ["mutual-exclusion"],
    });
    const plain = solve(level.program);
    const any = solve(level.program, { reduce: true, shortest: false });
    expect([any.verdict, any.outcome]).toEqual(["breakable", "mutual-exclusion"]);
    expect(any.states).toBeLessThan(plain.states);
    const played = replay(level.program, any.schedule!);
    expect(played.error).toBeUndefined();
    expect(played.state.outcome).toMatchObject({ kind: "mutual-exclusion", win: true });
    // The shortest schedule is still the plain search's.
    expect(solve(level.program, { reduce: true }).schedule).toEqual(plain.schedule);
  });
});

describe("symmetry", () => {
  it("finds interchangeable threads: copies of a template that do not use id, not those that do", () => {
    const level = mini({
      shared: { a: [0, 0, 0], x: 0 },
      threads: [{ name: "Same {id}", count: 3, code: "x++;" }, { name: "Own {id}", count: 2, code: "a[id] = 1;" }, { name: "Alike", code: "x++;" }],
    });
    expect(new Symmetry(level.program).classes.map((c) => [...c])).toEqual([[0, 1, 2, 5]]);
  });

  it("a proof with interchangeable producers and consumers stores far fewer states", () => {
    const level = parseLevel(producersConsumersLevelText(2, 2, 1));
    if (!level.ok) throw new Error("the level does not load");
    const plain = solve(level.value.program);
    const reduced = solve(level.value.program, { reduce: true });
    expect([plain.verdict, reduced.verdict]).toEqual(["safe", "safe"]);
    expect(reduced.states).toBeLessThan(plain.states / 10);
  });

  it("a win among interchangeable threads: the schedule names the real threads and replays", () => {
    const level = mini({
      shared: { x: 0, done: 0 },
      threads: [{ name: "Adder {id}", count: 3, code: "int t = x;\nx = t + 1;\natomic_add(done, 1);" }, { name: "Checker", code: "while (done < 3) {\n}\nassert(x == 3);" }],
      win: ["assertion"],
    });
    const any = solve(level.program, { reduce: true, shortest: false });
    expect(any.reduced).toBe(true);
    const played = replay(level.program, any.schedule!);
    expect(played.error).toBeUndefined();
    expect(played.state.outcome).toMatchObject({ kind: "assertion", win: true });
    expect(solve(level.program, { reduce: true }).schedule).toEqual(solve(level.program).schedule);
  });
});
