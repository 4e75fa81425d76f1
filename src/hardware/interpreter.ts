// The worker-side interpreter: runs one thread's translated instructions straight through on the
// shared memory, at full speed. What each instruction means is the engine's (instructions.ts,
// shared with src/engine/vm.ts, exceptions included); what is this file's own is how memory is
// reached and how a thread waits. Plain reads and writes of shared variables are plain typed-array
// accesses, so real races happen; atomics, fences and every synchronization object go through
// Atomics, and the engine's object rules run inside that protocol (under the object's guard, the
// mutex it belongs to, or the queue's busy word), where plain accesses are safe. Blocking is
// Atomics.wait. Steps are not the engine's: a STMT is only a marker, where the thread counts
// progress, checks the abort flag and may jitter.
// It runs on any Int32Array over a SharedArrayBuffer, in a worker or in a test.

import * as X from "../engine/machine";
import * as L from "./layout";
import { HSTRIDE, type HardwareCode } from "./translate";
import { block, guarded, release, unguard } from "./waiting";

const { AADD, ACAS, AXCHG, BARRIER_WAIT, CD_DOWN, CD_WAIT, COND_BROADCAST, COND_REACQUIRE, COND_SIGNAL, COND_WAIT, EV_RESET, EV_SET, EV_WAIT, FLAG_CRITICAL, LD, LOCK, Q_DEQ_BEGIN, Q_DEQ_END, Q_ENQ_BEGIN, Q_ENQ_END, Q_SIZE, RW_RLOCK, RW_RUNLOCK, RW_WLOCK, RW_WUNLOCK, SEM_SIGNAL, SEM_WAIT, ST, STMT, TRYLOCK, UNLOCK } = X;
const { E_COND_NOT_HELD, E_COUNTDOWN_BELOW_ZERO, E_DIVISION, E_INDEX, E_QUEUE_CONCURRENT, E_QUEUE_FULL, E_READ_UNLOCK, E_SEMAPHORE_MAX, E_UNKNOWN_OPCODE, E_UNLOCK_NOT_OWNER, E_WRITE_UNLOCK } = X;
const { LOCAL_ASSERT_FAILED, LOCAL_DIVIDE_BY_ZERO, LOCAL_END, LOCAL_EXIT, LOCAL_FENCE, LOCAL_REMAINDER_BY_ZERO } = X;
const { barrierArrive, countdownMayDown, elementSlot, execLocal, queueBeginFault, queuePush, queueShift, rwAddReader, rwMayRead, rwMayWrite, rwReads, rwRemoveReader, semaphoreMaySignal, waitMayPass, waiterAt, waitSetAdd, waitSetRemoveFirst, wakeCount } = X;
const { ABORT, FENCE: FENCE_WORD, IN_SECTION, OUT_ASSERTION, OUT_EXCEPTION, OUT_EXIT, OUT_MUTUAL_EXCLUSION, OUT_RUNNING, PROGRESS, RELEASES, STATE, STATUS, STEPS, TS_FINISHED, R_ABORTED, R_ASSERTED, R_BLOCKED, R_BUDGET, R_EXITED, R_FINISHED, R_THROWN } = L;

export interface RunSettings {
  /** Statements a thread may run in one trial before the trial counts as still running. */
  budget: number;
  /** 0: full speed. Otherwise, at about one statement in four, spin a random 0..jitter-1 turns. */
  jitter: number;
}

/** One thread's interpreter, reused across trials. */
export class ThreadRunner {
  /** The thread's registers (thread-local; laid out as in the engine's state). */
  readonly regs: Int32Array;
  private rng: number;

  constructor(
    private readonly hc: HardwareCode,
    private readonly mem: Int32Array,
    readonly thread: number,
    private readonly settings: RunSettings,
  ) {
    this.regs = new Int32Array(hc.registersLength);
    this.rng = (0x9e3779b9 * (thread + 1)) | 0 || 1;
  }

