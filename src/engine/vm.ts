// The engine's executor: runs one step of one thread on a packed state, in place. What each
// instruction means is defined once, in instructions.ts, which hardware mode shares; this file
// adds what is the engine's own: steps (one shared access each), the TSO store buffer, blocking
// as a result code, and thread status words. The engine, the solver and the tests call it.
// It allocates nothing on the hot path and keeps no state of its own: failures are result codes,
// with the details written into the Fault record the caller passes in (and owns).

import * as X from "./instructions";
import type { Move } from "./engine";
import * as I from "./program";
import type { Program } from "./program";

// Module-local constants: the hot loop must not go through module-namespace lookups.
const { AADD, ACAS, AXCHG, BARRIER_WAIT, CD_DOWN, CD_WAIT, COND_BROADCAST, COND_REACQUIRE, COND_SIGNAL, COND_WAIT, END, EV_RESET, EV_SET, EV_WAIT, LD, LOCK, Q_DEQ_BEGIN, Q_DEQ_END, Q_ENQ_BEGIN, Q_ENQ_END, Q_SIZE, RW_RLOCK, RW_RUNLOCK, RW_WLOCK, RW_WUNLOCK, SEM_SIGNAL, SEM_WAIT, ST, STMT, STRIDE, TRYLOCK, UNLOCK } = I;
const { E_COND_NOT_HELD, E_COUNTDOWN_BELOW_ZERO, E_DIVISION, E_INDEX, E_QUEUE_CONCURRENT, E_QUEUE_FULL, E_READ_UNLOCK, E_SEMAPHORE_MAX, E_UNKNOWN_OPCODE, E_UNLOCK_NOT_OWNER, E_WRITE_UNLOCK } = X;
const { LOCAL_ASSERT_FAILED, LOCAL_DIVIDE_BY_ZERO, LOCAL_EXIT, LOCAL_FENCE, LOCAL_REMAINDER_BY_ZERO } = X;
const { barrierArrive, countdownMayDown, elementSlot, execLocal, queueBeginFault, queueLength, queuePush, queueShift, rwAddReader, rwMayRead, rwMayWrite, rwReads, rwRemoveReader, semaphoreMaySignal, waitMayPass, waiterAt, waitSetAdd, waitSetRemove, waitSetRemoveFirst, wakeCount } = X;

/** Results of `execStep`. */
export const OK = 0, BLOCKED = 1, DONE = 2, THROWN = 3, ASSERTED = 4, EXITED = 5;

/** The rules a step can break, defined with the instructions. */
export { E_COND_NOT_HELD, E_COUNTDOWN_BELOW_ZERO, E_DEQUEUE_EMPTY, E_DIVISION, E_INDEX, E_QUEUE_CONCURRENT, E_QUEUE_FULL, E_READ_UNLOCK, E_SEMAPHORE_MAX, E_UNKNOWN_OPCODE, E_UNLOCK_NOT_OWNER, E_WRITE_UNLOCK } from "./instructions";

/** Why a step threw: a rule code, the instruction, and one number of context. */
export interface Fault {
  rule: number;
  pc: number;
  thread: number;
  /** The offending index, the owner's number + 1, the busy thread + 1... depending on the rule. */
  detail: number;
}

/** A fault record for `execStep` to write into. A caller allocates one, once, and reads it right
 *  after a step returns BLOCKED, THROWN, ASSERTED or EXITED (the next step overwrites it). */
export function newFault(): Fault {
  return { rule: 0, pc: 0, thread: 0, detail: 0 };
}

function blockedAt(fault: Fault, pc: number, thread: number, slot: number): number {
  fault.pc = pc;
  fault.thread = thread;
  fault.detail = slot;
  return BLOCKED;
}

function raise(fault: Fault, rule: number, pc: number, thread: number, detail: number): number {
  fault.rule = rule;
  fault.pc = pc;
  fault.thread = thread;
  fault.detail = detail;
  return THROWN;
}

/** Status word values: 0 runs; > 0 waits at the barrier whose slot is status - 1;
 *  < 0 sits in the wait set of the condition whose slot is -status - 1. */
export function threadStatus(p: Program, s: Int32Array, t: number): number {
  return s[p.threadBase[t] + 1];
}

/** Ran to its end. (A thread waiting at a barrier after its last statement is not finished.) */
export function isFinished(p: Program, s: Int32Array, t: number): boolean {
  const base = p.threadBase[t];
  return p.code[s[base] * STRIDE] === END && s[base + 1] === 0;
}

/** Writes the thread's whole store buffer to memory, oldest first. */
export function drainBuffer(p: Program, s: Int32Array, t: number): void {
  const b = p.threads[t].buffer;
  const n = s[b];
  for (let k = 0; k < n; k++) {
    s[s[b + 1 + 2 * k]] = s[b + 2 + 2 * k];
    s[b + 1 + 2 * k] = 0;
    s[b + 2 + 2 * k] = 0;
  }
  s[b] = 0;
}

