// The bench's hand-written wasm must be the level it stands beside: run one thread after the
// other it ends with the same shared state and outcome as the compiled level, and its failed
// assert is claimed as the level's own.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel, type Program } from "../../engine/index";
import * as I from "../../engine/machine";
import * as L from "../layout";
import { claimedOutcome } from "../testing";
import { byHandModule, type LitmusWorkload } from "./by-hand";
import { compileToWasm } from "./emit";
import { levelMemory } from "./thread";
import { runWasmSequential } from "./testing";

const campaign = (id: string): Program => {
  const level = parseLevel(readFileSync(new URL(`../../../levels/${id}.json`, import.meta.url), "utf8"));
  if (!level.ok) throw new Error(`levels/${id}.json does not load`);
  return level.value.program;
};

/** The hand-written threads on a fresh memory, `prepare` applied to it first, run in `order`. */
function byHand(p: Program, workload: LitmusWorkload, order: number[], prepare: (mem: Int32Array) => void = () => {}) {
  const level = compileToWasm(p);
  const memory = levelMemory(level);
  const mem = new Int32Array(memory.buffer);
  L.resetMemory(mem, level.layout, level.initialShared);
  prepare(mem);
  const slots = Object.fromEntries(p.descriptors.map((d) => [d.name, d.base]));
  let assertPc = 0;
  for (let pc = 0; pc < p.code.length / I.STRIDE; pc++) if (p.code[pc * I.STRIDE] === I.ASSERT) assertPc = pc;
  const claim = (kind: number, t: number, pc: number, rule: number, detail: number) => L.claimOutcome(mem, level.layout, kind, t, pc, rule, detail);
  const bytes = byHandModule({ workload, layout: level.layout, slots, assertPc }, level.pages);
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory, claim } });
  const results = order.map((t) => (exports[`thread${t}`] as () => number)());
  return { results, shared: Array.from(mem.subarray(0, p.sharedLength)), ...claimedOutcome(mem, level.layout), slots };
}

describe("hand-written wasm", () => {
  it.each([
    ["lost-update", "lost-update"],
    ["ships-in-the-night", "store-buffering"],
    ["wait-for-the-mailboat", "store-buffering-fenced"],
  ] as const)("%s, one thread after the other, ends as the compiled level does", (id, workload) => {
    const p = campaign(id);
    const compiled = runWasmSequential(p, [0, 1]);
    const hand = byHand(p, workload, [0, 1]);
    expect(hand.results).toEqual([L.R_FINISHED, L.R_FINISHED]);
    expect(hand.shared).toEqual(compiled.shared);
    expect(hand.outcome).toBe(L.OUT_NONE);
  });

  it("lost-update: Bea finding 100 claims the level's own failed assert", () => {
    const p = campaign("lost-update");
    const hand = byHand(p, "lost-update", [1], (mem) => (mem[p.descriptors.find((d) => d.name === "alDone")!.base] = 1));
    const assertPc = Array.from({ length: p.code.length / I.STRIDE }, (_, pc) => pc).find((pc) => p.code[pc * I.STRIDE] === I.ASSERT);
    expect(hand.results).toEqual([L.R_ASSERTED]);
    expect([hand.outcome, hand.outcomeThread, hand.outcomePc]).toEqual([L.OUT_ASSERTION, 1, assertPc]);
  });
});
