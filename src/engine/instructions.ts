// What each instruction means, defined once: the effect of every local instruction on a thread's
// registers, the bounds check of an element index, and the rules of every synchronization object,
// as small pure functions over an Int32Array. The engine (vm.ts) calls them on its packed state,
// hardware mode (src/hardware/interpreter.ts) on shared memory, inside its own atomic protocol.

import * as I from "./program";

const { ADD, ADDI, ASSERT, CD_WAIT, CONST, COND_SIGNAL, DIV, END, EQ, EXIT, FENCE, GE, GT, JMP, JNZ, JZ, LE, LT, MOD, MOV, MUL, NE, NEG, NOT, Q_DEQ_BEGIN, Q_ENQ_BEGIN, STMT, SUB } = I;

/** The rules a step can break (an exception's `rule`). */
export const E_UNLOCK_NOT_OWNER = 1, E_COND_NOT_HELD = 2, E_DEQUEUE_EMPTY = 3, E_QUEUE_CONCURRENT = 4;
export const E_SEMAPHORE_MAX = 5, E_COUNTDOWN_BELOW_ZERO = 6, E_INDEX = 7, E_DIVISION = 8, E_QUEUE_FULL = 9;
export const E_READ_UNLOCK = 10, E_WRITE_UNLOCK = 11;
/** Not the player's doing: an instruction no executor knows (a bug in Interleave). Detail: the opcode. */
export const E_UNKNOWN_OPCODE = 12;

// ---- Local instructions -----------------------------------------------------------------------

/** What `execLocal` returns instead of the next instruction: the thread stops, or the executor
 *  must act (what a fence does is the memory model's business). All negative. */
export const LOCAL_END = -1, LOCAL_FENCE = -2, LOCAL_ASSERT_FAILED = -3, LOCAL_EXIT = -4;
export const LOCAL_DIVIDE_BY_ZERO = -5, LOCAL_REMAINDER_BY_ZERO = -6, LOCAL_UNKNOWN = -7;

/**
 * Runs the local instruction `op a b c` (op < 32) found at `pc` on the registers `r`; register
 * operands are indexes into `r`. Returns the next instruction, or a LOCAL_* code (< 0).
 */
export function execLocal(r: Int32Array, op: number, a: number, b: number, c: number, pc: number): number {
  if (op >= ADD && op <= GE) {
    if (r[c] === 0 && (op === DIV || op === MOD)) return op === DIV ? LOCAL_DIVIDE_BY_ZERO : LOCAL_REMAINDER_BY_ZERO;
    r[a] = binary(op, r[b], r[c]);
    return pc + 1;
  }
  switch (op) {
    case STMT: return pc + 1; // only a marker: what a statement boundary means is the executor's
    case CONST: r[a] = b; return pc + 1;
    case MOV: r[a] = r[b]; return pc + 1;
    case NOT: r[a] = r[b] === 0 ? 1 : 0; return pc + 1;
    case NEG: r[a] = -r[b] | 0; return pc + 1;
    case ADDI: r[a] = (r[b] + c) | 0; return pc + 1;
    case JMP: return a;
    case JZ: return r[a] === 0 ? b : pc + 1;
    case JNZ: return r[a] !== 0 ? b : pc + 1;
    case ASSERT: return r[a] === 0 ? LOCAL_ASSERT_FAILED : pc + 1;
    case EXIT: return LOCAL_EXIT;
    case FENCE: return LOCAL_FENCE;
    case END: return LOCAL_END;
    default: return LOCAL_UNKNOWN;
  }
}

/** `x op y` for the binary operators ADD..GE, as 32-bit ints (comparisons give 1 or 0). The
 *  divisor of DIV and MOD is not 0: execLocal stops on that first. (A function of its own, so
 *  that it and execLocal each stay small enough for V8 to inline into the executors' loops.) */
export function binary(op: number, x: number, y: number): number {
  switch (op) {
    case ADD: return (x + y) | 0;
    case SUB: return (x - y) | 0;
    case MUL: return Math.imul(x, y);
    case DIV: return (x / y) | 0;
    case MOD: return (x % y) | 0;
    case EQ: return x === y ? 1 : 0;
    case NE: return x !== y ? 1 : 0;
    case LT: return x < y ? 1 : 0;
    case LE: return x <= y ? 1 : 0;
    case GT: return x > y ? 1 : 0;
    case GE: return x >= y ? 1 : 0;
    default: throw new RangeError(`opcode ${op} is no binary operator`); // a bug in the caller
  }
}

// ---- Shared accesses --------------------------------------------------------------------------

/** The first slot of element `i` of the variable or object array at `base` (`count` elements of
 *  `size` slots), or -1 when `i` is out of range: the E_INDEX rule, with `i` as its detail. */
export function elementSlot(base: number, count: number, size: number, i: number): number {
  return i >= 0 && i < count ? base + i * size : -1;
}