  /** Runs the thread once from its entry on the current memory. Returns an L.R_* code (also
   *  stored in the thread's RESULT word), having claimed the trial's outcome if it found one. */
  run(): number {
    const r = this.exec();
    const block = L.threadBlock(this.hc.layout, this.thread);
    Atomics.store(this.mem, block + L.RESULT, r);
    if (r === R_FINISHED) {
      Atomics.store(this.mem, block + STATE, TS_FINISHED);
      // Leaving others waiting for what this thread still holds is a deadlock: say so now.
      if (L.allBlocked(this.mem, this.hc.layout)) L.claimOutcome(this.mem, this.hc.layout, L.OUT_DEADLOCK, this.thread, 0, 0, 0);
    }
    return r;
  }

  private exec(): number {
    const { hc, mem, regs, thread: t } = this;
    const { budget, jitter } = this.settings;
    const code = hc.code;
    const layout = hc.layout;
    const C = layout.control;
    const T = L.threadBlock(layout, t);
    const me = t + 1;
    const bit = 1 << t;
    regs.fill(0);
    let pc = hc.entry[t];
    let steps = 0;
    let inSection = false;

    for (;;) {
      const o = pc * HSTRIDE;
      const op = code[o];
      if (op < 32) {
        const a = code[o + 1], b = code[o + 2], c = code[o + 3];
        if (op === STMT) {
          if (inSection) {
            Atomics.and(mem, C + IN_SECTION, ~bit);
            inSection = false;
          }
          if ((steps & 63) === 0) {
            // Now and then (an atomic load costs as much as a statement): has the trial ended?
            if (Atomics.load(mem, C + ABORT) !== 0) return this.stopped(steps, R_ABORTED);
            if ((steps & 1023) === 0) Atomics.store(mem, T + PROGRESS, steps);
          }
          if (++steps > budget) {
            L.claimOutcome(mem, layout, OUT_RUNNING, t, pc, 0, budget);
            return this.stopped(steps - 1, R_BUDGET);
          }
          if ((b & FLAG_CRITICAL) !== 0) {
            // Reaching the line counts: anyone already standing in a section makes two.
            const others = Atomics.or(mem, C + IN_SECTION, bit);
            inSection = true;
            if (others !== 0) {
              L.claimOutcome(mem, layout, OUT_MUTUAL_EXCLUSION, t, pc, 0, others | bit);
              return this.stopped(steps, R_ABORTED);
            }
          }
          if (jitter > 0) this.jitter(jitter);
          pc++;
          continue;
        }
        const next = execLocal(regs, op, a, b, c, pc);
        if (next >= 0) {
          pc = next;
          continue;
        }
        switch (next) {
          case LOCAL_END:
            if (inSection) Atomics.and(mem, C + IN_SECTION, ~bit);
            return this.stopped(steps, R_FINISHED);
          case LOCAL_FENCE:
            Atomics.add(mem, C + FENCE_WORD, 1);
            pc++;
            continue;
          case LOCAL_DIVIDE_BY_ZERO: return this.raise(pc, steps, E_DIVISION, 0);
          case LOCAL_REMAINDER_BY_ZERO: return this.raise(pc, steps, E_DIVISION, 1);
          case LOCAL_ASSERT_FAILED:
            L.claimOutcome(mem, layout, OUT_ASSERTION, t, pc, 0, 0);
            return this.stopped(steps, R_ASSERTED);
          case LOCAL_EXIT:
            L.claimOutcome(mem, layout, OUT_EXIT, t, pc, 0, 0);
            return this.stopped(steps, R_EXITED);
          default: return this.raise(pc, steps, E_UNKNOWN_OPCODE, op);
        }
      }

      // One access to shared state: find its slot, with the engine's bounds check.
      const a = code[o + 1], c = code[o + 3], d = code[o + 4], aux = code[o + 7];
      let at = code[o + 2];
      if (c >= 0) {
        at = elementSlot(at, code[o + 5], code[o + 6], regs[c]);
        if (at < 0) return this.raise(pc, steps, E_INDEX, regs[c]);
      }
      switch (op) {
        case LD: regs[a] = mem[at]; break;
        case ST: mem[at] = regs[d]; break;
        case AADD: regs[a] = (Atomics.add(mem, at, regs[d]) + regs[d]) | 0; break;
        case AXCHG: regs[a] = Atomics.exchange(mem, at, regs[d]); break;
        case ACAS: {
          const expected = regs[d];
          regs[d] = Atomics.compareExchange(mem, at, expected, regs[a]) === expected ? 1 : 0;
          break;
        }
        case LOCK:
        case COND_REACQUIRE: {
          const m = op === LOCK ? at : aux;
          for (;;) {
            const epoch = Atomics.load(mem, C + RELEASES);
            const owner = Atomics.compareExchange(mem, m, 0, me);
            if (owner === 0) break;
            if (!block(mem, layout, t, m, owner, epoch, pc, m)) return this.stopped(steps, R_BLOCKED);
          }
          break;
        }
        case UNLOCK: {
          const owner = Atomics.compareExchange(mem, at, me, 0);
          if (owner !== me) return this.raise(pc, steps, E_UNLOCK_NOT_OWNER, owner);
          release(mem, layout, at);
          break;
        }
        case TRYLOCK: regs[a] = Atomics.compareExchange(mem, at, 0, me) === 0 ? 1 : 0; break;
        case SEM_WAIT:
          for (;;) {
            const epoch = Atomics.load(mem, C + RELEASES);
            const v = Atomics.load(mem, at);
            if (waitMayPass(op, v)) {
              if (Atomics.compareExchange(mem, at, v, v - 1) === v) break;
              continue;
            }
            if (!block(mem, layout, t, at, v, epoch, pc, at)) return this.stopped(steps, R_BLOCKED);
          }
          break;
        case SEM_SIGNAL:
          for (;;) {
            const v = Atomics.load(mem, at);
            if (!semaphoreMaySignal(v, aux)) return this.raise(pc, steps, E_SEMAPHORE_MAX, aux);
            if (Atomics.compareExchange(mem, at, v, v + 1) === v) break;
          }
          release(mem, layout, at);
          break;
        case COND_WAIT: {
          // The wait set is only touched by holders of the mutex, so the mutex guards it.
          const owner = Atomics.load(mem, aux);
          if (owner !== me) return this.raise(pc, steps, E_COND_NOT_HELD, owner);
          waitSetAdd(mem, at, t);
          Atomics.store(mem, T + STATUS, -(at + 1));
          Atomics.store(mem, aux, 0);
          release(mem, layout, aux);
          for (;;) {
            const epoch = Atomics.load(mem, C + RELEASES);
            const status = Atomics.load(mem, T + STATUS);
            if (status === 0) break;
            if (!block(mem, layout, t, T + STATUS, status, epoch, pc, at)) return this.stopped(steps, R_BLOCKED);
          }
          break;
        }
        case COND_SIGNAL:
        case COND_BROADCAST: {
          const owner = Atomics.load(mem, aux);
          if (owner !== me) return this.raise(pc, steps, E_COND_NOT_HELD, owner);
          // Wake first, then take them out of the wait set: the woken cannot touch it before
          // this thread lets go of the mutex.
          const wake = wakeCount(op, mem[at]);
          for (let k = 0; k < wake; k++) Atomics.store(mem, L.threadBlock(layout, waiterAt(mem, at, k)) + STATUS, 0);
          Atomics.add(mem, C + RELEASES, 1);
          for (let k = 0; k < wake; k++) Atomics.notify(mem, L.threadBlock(layout, waiterAt(mem, at, k)) + STATUS);
          waitSetRemoveFirst(mem, at, wake);
          break;
        }
        case BARRIER_WAIT: {
          const seq = L.sequenceOf(layout, at);
          guarded(mem, layout, at);
          if (barrierArrive(mem, at, aux)) {
            Atomics.add(mem, seq, 1);
            unguard(mem, layout, at);
            release(mem, layout, seq);
            break;
          }
          const generation = Atomics.load(mem, seq);
          unguard(mem, layout, at);
          for (;;) {
            const epoch = Atomics.load(mem, C + RELEASES);
            if (Atomics.load(mem, seq) !== generation) break;
            if (!block(mem, layout, t, seq, generation, epoch, pc, at)) return this.stopped(steps, R_BLOCKED);
          }
          break;
        }
        case CD_DOWN:
          for (;;) {
            const v = Atomics.load(mem, at);
            if (!countdownMayDown(v)) return this.raise(pc, steps, E_COUNTDOWN_BELOW_ZERO, 0);
            if (Atomics.compareExchange(mem, at, v, v - 1) === v) break;
          }
          release(mem, layout, at);
          break;
        case CD_WAIT:
        case EV_WAIT:
          for (;;) {
            const epoch = Atomics.load(mem, C + RELEASES);
            const v = Atomics.load(mem, at);
            if (waitMayPass(op, v)) break;
            if (!block(mem, layout, t, at, v, epoch, pc, at)) return this.stopped(steps, R_BLOCKED);
          }
          break;
        case EV_SET:
          Atomics.store(mem, at, 1);
          release(mem, layout, at);
          break;
        case EV_RESET: Atomics.store(mem, at, 0); break;
        case RW_RLOCK:
        case RW_WLOCK: {
          // Writer and readers are two words: a guard makes the check-and-take one operation.
          const seq = L.sequenceOf(layout, at);
          for (;;) {
            const epoch = Atomics.load(mem, C + RELEASES);
            guarded(mem, layout, at);
            if (op === RW_RLOCK ? rwMayRead(mem, at, t) : rwMayWrite(mem, at)) {
              if (op === RW_RLOCK) rwAddReader(mem, at, t);
              else mem[at] = me;
              unguard(mem, layout, at);
              break;
            }
            const generation = Atomics.load(mem, seq);
            unguard(mem, layout, at);
            if (!block(mem, layout, t, seq, generation, epoch, pc, at)) return this.stopped(steps, R_BLOCKED);
          }
          break;
        }
        case RW_RUNLOCK:
        case RW_WUNLOCK: {
          guarded(mem, layout, at);
          const writer = mem[at];
          if (op === RW_RUNLOCK ? !rwReads(mem, at, t) : writer !== me) {
            unguard(mem, layout, at);
            return this.raise(pc, steps, op === RW_RUNLOCK ? E_READ_UNLOCK : E_WRITE_UNLOCK, writer);
          }
          if (op === RW_RUNLOCK) rwRemoveReader(mem, at, t);
          else mem[at] = 0;
          Atomics.add(mem, L.sequenceOf(layout, at), 1);
          unguard(mem, layout, at);
          release(mem, layout, L.sequenceOf(layout, at));
          break;
        }
        case Q_ENQ_BEGIN:
        case Q_DEQ_BEGIN: {
          // The busy word is the engine's: whoever finds it taken has caught a concurrent modification.
          const busy = Atomics.compareExchange(mem, at, 0, me);
          if (busy !== 0) return this.raise(pc, steps, E_QUEUE_CONCURRENT, busy);
          const rule = queueBeginFault(mem, at, op, aux);
          if (rule !== 0) {
            Atomics.store(mem, at, 0);
            return this.raise(pc, steps, rule, rule === E_QUEUE_FULL ? aux : 0);
          }
          break;
        }
        case Q_ENQ_END:
          queuePush(mem, at, regs[d]);
          Atomics.store(mem, at, 0);
          break;
        case Q_DEQ_END:
          regs[a] = queueShift(mem, at);
          Atomics.store(mem, at, 0);
          break;
        case Q_SIZE:
          // The length word (see queueLength), read atomically: nothing holds the queue here.
          regs[a] = Atomics.load(mem, at + 1);
          break;
        default: return this.raise(pc, steps, E_UNKNOWN_OPCODE, op);
      }
      pc++;
    }
  }

  private raise(pc: number, steps: number, rule: number, detail: number): number {
    L.claimOutcome(this.mem, this.hc.layout, OUT_EXCEPTION, this.thread, pc, rule, detail);
    return this.stopped(steps, R_THROWN);
  }

  /** Publishes the thread's final step count; passes its result through. */
  private stopped(steps: number, result: number): number {
    const T = L.threadBlock(this.hc.layout, this.thread);
    Atomics.store(this.mem, T + PROGRESS, steps);
    Atomics.store(this.mem, T + STEPS, steps);
    return result;
  }

  /** A random short spin (xorshift), to widen the windows in which races show. */
  private jitter(max: number): void {
    let x = this.rng;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    if ((x & 3) === 0) {
      for (let n = (x >>> 2) % max; n > 0; n--) x = (Math.imul(x, 1103515245) + 12345) | 0;
    }
    this.rng = x || 1;
  }
}
