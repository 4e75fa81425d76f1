// The trial log: where the workers leave each finished trial for the coordinator, so trials run
// back to back with no round trip through the main thread. The last worker out of a trial copies
// the memory as the trial left it (an "image", laid out exactly like the memory, so the tally
// reads one as it would read the memory) into a ring in its own SharedArrayBuffer, resets the
// memory and starts the next trial; the coordinator reads the ring now and then.

import type { MemoryLayout } from "./layout";

// Header words of the log.
export const WRITTEN = 0; // trials logged so far (written by the worker closing a trial)
export const READ = 1; // trials the coordinator has taken out
export const TARGET = 2; // trials the run wants: no trial starts once this many are logged
export const LOCK = 3; // held by whoever resets the memory or claims an outcome from outside
export const SLEEPING = 4; // workers asleep waiting for a trial or the start (else nobody need wake them)
const HEADER_WORDS = 16;

/** The ring holds at most this many bytes of images, and between these many images. */
const RING_BYTES = 4 << 20;
const MIN_IMAGES = 16, MAX_IMAGES = 4096;

export interface TrialLog {
  words: Int32Array;
  /** Images the ring holds. */
  capacity: number;
  /** Words in one image: the whole memory layout. */
  imageWords: number;
}

export function createTrialLog(layout: MemoryLayout): SharedArrayBuffer {
  const capacity = Math.max(MIN_IMAGES, Math.min(MAX_IMAGES, Math.floor(RING_BYTES / (4 * layout.length))));
  return new SharedArrayBuffer((HEADER_WORDS + capacity * layout.length) * 4);
}

export function trialLog(buffer: SharedArrayBuffer, layout: MemoryLayout): TrialLog {
  const words = new Int32Array(buffer);
  return { words, capacity: Math.floor((words.length - HEADER_WORDS) / layout.length), imageWords: layout.length };
}

/** The image of logged trial number `k` (from 0). */
export function imageAt(log: TrialLog, k: number): Int32Array {
  const at = HEADER_WORDS + (k % log.capacity) * log.imageWords;
  return log.words.subarray(at, at + log.imageWords);
}

/** Takes the log's lock, spinning: it is only ever held for a copy and a reset. */
export function lock(log: TrialLog): void {
  while (Atomics.compareExchange(log.words, LOCK, 0, 1) !== 0);
}

/** Takes the lock if it is free within a few tries (the main thread must never spin long). */
export function tryLock(log: TrialLog): boolean {
  for (let k = 0; k < 1000; k++) if (Atomics.compareExchange(log.words, LOCK, 0, 1) === 0) return true;
  return false;
}

export function unlock(log: TrialLog): void {
  Atomics.store(log.words, LOCK, 0);
}

/** Copies the trial in `mem` into the log (the caller holds the lock and has made sure there is
 *  room) and publishes it; wakes the coordinator when the ring is half full or the run is done. */
export function append(log: TrialLog, mem: Int32Array): number {
  const w = log.words;
  const written = Atomics.load(w, WRITTEN);
  imageAt(log, written).set(mem.subarray(0, log.imageWords));
  Atomics.store(w, WRITTEN, written + 1);
  if (written + 1 >= Atomics.load(w, TARGET) || written + 1 - Atomics.load(w, READ) >= log.capacity >> 1) Atomics.notify(w, WRITTEN);
  return written + 1;
}

/** Waits until the ring has room for one more image; false if `stopped()` says to give up. */
export function awaitRoom(log: TrialLog, stopped: () => boolean): boolean {
  const w = log.words;
  for (;;) {
    const read = Atomics.load(w, READ);
    if (Atomics.load(w, WRITTEN) - read < log.capacity) return true;
    if (stopped()) return false;
    Atomics.notify(w, WRITTEN); // the coordinator may be dozing
    Atomics.wait(w, READ, read, 50);
  }
}
