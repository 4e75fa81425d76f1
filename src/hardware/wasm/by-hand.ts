// The benchmark's yardstick in wasm: the litmus tests' two threads written by hand, instruction
// by instruction, with none of the compiled level's bookkeeping (no steps, no budget, no abort
// polls but in the one spin loop), on the same shared memory and layout. Plain accesses are
// plain i32.load/i32.store, as in the compiled level; the waits spin on an atomic load.
//
//   lost-update:      Al: balance += 100; alDone = 1.  Bea: balance += 100; wait for alDone;
//                     assert(balance == 200).
//   store-buffering:  North: x = 1; r1 = y; done = 1.  South: y = 1; r2 = x; wait for done;
//                     assert(r1 == 1 || r2 == 1).  With `fenced`, a fence after each first store.

import * as L from "../layout";
import type { MemoryLayout } from "../layout";
import { ATOMIC, Body, encodeModule, I32, OP } from "./encode";

export type LitmusWorkload = "lost-update" | "store-buffering" | "store-buffering-fenced";

export interface ByHandSpec {
  workload: LitmusWorkload;
  layout: MemoryLayout;
  /** Slots of the shared variables, by name. */
  slots: Record<string, number>;
  /** The level's assert instruction, so the outcome reads as the level's own. */
  assertPc: number;
}

const F_CLAIM = 0;
const word = (slot: number) => slot * 4;

/** The module's bytes: imports env.memory and env.claim, exports thread0 and thread1 () -> R_*. */
export function byHandModule(spec: ByHandSpec, pages: number): Uint8Array<ArrayBuffer> {
  const threads = spec.workload === "lost-update" ? lostUpdate(spec) : storeBuffering(spec, spec.workload === "store-buffering-fenced");
  return encodeModule({
    types: [{ params: [I32, I32, I32, I32, I32], results: [] }, { params: [], results: [I32] }],
    importFunctions: [{ name: "claim", type: 0 }],
    memoryPages: pages,
    functions: threads.map((body) => ({ type: 1, body: body.finish(0, 1) })),
    globals: [],
    exports: [{ name: "thread0", func: 1 }, { name: "thread1", func: 2 }],
  });
}

/** Spins until the word at `slot` is not 0; leaves with R_ABORTED if the trial ends first. */
function awaitFlag(b: Body, layout: MemoryLayout, slot: number): void {
  b.block("set").loop("spin");
  b.i32(word(slot)).atomic(ATOMIC.load).brIf("set");
  b.i32(word(layout.control)).atomic(ATOMIC.load, word(L.ABORT)).if().i32(L.R_ABORTED).op(OP.return).end();
  b.br("spin").end().end();
}

/** Claims the level's failed assert for thread 1 and leaves with R_ASSERTED. */
function failAssert(b: Body, spec: ByHandSpec): void {
  b.i32(L.OUT_ASSERTION).i32(1).i32(spec.assertPc).i32(0).i32(0).call(F_CLAIM);
  b.i32(L.R_ASSERTED).op(OP.return);
}

function lostUpdate(spec: ByHandSpec): Body[] {
  const balance = word(spec.slots.balance), alDone = word(spec.slots.alDone);
  const deposit = (b: Body) => b.i32(balance).i32(balance).load().i32(100).op(OP.i32_add).store();
  const al = new Body();
  deposit(al);
  al.i32(alDone).i32(1).store();
  al.i32(L.R_FINISHED);
  const bea = new Body();
  deposit(bea);
  awaitFlag(bea, spec.layout, spec.slots.alDone);
  bea.i32(balance).load().i32(200).op(OP.i32_ne).if();
  failAssert(bea, spec);
  bea.end();
  bea.i32(L.R_FINISHED);
  return [al, bea];
}

function storeBuffering(spec: ByHandSpec, fenced: boolean): Body[] {
  const [x, y, r1, r2, done] = ["x", "y", "r1", "r2", "done"].map((name) => word(spec.slots[name]));
  const R2 = 0; // South's local r2
  const north = new Body();
  north.i32(x).i32(1).store();
  if (fenced) north.fence();
  north.i32(r1).i32(y).load().store();
  north.i32(done).i32(1).store();
  north.i32(L.R_FINISHED);
  const south = new Body();
  south.i32(y).i32(1).store();
  if (fenced) south.fence();
  south.i32(x).load().set(R2);
  south.i32(r2).get(R2).store();
  awaitFlag(south, spec.layout, spec.slots.done);
  south.i32(r1).load().i32(1).op(OP.i32_eq).get(R2).i32(1).op(OP.i32_eq).op(OP.i32_or).op(OP.i32_eqz).if();
  failAssert(south, spec);
  south.end();
  south.i32(L.R_FINISHED);
  return [north, south];
}
