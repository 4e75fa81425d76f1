// The frame of a compiled level: its function types and indices, the locals of a thread
// function, and the two helpers every module carries (blocking, and the jitter spin), written
// once here in wasm. Shared by emit.ts (the threads) and objects.ts (synchronization objects).

import * as L from "../layout";
import type { MemoryLayout } from "../layout";
import { WAIT_MS } from "../waiting";
import { ATOMIC, Body, I32, OP, type FuncType } from "./encode";

// Import and function indices.
export const F_CLAIM = 0, F_DEADLOCK = 1, F_BLOCK = 2, F_JITTER = 3, F_THREAD0 = 4;
export const T_CLAIM = 0, T_DEADLOCK = 1, T_BLOCK = 2, T_JITTER = 3, T_THREAD = 4;
export const TYPES: FuncType[] = [
  { params: [I32, I32, I32, I32, I32], results: [] }, // claim(kind, thread, pc, rule, detail)
  { params: [I32, I32], results: [I32] }, // deadlock(thread, pc): 1 if every thread is stuck (claimed)
  { params: [I32, I32, I32, I32, I32, I32], results: [I32] }, // block(t, addr, expected, epoch, pc, slot)
  { params: [I32], results: [] }, // jitter(max)
  { params: [I32, I32], results: [I32] }, // thread(budget, jitter) -> R_*
];
export const G_RNG = 0;

// Locals of a thread function: two parameters, the working locals, then one per register.
export const BUDGET = 0, JITTER = 1, PC = 2, STEPS = 3, IN_SECTION = 4, RESULT = 5, AT = 6, VAL = 7, W = 8, K = 9, EPOCH = 10, N = 11;
export const FIRST_REGISTER = 12;

export const word = (slot: number) => slot * 4;

/** waiting.ts's `block`, in wasm: record where the thread waits, give up if the trial is over or
 *  everyone is stuck, spin a little, then sleep in wait32 (with a timeout, so the abort flag is
 *  always seen). Returns 1 to retry, 0 when the trial is over. */
export function blockFunction(layout: MemoryLayout): ReturnType<Body["finish"]> {
  const [t, addr, expected, epoch, pc, slot, tb, k] = [0, 1, 2, 3, 4, 5, 6, 7];
  const C = word(layout.control);
  const b = new Body();
  b.get(t).i32(L.THREAD_WORDS * 4).op(OP.i32_mul).i32(word(layout.threadBlocks)).op(OP.i32_add).set(tb);
  b.get(tb).get(pc).atomic(ATOMIC.store, word(L.WAIT_PC));
  b.get(tb).get(slot).atomic(ATOMIC.store, word(L.WAIT_SLOT));
  b.get(tb).get(epoch).atomic(ATOMIC.store, word(L.EPOCH));
  b.get(tb).i32(L.TS_WAITING).atomic(ATOMIC.store, word(L.STATE));
  b.i32(C).atomic(ATOMIC.load, word(L.ABORT)).if().i32(0).op(OP.return).end();
  b.get(t).get(pc).call(F_DEADLOCK).if().i32(0).op(OP.return).end();
  // Spin before sleeping: most waits are short, and waking from a sleep takes far longer.
  b.block("spun").loop("spin");
  b.get(k).i32(2000).op(OP.i32_ge_u).brIf("spun");
  b.get(addr).atomic(ATOMIC.load).get(expected).op(OP.i32_ne).brIf("spun");
  b.get(k).i32(1).op(OP.i32_add).set(k).br("spin");
  b.end().end();
  b.get(addr).get(expected).code.byte(OP.i64_const).sleb(WAIT_MS * 1_000_000);
  b.atomic(ATOMIC.wait32).op(OP.drop);
  b.i32(C).atomic(ATOMIC.load, word(L.ABORT)).if().i32(0).op(OP.return).end();
  b.get(tb).i32(L.TS_RUNNING).atomic(ATOMIC.store, word(L.STATE));
  b.i32(1);
  return b.finish(6, 8);
}

/** The interpreter's xorshift jitter: at about one statement in four, spin 0..max-1 turns. */
export function jitterFunction(): ReturnType<Body["finish"]> {
  const [max, x, n] = [0, 1, 2];
  const b = new Body();
  b.op(OP.global_get, G_RNG).set(x);
  b.get(x).get(x).i32(13).op(OP.i32_shl).op(OP.i32_xor).set(x);
  b.get(x).get(x).i32(17).op(OP.i32_shr_u).op(OP.i32_xor).set(x);
  b.get(x).get(x).i32(5).op(OP.i32_shl).op(OP.i32_xor).set(x);
  b.get(x).i32(3).op(OP.i32_and).op(OP.i32_eqz).if();
  b.get(x).i32(2).op(OP.i32_shr_u).get(max).op(OP.i32_rem_u).set(n);
  b.block("spun").loop("spin");
  b.get(n).op(OP.i32_eqz).brIf("spun");
  b.get(x).i32(1103515245).op(OP.i32_mul).i32(12345).op(OP.i32_add).set(x);
  b.get(n).i32(1).op(OP.i32_sub).set(n).br("spin");
  b.end().end();
  b.end();
  // rng = x || 1
  b.get(x).i32(1).get(x).op(OP.select).op(OP.global_set, G_RNG);
  return b.finish(1, 3);
}
