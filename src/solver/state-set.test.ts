// The solver's visited set: exact membership whatever the values, the same result whether states
// come one by one or in batches, and 16-bit storage that widens when a value does not fit.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StateSet } from "./state-set";

const W = 3;
const state = (...values: number[]) => Int32Array.from(values);
const loaded = (set: StateSet, idx: number) => {
  const out = new Int32Array(W);
  set.load(idx, out);
  return Array.from(out);
};

describe("StateSet", () => {
  it("adds a state once, remembering its parent and move, and loads it back", () => {
    const set = new StateSet(W);
    expect(set.add(state(1, 2, 3), 0, -1, 0)).toBe(0);
    expect(set.add(state(4, 5, 6), 0, 0, 2)).toBe(1);
    expect(set.add(state(1, 2, 3), 0, 1, 1)).toBe(-1);
    expect(set.count).toBe(2);
    expect([set.has(state(4, 5, 6), 0), set.has(state(4, 5, 7), 0), set.has(state(9, 4, 5, 6), 1)]).toEqual([true, false, true]);
    expect([set.parent[1], set.move[1]]).toEqual([0, 2]);
    expect(loaded(set, 1)).toEqual([4, 5, 6]);
  });

  it("keeps 16-bit values narrow, down to the edges of the range", () => {
    const set = new StateSet(W);
    set.add(state(-32768, 32767, 0), 0, -1, 0);
    expect(set.bytesPerStateUsed).toBe(W * 2 + 5 + 16);
    expect(loaded(set, 0)).toEqual([-32768, 32767, 0]);
  });

  it("widens at the first value that does not fit, and still knows every state", () => {
    const set = new StateSet(W);
    for (let i = 0; i < 40_000; i++) set.add(state(i - 20_000, 1, 2), 0, i - 1, i % 3);
    expect(set.add(state(1, 65_537, 2), 0, 7, 1)).toBe(40_000); // 65537 is 1 in 16 bits: still a new state
    expect(set.bytesPerStateUsed).toBeGreaterThanOrEqual(W * 4 + 5);
    expect(set.add(state(1, 1, 2), 0, 0, 0)).toBe(-1);
    expect(set.add(state(1, 65_537, 2), 0, 0, 0)).toBe(-1);
    expect([set.has(state(39_999 - 20_000, 1, 2), 0), set.has(state(1, 65_536, 2), 0)]).toEqual([true, false]);
    expect(set.add(state(-2_000_000_000, 2_000_000_000, 2), 0, 0, 0)).toBe(40_001);
    expect(loaded(set, 12_345)).toEqual([12_345 - 20_000, 1, 2]);
    expect(loaded(set, 40_000)).toEqual([1, 65_537, 2]);
    expect(loaded(set, 40_001)).toEqual([-2_000_000_000, 2_000_000_000, 2]);
    expect([set.parent[12_345], set.move[12_345]]).toEqual([12_344, 12_345 % 3]);
  });

  it("adding in batches gives the same indices, parents, moves and states as one by one", () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer());
    const batches = fc.array(fc.array(fc.tuple(value, value, value), { maxLength: 40 }), { maxLength: 60 });
    fc.assert(
      fc.property(batches, (list) => {
        const single = new StateSet(W, 4);
        const batched = new StateSet(W, 4);
        const stride = W + 2; // the solver's slots are longer than a state
        list.forEach((states, b) => {
          const batch = new Int32Array(Math.max(1, states.length) * stride);
          const parents = new Int32Array(states.length);
          const moves = new Uint8Array(states.length);
          states.forEach((s, j) => {
            batch.set(s, j * stride);
            parents[j] = b;
            moves[j] = j % 7;
            single.add(Int32Array.from(s), 0, b, j % 7);
          });
          batched.addAll(batch, stride, states.length, parents, moves);
        });
        expect(batched.count).toBe(single.count);
        for (let i = 0; i < single.count; i++) {
          expect(loaded(batched, i)).toEqual(loaded(single, i));
          expect([batched.parent[i], batched.move[i]]).toEqual([single.parent[i], single.move[i]]);
        }
      }),
    );
  });
});
