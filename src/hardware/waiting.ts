// Blocking, waking and the guard lock, for the worker-side interpreter. A blocked thread sleeps
// in Atomics.wait with a short timeout, so the abort flag is always honoured; before sleeping it
// records where it waits and what it last saw, which makes deadlock a fact the threads can
// establish themselves (layout.allBlocked) instead of a guess from a timeout.

import * as L from "./layout";
import type { MemoryLayout } from "./layout";

/** How long a blocked thread sleeps before it looks again (ms). */
export const WAIT_MS = 10;
/** Looks at the word this often before going to sleep. */
const SPIN_BEFORE_SLEEP = 2000;

/**
 * Waits while `mem[addr]` is `expected`. `epoch` is RELEASES as read before the caller found it
 * could not go on; `pc` and `slot` say where and on what it waits. Returns true to retry, false
 * when the trial is over (aborted, or this thread found the deadlock and claimed it).
 */
export function block(mem: Int32Array, layout: MemoryLayout, t: number, addr: number, expected: number, epoch: number, pc: number, slot: number): boolean {
  const T = L.threadBlock(layout, t);
  const C = layout.control;
  Atomics.store(mem, T + L.WAIT_PC, pc);
  Atomics.store(mem, T + L.WAIT_SLOT, slot);
  Atomics.store(mem, T + L.EPOCH, epoch);
  Atomics.store(mem, T + L.STATE, L.TS_WAITING);
  if (Atomics.load(mem, C + L.ABORT) !== 0) return false;
  if (L.allBlocked(mem, layout)) {
    L.claimOutcome(mem, layout, L.OUT_DEADLOCK, t, pc, 0, 0);
    return false;
  }
  // Spin a little first: most waits are short, and waking from a sleep takes far longer.
  for (let k = 0; k < SPIN_BEFORE_SLEEP && Atomics.load(mem, addr) === expected; k++);
  Atomics.wait(mem, addr, expected, WAIT_MS);
  if (Atomics.load(mem, C + L.ABORT) !== 0) return false;
  Atomics.store(mem, T + L.STATE, L.TS_RUNNING);
  return true;
}

/** After a change that may let waiters on `addr` go on: count the release, then wake them. */
export function release(mem: Int32Array, layout: MemoryLayout, addr: number): void {
  Atomics.add(mem, layout.control + L.RELEASES, 1);
  Atomics.notify(mem, addr);
}

/** Takes the guard of the object at `slot` (held only for a few instructions, never while waiting). */
export function guarded(mem: Int32Array, layout: MemoryLayout, slot: number): void {
  const g = L.guardOf(layout, slot);
  for (let spins = 0; Atomics.compareExchange(mem, g, 0, 1) !== 0; spins++) {
    if (spins > 100) Atomics.wait(mem, g, 1, 1);
  }
}

export function unguard(mem: Int32Array, layout: MemoryLayout, slot: number): void {
  const g = L.guardOf(layout, slot);
  Atomics.store(mem, g, 0);
  Atomics.notify(mem, g);
}
