// The trial protocol, worker side. Trials run back to back with no message and no main thread
// between them: a worker waits (spinning, then sleeping) until GEN moves, counts itself in at
// the start line, and spins until the last worker to arrive raises GO, so all threads start as
// close together as the machine allows. It runs its thread once and counts itself out; the last
// one out closes the trial: it logs the memory (trial-log.ts), resets it to the level's start and
// bumps GEN, which is the start of the next trial, until the log holds the trials the run wants.

import * as L from "./layout";
import type { MemoryLayout } from "./layout";
import * as Log from "./trial-log";

/** Turns a worker spins waiting (for the next trial, or for the others at the start line)
 *  before it sleeps: the wait is normally a microsecond or two, and waking from a sleep takes
 *  far longer. On a machine with fewer free cores than threads, sleeping gives the core away. */
const SPIN_TURNS = 20_000;

export interface TrialMemory {
  mem: Int32Array;
  layout: MemoryLayout;
  initialShared: Int32Array;
  log: SharedArrayBuffer;
}

/** Serves trials until STOP is set (or the worker is terminated). Never returns otherwise. */
export function serveTrials({ mem, layout, initialShared, log: logBuffer }: TrialMemory, runOnce: () => void, onIdle?: () => void): void {
  const C = layout.control;
  const n = layout.threads;
  const log = Log.trialLog(logBuffer, layout);
  const stopped = () => Atomics.load(mem, C + L.STOP) !== 0;
  let generation = Atomics.load(mem, C + L.GEN);
  onIdle?.();
  for (;;) {
    awaitChange(mem, C + L.GEN, generation, log, stopped, 250);
    if (stopped()) return;
    generation = Atomics.load(mem, C + L.GEN);
    if (Atomics.add(mem, C + L.READY, 1) === n - 1) {
      Atomics.store(mem, C + L.GO, 1);
      wake(mem, C + L.GO, log);
    } else awaitChange(mem, C + L.GO, 0, log, () => Atomics.load(mem, C + L.ABORT) !== 0, 10);
    runOnce();
    if (Atomics.add(mem, C + L.DONE, 1) === n - 1 && !closeTrial(mem, layout, initialShared, log, generation, stopped)) return;
  }
}

/** Waits while `mem[index]` is `value`, or until `over()`: spins first, then sleeps in naps of
 *  `napMs` (counted in the log's SLEEPING word, so whoever changes the word knows to wake it). */
function awaitChange(mem: Int32Array, index: number, value: number, log: Log.TrialLog, over: () => boolean, napMs: number): void {
  for (let spins = 0; Atomics.load(mem, index) === value; spins++) {
    if (over()) return;
    if (spins < SPIN_TURNS) continue;
    Atomics.add(log.words, Log.SLEEPING, 1);
    Atomics.wait(mem, index, value, napMs);
    Atomics.sub(log.words, Log.SLEEPING, 1);
  }
}

/** After changing `mem[index]`: wakes whoever sleeps on it (nobody, mostly: then it costs nothing). */
function wake(mem: Int32Array, index: number, log: Log.TrialLog): void {
  if (Atomics.load(log.words, Log.SLEEPING) !== 0) Atomics.notify(mem, index);
}

/** The last worker out: log the trial and, unless the run has its trials, start the next one.
 *  false when the pool is shutting down. */
function closeTrial(mem: Int32Array, layout: MemoryLayout, initialShared: Int32Array, log: Log.TrialLog, generation: number, stopped: () => boolean): boolean {
  const C = layout.control;
  if (!Log.awaitRoom(log, stopped)) return false;
  Log.lock(log);
  // The coordinator may have closed this trial itself (it gave up on a worker): then leave it.
  if (Atomics.load(mem, C + L.GEN) === generation) {
    const logged = Log.append(log, mem);
    if (logged < Atomics.load(log.words, Log.TARGET)) {
      L.resetMemory(mem, layout, initialShared);
      Atomics.add(mem, C + L.GEN, 1);
      wake(mem, C + L.GEN, log);
    }
  }
  Log.unlock(log);
  return true;
}
