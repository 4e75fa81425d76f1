// The shared memory of hardware mode: one Int32Array over a SharedArrayBuffer that every worker
// and the coordinator see. The level's shared variables and objects come first, in the engine's
// own layout, so a final state compares slot for slot with the engine's; control words follow.

/** Slots [0, shared): the level's shared state. Then two words per shared slot (a guard lock and
 *  a sequence number, used by objects whose operations touch several words), then the control
 *  block, then one block per thread. */
export interface MemoryLayout {
  shared: number;
  threads: number;
  /** First control word. */
  control: number;
  /** First word of thread 0's block. */
  threadBlocks: number;
  /** Words in all. */
  length: number;
}

// Control words, relative to `control`. GEN and STOP survive the reset between trials.
export const GEN = 0; // bumped by the coordinator to start a trial
export const STOP = 1; // set once: the pool shuts down
export const READY = 2; // workers that reached the start line
export const GO = 3; // the start signal, set by the last worker to arrive
export const DONE = 4; // workers that finished the trial
export const ABORT = 5; // the trial is over: an outcome was claimed, or the coordinator ended it
export const IN_SECTION = 6; // bit mask of threads standing in a critical section
export const OUTCOME = 7; // the claimed outcome (OUT_*), 0 while none
export const OUTCOME_THREAD = 8;
export const OUTCOME_PC = 9;
export const OUTCOME_RULE = 10;
export const OUTCOME_DETAIL = 11;
export const RELEASES = 12; // bumped by every operation that may unblock a thread
export const FENCE = 13; // the dummy word `fence()` does an atomic read-modify-write on
const CONTROL_WORDS = 32; // padded, so the thread blocks start on their own cache lines

// Per-thread words, relative to the thread's block. A block is a 64-byte cache line.
export const PROGRESS = 0; // statements run so far in this trial (published now and then)
export const STATE = 1; // TS_*
export const EPOCH = 2; // RELEASES as the thread last saw it before deciding to wait
export const WAIT_PC = 3; // the instruction it waits at
export const WAIT_SLOT = 4; // the object slot it waits for
export const STATUS = 5; // condition wait: -(slot + 1) until signalled, then 0
export const RESULT = 6; // R_* when the thread stopped
export const STEPS = 7; // statements run, final
export const THREAD_WORDS = 16;

// Thread states.
export const TS_RUNNING = 0, TS_WAITING = 1, TS_FINISHED = 2;

// How a thread's run ended.
export const R_FINISHED = 1, R_THROWN = 2, R_ASSERTED = 3, R_EXITED = 4, R_BUDGET = 5;
/** Stopped because the trial ended elsewhere: while running, or while blocked (at WAIT_PC). */
export const R_ABORTED = 6, R_BLOCKED = 7;

// Outcomes a thread (or the watchdog) can claim for the trial; the first claim wins.
export const OUT_NONE = 0, OUT_EXCEPTION = 1, OUT_ASSERTION = 2, OUT_MUTUAL_EXCLUSION = 3;
export const OUT_EXIT = 4, OUT_DEADLOCK = 5, OUT_RUNNING = 6;

export function memoryLayout(shared: number, threads: number): MemoryLayout {
  const control = 3 * shared;
  const threadBlocks = control + CONTROL_WORDS;
  return { shared, threads, control, threadBlocks, length: threadBlocks + threads * THREAD_WORDS };
}

export const guardOf = (layout: MemoryLayout, slot: number): number => layout.shared + 2 * slot;
export const sequenceOf = (layout: MemoryLayout, slot: number): number => layout.shared + 2 * slot + 1;
export const threadBlock = (layout: MemoryLayout, t: number): number => layout.threadBlocks + t * THREAD_WORDS;

/** Makes the memory ready for the next trial: the level's initial shared state, every control
 *  and thread word cleared except GEN and STOP. */
export function resetMemory(mem: Int32Array, layout: MemoryLayout, initialShared: Int32Array): void {
  mem.set(initialShared, 0);
  mem.fill(0, layout.shared, layout.control + GEN);
  mem.fill(0, layout.control + READY, layout.length);
}

/** Is every unfinished thread waiting, each having looked at its object after the last release?
 *  Then nothing can ever wake any of them: a deadlock, known for certain rather than guessed
 *  from a timeout. (The RELEASES reads before and after make the snapshot consistent.) */
export function allBlocked(mem: Int32Array, layout: MemoryLayout): boolean {
  const releases = Atomics.load(mem, layout.control + RELEASES);
  let waiting = 0;
  for (let t = 0; t < layout.threads; t++) {
    const b = threadBlock(layout, t);
    const state = Atomics.load(mem, b + STATE);
    if (state === TS_FINISHED) continue;
    if (state !== TS_WAITING || Atomics.load(mem, b + EPOCH) !== releases) return false;
    waiting++;
  }
  return waiting > 0 && Atomics.load(mem, layout.control + RELEASES) === releases;
}

/** Claims the trial's outcome if nobody has yet; then ends the trial for every thread. */
export function claimOutcome(mem: Int32Array, layout: MemoryLayout, kind: number, thread: number, pc: number, rule: number, detail: number): void {
  const c = layout.control;
  if (Atomics.compareExchange(mem, c + OUTCOME, OUT_NONE, kind) === OUT_NONE) {
    Atomics.store(mem, c + OUTCOME_THREAD, thread);
    Atomics.store(mem, c + OUTCOME_PC, pc);
    Atomics.store(mem, c + OUTCOME_RULE, rule);
    Atomics.store(mem, c + OUTCOME_DETAIL, detail);
  }
  abortTrial(mem, layout);
}

/** Sets ABORT and wakes every waiter, wherever it waits, so it sees the flag at once. */
export function abortTrial(mem: Int32Array, layout: MemoryLayout): void {
  Atomics.store(mem, layout.control + ABORT, 1);
  for (let k = 0; k < layout.control; k++) Atomics.notify(mem, k);
  for (let t = 0; t < layout.threads; t++) Atomics.notify(mem, threadBlock(layout, t) + STATUS);
}