// The objects' words, from their first slot `at`, are laid out as compile.ts's OBJECT_SIZE says.
// A mutex is its owner + 1 (0: free); the executors take and test that word themselves.

/** Whether a wait (SEM_WAIT, CD_WAIT, EV_WAIT) on a one-word object goes through now: a semaphore
 *  or an event needs a value other than 0, a countdown needs 0. (A semaphore's also takes one.) */
export function waitMayPass(op: number, value: number): boolean {
  return op === CD_WAIT ? value === 0 : value !== 0;
}

/** A semaphore may be signalled unless that takes it above its max (-1: none). */
export function semaphoreMaySignal(value: number, max: number): boolean {
  return max < 0 || value < max;
}

/** A countdown may count down unless it is at 0 already. */
export function countdownMayDown(value: number): boolean {
  return value !== 0;
}

/** Counts one arrival at the barrier at `at`. True when it was the last of `parties`: the
 *  barrier opens for everyone waiting and starts counting again from 0. */
export function barrierArrive(m: Int32Array, at: number, parties: number): boolean {
  const arrivals = m[at] + 1;
  m[at] = arrivals === parties ? 0 : arrivals;
  return arrivals === parties;
}

// A condition's wait set: its length, then the waiting threads in the order they arrived.

export function waitSetAdd(m: Int32Array, at: number, t: number): void {
  const n = m[at];
  m[at + 1 + n] = t;
  m[at] = n + 1;
}

/** The k-th waiting thread, from the oldest (k = 0). */
export function waiterAt(m: Int32Array, at: number, k: number): number {
  return m[at + 1 + k];
}

/** How many of `waiting` threads a signal (one) or a broadcast (all) wakes. */
export function wakeCount(op: number, waiting: number): number {
  return op === COND_SIGNAL ? Math.min(1, waiting) : waiting;
}

/** Takes the `k` oldest threads out of the wait set. */
export function waitSetRemoveFirst(m: Int32Array, at: number, k: number): void {
  const n = m[at];
  for (let j = 0; j < n; j++) m[at + 1 + j] = j + k < n ? m[at + 1 + j + k] : 0;
  m[at] = n - k;
}

/** Takes thread `t` out of the wait set (a spurious wakeup). */
export function waitSetRemove(m: Int32Array, at: number, t: number): void {
  const n = m[at];
  let k = 0;
  while (k < n && m[at + 1 + k] !== t) k++;
  for (; k < n - 1; k++) m[at + 1 + k] = m[at + 2 + k];
  m[at + n] = 0;
  m[at] = n - 1;
}

// A read-write lock: its writer + 1 (0: none), then a bit mask of its readers (bit t: thread t).

/** Thread `t` may start reading when nobody writes and it does not read already. */
export function rwMayRead(m: Int32Array, at: number, t: number): boolean {
  return m[at] === 0 && (m[at + 1] & (1 << t)) === 0;
}

/** A thread may start writing when nobody writes or reads. */
export function rwMayWrite(m: Int32Array, at: number): boolean {
  return m[at] === 0 && m[at + 1] === 0;
}

export function rwReads(m: Int32Array, at: number, t: number): boolean {
  return (m[at + 1] & (1 << t)) !== 0;
}

export function rwAddReader(m: Int32Array, at: number, t: number): void {
  m[at + 1] |= 1 << t;
}

export function rwRemoveReader(m: Int32Array, at: number, t: number): void {
  m[at + 1] &= ~(1 << t);
}

// A queue: the thread modifying it + 1 (0: none; taking it is the executor's), its length, then
// its items, oldest first.

/** The rule a Q_ENQ_BEGIN or Q_DEQ_BEGIN on a queue of `capacity` breaks by its length, or 0.
 *  (A full queue's detail is its capacity; an empty one's is 0.) */
export function queueBeginFault(m: Int32Array, at: number, op: number, capacity: number): number {
  const length = m[at + 1];
  if (op === Q_DEQ_BEGIN && length === 0) return E_DEQUEUE_EMPTY;
  if (op === Q_ENQ_BEGIN && length === capacity) return E_QUEUE_FULL;
  return 0;
}

export function queueLength(m: Int32Array, at: number): number {
  return m[at + 1];
}

export function queuePush(m: Int32Array, at: number, value: number): void {
  const n = m[at + 1];
  m[at + 2 + n] = value;
  m[at + 1] = n + 1;
}

/** Takes the oldest item out of the queue and returns it. */
export function queueShift(m: Int32Array, at: number): number {
  const n = m[at + 1];
  const head = m[at + 2];
  for (let k = 0; k < n - 1; k++) m[at + 2 + k] = m[at + 3 + k];
  m[at + 1 + n] = 0;
  m[at + 1] = n - 1;
  return head;
}
