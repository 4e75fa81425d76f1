// Outcomes that are properties of a state rather than of the step that led to it: threads
// standing at a critical section together, deadlock (blocked or busy-waiting threads), and a
// program that has finished. Shared by the engine and the solver; scratch space (a state, the
// states a spinning thread went through, its own fault record) is reused and belongs to it.

import * as I from "./program";
import type { Program } from "./program";
import * as VM from "./vm";

const { BLOCKED, execStep, isFinished, newFault, OK } = VM;
const { STRIDE, END } = I;

/** How far a lone thread is run to see whether it spins. */
const SOLO_LIMIT = 256;

export class Analyzer {
  private readonly tmp: Int32Array;
  private readonly seen: Int32Array;
  private readonly fault = newFault();

  constructor(private readonly p: Program) {
    this.tmp = new Int32Array(p.initial.length);
    const widest = Math.max(0, ...p.threads.map((t) => 2 + t.registers));
    this.seen = new Int32Array((SOLO_LIMIT + 1) * widest);
  }

  /** Threads standing at a `critical_section();` (a thread waiting at a barrier is not). */
  criticalThreads(s: Int32Array): number {
    const { p } = this;
    let n = 0;
    for (let t = 0; t < p.threadBase.length; t++) {
      const base = p.threadBase[t];
      if (p.critical[s[base]] === 1 && s[base + 1] === 0) n++;
    }
    return n;
  }

  buffersEmpty(s: Int32Array): boolean {
    if (!this.p.tso) return true;
    for (const th of this.p.threads) if (s[th.buffer] !== 0) return false;
    return true;
  }

  /** Every thread ran to its end and, under TSO, every buffer reached memory. */
  finished(s: Int32Array): boolean {
    for (let t = 0; t < this.p.threadBase.length; t++) if (!isFinished(this.p, s, t)) return false;
    return this.buffersEmpty(s);
  }

  /** Is the thread blocked now (it cannot step)? */
  blocked(s: Int32Array, t: number): boolean {
    const status = s[this.p.threadBase[t] + 1];
    if (status > 0) return true;
    if (status < 0) return !this.p.spuriousWakeups;
    this.tmp.set(s);
    return execStep(this.p, this.tmp, t, this.fault) === BLOCKED;
  }

  /** The level format's deadlock: some thread unfinished, buffers empty, and every unfinished
   *  thread blocked or busy-waiting. */
  deadlocked(s: Int32Array): boolean {
    const { p } = this;
    let unfinished = 0;
    for (let t = 0; t < p.threadBase.length; t++) if (!isFinished(p, s, t)) unfinished++;
    if (unfinished === 0 || !this.buffersEmpty(s)) return false;
    for (let t = 0; t < p.threadBase.length; t++) {
      if (isFinished(p, s, t)) continue;
      const status = s[p.threadBase[t] + 1];
      if (status > 0) continue;
      if (status < 0) {
        if (p.spuriousWakeups) return false;
        continue;
      }
      if (!this.stuck(s, t)) return false;
    }
    return true;
  }

  /** Blocked now, or, run on its own, it comes back to a state it was in before without
   *  changing any shared value or object. */
  stuck(s: Int32Array, t: number): boolean {
    const { p, tmp, seen, fault } = this;
    const base = p.threadBase[t];
    const width = 2 + p.threads[t].registers;
    const buffer = p.threads[t].buffer;
    tmp.set(s);
    let seenCount = 0;
    const remember = () => {
      seen.set(tmp.subarray(base, base + width), seenCount * width);
      seenCount++;
    };
    remember();
    for (let n = 0; n < SOLO_LIMIT; n++) {
      const r = execStep(p, tmp, t, fault);
      if (r === BLOCKED) return n === 0;
      if (r !== OK) return false;
      if (buffer >= 0) {
        // A buffered write of the value already in memory is no change; any other is.
        for (let k = 0; k < tmp[buffer]; k++) {
          if (tmp[tmp[buffer + 1 + 2 * k]] !== tmp[buffer + 2 + 2 * k]) return false;
        }
        tmp.fill(0, buffer, buffer + 1 + 2 * p.storeBufferSize);
      }
      for (let k = 0; k < p.sharedLength; k++) if (tmp[k] !== s[k]) return false;
      // Waking or releasing another thread changes its status: that is progress too.
      for (let k = 0; k < p.threadBase.length; k++) {
        if (k !== t && tmp[p.threadBase[k] + 1] !== s[p.threadBase[k] + 1]) return false;
      }
      if (p.code[tmp[base] * STRIDE] === END) return false;
      for (let k = 0; k < seenCount; k++) {
        let same = true;
        for (let j = 0; j < width && same; j++) same = seen[k * width + j] === tmp[base + j];
        if (same) return true;
      }
      remember();
    }
    return false;
  }
}
