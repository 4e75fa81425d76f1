// The trial protocol, worker side. A worker sleeps until the coordinator bumps GEN (having reset
// the memory), counts itself in at the start line, and spins until the last worker to arrive
// raises GO, so all threads start as close together as the machine allows. Then it runs its
// thread once and counts itself out; the last one out wakes the coordinator.

import * as L from "./layout";
import type { MemoryLayout } from "./layout";

/** Serves trials until STOP is set (or the worker is terminated). Never returns otherwise. */
export function serveTrials(mem: Int32Array, layout: MemoryLayout, runOnce: () => void, onIdle?: () => void): void {
  const C = layout.control;
  const n = layout.threads;
  let generation = Atomics.load(mem, C + L.GEN);
  onIdle?.();
  for (;;) {
    while (Atomics.load(mem, C + L.GEN) === generation) {
      if (Atomics.load(mem, C + L.STOP) !== 0) return;
      Atomics.wait(mem, C + L.GEN, generation, 250);
    }
    if (Atomics.load(mem, C + L.STOP) !== 0) return;
    generation = Atomics.load(mem, C + L.GEN);
    if (Atomics.add(mem, C + L.READY, 1) === n - 1) Atomics.store(mem, C + L.GO, 1);
    else while (Atomics.load(mem, C + L.GO) === 0 && Atomics.load(mem, C + L.ABORT) === 0);
    runOnce();
    if (Atomics.add(mem, C + L.DONE, 1) === n - 1) Atomics.notify(mem, C + L.DONE);
  }
}