/** The TSO flush move: the oldest buffered write reaches memory. Returns false on an empty buffer. */
export function flushOne(p: Program, s: Int32Array, t: number): boolean {
  const b = p.threads[t].buffer;
  const n = b < 0 ? 0 : s[b];
  if (n === 0) return false;
  s[s[b + 1]] = s[b + 2];
  for (let k = 1; k < n; k++) {
    s[b + 2 * k - 1] = s[b + 2 * k + 1];
    s[b + 2 * k] = s[b + 2 * k + 2];
  }
  s[b + 2 * n - 1] = 0;
  s[b + 2 * n] = 0;
  s[b] = n - 1;
  return true;
}

/** The spurious-wakeup move: takes the thread out of its condition's wait set. */
export function wakeSpuriously(p: Program, s: Int32Array, t: number): boolean {
  const base = p.threadBase[t];
  const status = s[base + 1];
  if (status >= 0) return false;
  waitSetRemove(s, -status - 1, t);
  s[base + 1] = 0;
  return true;
}

/** Makes one move of the game on the raw state `s`, in place: a thread's step (its execStep
 *  result), a spurious wakeup or a store-buffer flush (OK). */
export function applyMove(p: Program, s: Int32Array, move: Move, fault: Fault): number {
  if (move.kind === "step") return execStep(p, s, move.thread, fault);
  if (move.kind === "wake") wakeSpuriously(p, s, move.thread);
  else flushOne(p, s, move.thread);
  return OK;
}

/** Runs one step of thread `t` on `s`, in place. On BLOCKED or DONE, `s` may hold scratch
 *  changes to the thread's registers: callers step a copy. Where it blocked, threw, failed an
 *  assert or exited goes into `fault`. */
