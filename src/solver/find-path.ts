// A large search keeps no parents (tree-set.ts): a schedule to a stored state is found again,
// backwards, one layer of the breadth-first search at a time. Every state of layer d was found
// from a state of layer d - 1, so that layer holds a state with a move to it; the one taken is
// the first in the order the search adds successors (states in their order, then steps, wakes,
// flushes), which for the plain search is the very state and move it was found from. The cost
// is a second look at the states of the layers scanned, paid only when a schedule is asked for.

import { Analyzer } from "../engine/index";
import type { Program } from "../engine/machine";
import * as I from "../engine/machine";
import type { Symmetry } from "./symmetry";
import type { TreeSet } from "./tree-set";

const { ASSERTED, END, execStep, EXITED, flushOne, newFault, OK, STRIDE, THROWN, wakeSpuriously } = I;

export class PathFinder {
  private readonly analyzer: Analyzer;
  private readonly statusSlots: Int32Array;
  private readonly fault = newFault();
  private readonly cur: Int32Array;
  private readonly next: Int32Array;
  private readonly target: Int32Array;

  constructor(
    private readonly p: Program,
    private readonly set: TreeSet,
    private readonly symmetry: Symmetry | null,
    /** The search's layer ends (explore.ts, `layerEnds`). */
    private readonly layerEnds: readonly number[],
    /** What the search does to a successor before renumbering it (explore.ts, `settle`). */
    private readonly settle: (s: Int32Array) => void = () => {},
  ) {
    this.analyzer = new Analyzer(p);
    this.statusSlots = Int32Array.from(p.threads.map((t) => t.base + 1));
    this.cur = new Int32Array(p.initial.length);
    this.next = new Int32Array(p.initial.length);
    this.target = new Int32Array(p.initial.length);
  }

  /** The stored states from the start (0) to `state`, and the move codes between them. */
  pathTo(state: number): { path: number[]; codes: number[] } {
    const ends = this.layerEnds;
    let d = 0;
    while (d < ends.length && state >= ends[d]) d++;
    const path = [state];
    const codes: number[] = [];
    for (let x = state; d > 0; d--) {
      this.set.load(x, this.target);
      const from = d >= 2 ? ends[d - 2] : 0;
      let found = -1;
      for (let i = from; i < ends[d - 1] && found < 0; i++) {
        this.set.load(i, this.cur);
        const code = this.moveTo(this.cur, this.target);
        if (code >= 0) {
          found = i;
          codes.push(code);
        }
      }
      if (found < 0) throw new Error(`find-path: no state of layer ${d - 1} leads to state ${x}`);
      x = found;
      path.push(x);
    }
    return { path: path.reverse(), codes: codes.reverse() };
  }

  /**
   * The code of the first move from `cur` to `target` (stored form), or -1: as the search
   * expands a state, none from a state it does not expand (mutual exclusion broken, deadlock).
   */
  private moveTo(cur: Int32Array, target: Int32Array): number {
    const { p, analyzer, statusSlots, next, fault } = this;
    if (analyzer.criticalThreads(cur) >= 2) return -1;
    const n = p.threads.length;
    let progress = false;
    let unfinished = 0;
    let step = -1;
    for (let t = 0; t < n; t++) {
      const base = p.threadBase[t];
      if (cur[base + 1] !== 0) {
        unfinished++;
        continue;
      }
      if (p.code[cur[base] * STRIDE] === END) continue;
      unfinished++;
      next.set(cur);
      const r = execStep(p, next, t, fault);
      if (r === OK) {
        if (!progress) progress = changesShared(cur, next, p.sharedLength, statusSlots);
        if (step < 0 && this.same(next, target)) step = t;
      } else if (r === THROWN || r === ASSERTED || r === EXITED) progress = true;
    }
    if (!progress && unfinished > 0 && analyzer.buffersEmpty(cur) && analyzer.deadlocked(cur)) return -1;
    if (step >= 0) return step;
    if (p.spuriousWakeups) {
      for (let t = 0; t < n; t++) {
        if (cur[statusSlots[t]] >= 0) continue;
        next.set(cur);
        wakeSpuriously(p, next, t);
        if (this.same(next, target)) return n + t;
      }
    }
    if (p.tso) {
      for (let t = 0; t < n; t++) {
        if (cur[p.threads[t].buffer] === 0) continue;
        next.set(cur);
        flushOne(p, next, t);
        if (this.same(next, target)) return 2 * n + t;
      }
    }
    return -1;
  }

  /** Is `s`, stored as the search stores it (renumbered), the state `target`? */
  private same(s: Int32Array, target: Int32Array): boolean {
    this.settle(s);
    this.symmetry?.canonicalize(s);
    for (let k = 0; k < this.p.stateLength; k++) if (s[k] !== target[k]) return false;
    return true;
  }
}

/** Did a step change a shared value or object, or another thread's status (waking it)? */
export function changesShared(cur: Int32Array, next: Int32Array, shared: number, statusSlots: Int32Array): boolean {
  for (let k = 0; k < shared; k++) if (next[k] !== cur[k]) return true;
  for (let t = 0; t < statusSlots.length; t++) if (next[statusSlots[t]] !== cur[statusSlots[t]]) return true;
  return false;
}
