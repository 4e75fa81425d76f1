// The tree-compressed visited set: exact membership and numbering whatever the values, the same
// in batches as one by one; and a search that keeps its states in it (no parents) finds the same
// states, outcomes and schedules as one with parents, and its schedules replay.

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLevel, replay, type OutcomeKind } from "../engine/index";
import { randomRichLevel } from "../engine/testing/random-levels";
import { Exploration, type ExploreOptions } from "./explore";
import { TreeSet } from "./tree-set";

const load = (id: string) => {
  const level = parseLevel(readFileSync(`levels/${id}.json`, "utf8"), id);
  if (!level.ok) throw new Error(`${id} does not load`);
  return level.value.program;
};

describe("TreeSet", () => {
  it("numbers states in the order added, knows each exactly, and loads it back", () => {
    const value = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.integer());
    const lists = fc.integer({ min: 2, max: 7 }).chain((w) => fc.tuple(fc.constant(w), fc.array(fc.array(value, { minLength: w, maxLength: w }), { maxLength: 300 })));
    fc.assert(
      fc.property(lists, fc.integer({ min: 1, max: 9 }), ([w, states], every) => {
        const one = new TreeSet(w);
        const batched = new TreeSet(w);
        const model = new Map<string, number>();
        const out = new Int32Array(w);
        let pending: number[][] = [];
        const flush = () => {
          // As the search does: a state loaded, then a batch encoded and added.
          if (batched.count > 0) batched.load(batched.count - 1, out);
          pending.forEach((s, j) => batched.encode(Int32Array.from(s), 0, j));
          batched.addAll(new Int32Array(0), w, pending.length);
          pending = [];
        };
        states.forEach((s, k) => {
          const key = s.join(",");
          const known = model.get(key) ?? -1;
          expect(one.indexOf(Int32Array.from(s), 0)).toBe(known);
          expect(one.add(Int32Array.from(s), 0)).toBe(known >= 0 ? -1 : model.size);
          if (known < 0) model.set(key, model.size);
          pending.push(s);
          if (k % every === 0) flush();
        });
        flush();
        expect([one.count, batched.count]).toEqual([model.size, model.size]);
        for (const [key, idx] of model) {
          one.load(idx, out);
          expect(Array.from(out).join(",")).toBe(key);
          batched.load(idx, out);
          expect(Array.from(out).join(",")).toBe(key);
          expect(batched.indexOf(out, 0)).toBe(idx);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** A whole search of `p` as `options` say, with every outcome and finished state it met. */
function search(p: ReturnType<typeof load>, win: readonly OutcomeKind[], options: ExploreOptions) {
  const outcomes: string[] = [];
  const finished: string[] = [];
  const s: Exploration = new Exploration(
    p,
    {
      outcome: (kind, state, thread) => (outcomes.push(`${kind}@${state}/${thread}`), win.includes(kind)),
      finished: (_, state) => void finished.push(JSON.stringify(s.movesTo(state))),
    },
    200_000,
    p.initial,
    options,
  );
  s.run();
  return { status: s.status, states: s.states, depth: s.depth, outcomes, finished, schedule: s.stop ? s.movesTo(s.stop.state, s.stop.thread) : null };
}

describe("a search kept in a TreeSet", () => {
  it.each([
    ["two-counters", ["assertion"]],
    ["card-declined", ["deadlock"]],
    ["dekker-by-mail", ["mutual-exclusion"]],
    ["barging", []],
    ["left-handed", []],
    ["fix-lost-wakeup", ["deadlock"]],
    ["once-round-the-hotel", ["deadlock", "exception"]],
  ] as const)("%s: the same states, outcomes and schedules as with parents, plain and reduced", (id, win) => {
    const p = load(id);
    for (const reduce of [false, true]) {
      const flat = search(p, win, { reduce });
      const tree = search(p, win, { reduce, flatStates: 0 });
      expect(tree).toEqual(flat);
    }
  });

  it("on random levels (TSO, spurious wakeups, every primitive): schedules the same plain, replaying reduced", () => {
    fc.assert(
      fc.property(randomRichLevel, (level) => {
        const p = level.program;
        const win = p.spec.win;
        const flat = search(p, win, {});
        expect(search(p, win, { flatStates: 0 })).toEqual(flat);
        const reduced = search(p, win, { reduce: true, flatStates: 0 });
        expect(reduced.status).toBe(search(p, win, { reduce: true }).status);
        if (reduced.schedule) {
          const played = replay(p, reduced.schedule);
          expect(played.error).toBeUndefined();
          expect(played.state.outcome).toMatchObject({ win: true });
        }
      }),
      { numRuns: 50 },
    );
  });
});