export function execStep(p: Program, s: Int32Array, t: number, fault: Fault): number {
  const code = p.code;
  const base = p.threadBase[t];
  let pc = s[base];
  if (s[base + 1] !== 0) return BLOCKED;
  if (code[pc * STRIDE] === END) return DONE;
  const tso = p.tso;
  const buf = p.threads[t].buffer;
  const me = t + 1;
  let accessed = false;
  let first = true;

  for (;;) {
    const o = pc * STRIDE;
    const op = code[o];
    if (!first && (op === STMT || op === END || (accessed && op >= 32))) break;
    first = false;
    const a = code[o + 1], b = code[o + 2], c = code[o + 3], d = code[o + 4];
    if (op < 32) {
      const next = execLocal(s, op, a, b, c, pc);
      if (next >= 0) {
        pc = next;
        continue;
      }
      switch (next) {
        case LOCAL_FENCE:
          if (tso) drainBuffer(p, s, t);
          pc++;
          continue;
        case LOCAL_DIVIDE_BY_ZERO: return raise(fault, E_DIVISION, pc, t, 0);
        case LOCAL_REMAINDER_BY_ZERO: return raise(fault, E_DIVISION, pc, t, 1);
        case LOCAL_ASSERT_FAILED: s[base] = pc; fault.pc = pc; fault.thread = t; return ASSERTED;
        case LOCAL_EXIT: s[base] = pc; fault.pc = pc; fault.thread = t; return EXITED;
        default: return raise(fault, E_UNKNOWN_OPCODE, pc, t, op); // END never gets here: a step stops before it
      }
    }

    // One access to shared state. First find its slot (with a bounds check).
    let at = p.descBase[b];
    if (c >= 0) {
      at = elementSlot(at, p.descCount[b], p.descSize[b], s[c]);
      if (at < 0) return raise(fault, E_INDEX, pc, t, s[c]);
    }
    switch (op) {
      case LD: {
        let value = s[at];
        if (tso) {
          for (let k = s[buf] - 1; k >= 0; k--) {
            if (s[buf + 1 + 2 * k] === at) { value = s[buf + 2 + 2 * k]; break; }
          }
        }
        s[a] = value;
        break;
      }
      case ST:
        if (tso) {
          const n = s[buf];
          if (n === p.storeBufferSize) return blockedAt(fault, pc, t, -1); // a full store buffer waits for a flush
          s[buf + 1 + 2 * n] = at;
          s[buf + 2 + 2 * n] = s[d];
          s[buf] = n + 1;
        } else {
          s[at] = s[d];
        }
        break;
      case AADD:
        if (tso) drainBuffer(p, s, t);
        s[at] = (s[at] + s[d]) | 0;
        s[a] = s[at];
        break;
      case AXCHG: {
        if (tso) drainBuffer(p, s, t);
        const old = s[at];
        s[at] = s[d];
        s[a] = old;
        break;
      }
      case ACAS:
        if (tso) drainBuffer(p, s, t);
        if (s[at] === s[d]) { s[at] = s[a]; s[d] = 1; } else s[d] = 0;
        break;
      case LOCK:
        if (s[at] !== 0) return blockedAt(fault, pc, t, at);
        if (tso) drainBuffer(p, s, t);
        s[at] = me;
        break;
      case UNLOCK:
        if (tso) drainBuffer(p, s, t);
        if (s[at] !== me) return raise(fault, E_UNLOCK_NOT_OWNER, pc, t, s[at]);
        s[at] = 0;
        break;
      case TRYLOCK:
        if (tso) drainBuffer(p, s, t);
        if (s[at] === 0) { s[at] = me; s[a] = 1; } else s[a] = 0;
        break;
      case SEM_WAIT:
        if (!waitMayPass(op, s[at])) return blockedAt(fault, pc, t, at);
        if (tso) drainBuffer(p, s, t);
        s[at]--;
        break;
      case SEM_SIGNAL: {
        if (tso) drainBuffer(p, s, t);
        const max = p.descAux[b];
        if (!semaphoreMaySignal(s[at], max)) return raise(fault, E_SEMAPHORE_MAX, pc, t, max);
        s[at]++;
        break;
      }
      case COND_WAIT: {
        if (tso) drainBuffer(p, s, t);
        const m = p.descAux[b];
        if (s[m] !== me) return raise(fault, E_COND_NOT_HELD, pc, t, s[m]);
        s[m] = 0;
        waitSetAdd(s, at, t);
        s[base + 1] = -(at + 1);
        break;
      }
      case COND_REACQUIRE: {
        const m = p.descAux[b];
        if (s[m] !== 0) return blockedAt(fault, pc, t, m);
        if (tso) drainBuffer(p, s, t);
        s[m] = me;
        break;
      }
      case COND_SIGNAL:
      case COND_BROADCAST: {
        if (tso) drainBuffer(p, s, t);
        const m = p.descAux[b];
        if (s[m] !== me) return raise(fault, E_COND_NOT_HELD, pc, t, s[m]);
        const wake = wakeCount(op, s[at]);
        for (let k = 0; k < wake; k++) s[p.threadBase[waiterAt(s, at, k)] + 1] = 0;
        waitSetRemoveFirst(s, at, wake);
        break;
      }
      case BARRIER_WAIT:
        if (tso) drainBuffer(p, s, t);
        if (barrierArrive(s, at, p.descAux[b])) {
          for (let k = 0; k < p.threadBase.length; k++) {
            if (s[p.threadBase[k] + 1] === at + 1) s[p.threadBase[k] + 1] = 0;
          }
        } else {
          s[base + 1] = at + 1;
        }
        break;
      case CD_DOWN:
        if (tso) drainBuffer(p, s, t);
        if (!countdownMayDown(s[at])) return raise(fault, E_COUNTDOWN_BELOW_ZERO, pc, t, 0);
        s[at]--;
        break;
      case CD_WAIT:
      case EV_WAIT:
        if (!waitMayPass(op, s[at])) return blockedAt(fault, pc, t, at);
        if (tso) drainBuffer(p, s, t);
        break;
      case EV_SET:
      case EV_RESET:
        if (tso) drainBuffer(p, s, t);
        s[at] = op === EV_SET ? 1 : 0;
        break;
      case RW_RLOCK:
        if (!rwMayRead(s, at, t)) return blockedAt(fault, pc, t, at);
        if (tso) drainBuffer(p, s, t);
        rwAddReader(s, at, t);
        break;
      case RW_RUNLOCK:
        if (tso) drainBuffer(p, s, t);
        if (!rwReads(s, at, t)) return raise(fault, E_READ_UNLOCK, pc, t, s[at]);
        rwRemoveReader(s, at, t);
        break;
      case RW_WLOCK:
        if (!rwMayWrite(s, at)) return blockedAt(fault, pc, t, at);
        if (tso) drainBuffer(p, s, t);
        s[at] = me;
        break;
      case RW_WUNLOCK:
        if (tso) drainBuffer(p, s, t);
        if (s[at] !== me) return raise(fault, E_WRITE_UNLOCK, pc, t, s[at]);
        s[at] = 0;
        break;
      case Q_ENQ_BEGIN:
      case Q_DEQ_BEGIN: {
        if (tso) drainBuffer(p, s, t);
        if (s[at] !== 0) return raise(fault, E_QUEUE_CONCURRENT, pc, t, s[at]);
        const capacity = p.descAux[b];
        const rule = queueBeginFault(s, at, op, capacity);
        if (rule !== 0) return raise(fault, rule, pc, t, rule === E_QUEUE_FULL ? capacity : 0);
        s[at] = me;
        break;
      }
      case Q_ENQ_END:
        if (tso) drainBuffer(p, s, t);
        queuePush(s, at, s[d]);
        s[at] = 0;
        break;
      case Q_DEQ_END:
        if (tso) drainBuffer(p, s, t);
        s[a] = queueShift(s, at);
        s[at] = 0;
        break;
      case Q_SIZE:
        if (tso) drainBuffer(p, s, t);
        s[a] = queueLength(s, at);
        break;
      default:
        return raise(fault, E_UNKNOWN_OPCODE, pc, t, op);
    }
    accessed = true;
    pc++;
    if (s[base + 1] !== 0) break; // now waiting (barrier, condition): the step ends here
  }

  s[base] = pc;
  // At a statement boundary the temporaries are dead: clear them so equal states look equal.
  const op = code[pc * STRIDE];
  if (op === STMT || op === END) {
    const th = p.threads[t];
    for (let r = base + 2 + th.firstTemp; r < base + 2 + th.registers; r++) s[r] = 0;
  }
  return OK;
}
