// The one breadth-first search over every interleaving, and the one place successors are made.
// The solver (solve.ts, and through it the fix-it judge, the hint and the editor's check) and
// hardware mode's SC reachability (hardware/reachable.ts) all run on it; they differ only in
// their Visitor: which outcomes end the search, and what they keep of the finished states.
// Outcomes are the engine's rules (vm.ts, analysis.ts); the search stops where a game would.
// With `reduce` it stores fewer states for proofs: partial-order reduction and symmetry
// (REDUCTION.md; independence.ts and symmetry.ts).

import { Analyzer, type Move, type OutcomeKind } from "../engine/index";
import type { Fault, Program } from "../engine/machine";
import * as I from "../engine/machine";
import { changesShared, PathFinder } from "./find-path";
import { StepFootprints } from "./independence";
import { LocalRuns } from "./local-runs";
import { Relevance } from "./relevance";
import { StateSet } from "./state-set";
import { Symmetry } from "./symmetry";
import { TreeSet } from "./tree-set";

// Bound once: the search loop must not go through module-namespace lookups.
const { applyMove, ASSERTED, END, execStep, EXITED, flushOne, newFault, OK, STRIDE, THROWN, wakeSpuriously } = I;

/** Successors added to the set at once (see StateSet.addAll). */
const BATCH = 64;
/**
 * States kept in a flat StateSet, with parents; past that the search moves them into a TreeSet
 * (tree-set.ts), a third of the memory a state or less, with no parents: a large search's
 * schedule is found again (`movesTo`). Small searches, the campaign's, stay flat and quick.
 * (The reduced stress level's proof, 28,326 states, takes as long in either.)
 */
const FLAT_STATES = 1 << 13;

/**
 * What a search reports, on rare events only (nothing is called per state).
 */
export interface Visitor {
  /**
   * An outcome: of stored state `state` itself (`thread` is -1: mutual-exclusion, deadlock), or
   * of `thread`'s step from it (exception, assertion, exit; `fault` says where, and is reused
   * after the call). Return true to end the search with it. The game is over there, so the
   * state is not expanded, nor is the state after a failing step.
   */
  outcome(kind: OutcomeKind, state: number, thread: number, fault: Fault): boolean;
  /** A state in which every thread has finished (a loss); `s` is reused after the call. */
  finished(s: Int32Array, state: number): void;
}

export interface ExploreOptions {
  /** Partial-order reduction (REDUCTION.md): every outcome and every finished state is still
   *  found, but not by a shortest schedule, and fewer states are stored. */
  reduce?: boolean;
  /** With `reduce`: false for partial-order reduction alone, without symmetry (to measure it). */
  symmetry?: boolean;
  /** With `reduce`: the visitor looks at finished states' shared values (the fix-it judge's
   *  final values), so every shared variable is kept, even one whose value cannot change an
   *  outcome (relevance.ts). */
  keepShared?: boolean;
  /** States kept flat, with parents, before the set becomes a tree (FLAT_STATES; tests set 0
   *  to search small levels with the tree). */
  flatStates?: number;
}

/** "paused": at the state `run` was told to pause before; "stopped": the visitor ended it;
 *  "complete": every reachable state was visited; "budget": more than `maxStates` were stored. */
export type ExploreStatus = "paused" | "stopped" | "complete" | "budget";

/** The outcome that stopped the search, one move after `state` when `thread` >= 0. */
export interface Stop {
  kind: OutcomeKind;
  state: number;
  thread: number;
}

/**
 * A breadth-first search that can be paused and resumed: `run(pauseAt)` goes on until the state
 * numbered `pauseAt` is next to expand (so a caller can report progress, let the page paint or
 * give up) or the search ends. States are numbered in the order they were found: breadth first,
 * so the first state with an outcome has a shortest schedule.
 */
export class Exploration {
  private set: StateSet | TreeSet;
  /** Per layer of the search, the number of the first state after it (layer d is the states
   *  from ends[d - 1], or 0, up to ends[d]); the states from the last end on are the layer
   *  being found. */
  private readonly layerEnds: number[] = [1];
  private readonly flatStates: number;
  private readonly analyzer: Analyzer;
  private readonly fault = newFault();
  private readonly cur: Int32Array;
  private readonly statusSlots: Int32Array;
  // Successors are not added to the set one at a time but a batch at once, from many expanded
  // states (StateSet.addAll: their cache misses overlap). They are computed in place in the
  // batch, one state-long slot each, in the order they would have been added one by one.
  private readonly batch: Int32Array;
  private readonly slots: Int32Array[];
  private readonly batchParents: Int32Array;
  private readonly batchMoves: Uint8Array;
  /** Partial-order reduction (REDUCTION.md): null for the plain search. */
  private readonly footprints: StepFootprints | null;
  /** With partial-order reduction, where the level allows it: runs of local steps taken at
   *  once, their states not stored (local-runs.ts). */
  private readonly localRuns: LocalRuns | null;
  /** With partial-order reduction: may a thread with an enabled step be busy-waiting? When
   *  not, a state with an enabled step is no deadlock, and needs no check for one. */
  private readonly mayBusyWait: boolean;
  /** With partial-order reduction, where no thread may busy-wait: values that cannot matter
   *  are set to 0 (relevance.ts). */
  private readonly dead: Relevance | null;
  /** Symmetry reduction (REDUCTION.md): null when off or when no threads are interchangeable. */
  private readonly symmetry: Symmetry | null;
  /** The state the search started from, as given (the stored one may be renumbered). */
  private readonly start: Int32Array;
  /** Scratch: a successor renumbered, for the proviso's look-up. */
  private readonly probe: Int32Array;
  /** The next state to expand, and the end of its layer. */
  private next = 0;
  private layerEnd = 1;
  /** A win one move after a state of this layer: the layer is finished first, since a state of
   *  it may still win outright, with a shorter schedule. */
  private pending: Stop | null = null;
  /** Moves from the start to the layer being expanded. */
  depth = 0;
  status: ExploreStatus = "paused";
  stop: Stop | null = null;

  constructor(
    private readonly p: Program,
    private readonly visitor: Visitor,
    private readonly maxStates: number,
    from: Int32Array = p.initial,
    options: ExploreOptions = {},
  ) {
    const n = p.threads.length;
    const full = p.initial.length; // the state, then scratch registers
    this.analyzer = new Analyzer(p);
    this.cur = new Int32Array(full);
    this.statusSlots = Int32Array.from(p.threads.map((t) => t.base + 1));
    const capacity = Math.max(BATCH, 3 * n);
    this.batch = new Int32Array(capacity * full);
    this.slots = Array.from({ length: capacity }, (_, j) => this.batch.subarray(j * full, (j + 1) * full));
    this.batchParents = new Int32Array(capacity);
    this.batchMoves = new Uint8Array(capacity);
    const footprints = options.reduce ? new StepFootprints(p) : null;
    this.footprints = footprints?.applicable ? footprints : null;
    this.mayBusyWait = footprints?.mayBusyWait ?? true;
    const dead = footprints && !footprints.mayBusyWait ? new Relevance(p, options.keepShared) : null;
    this.dead = dead?.any ? dead : null;
    const localRuns = footprints ? new LocalRuns(p, footprints, this.dead) : null;
    this.localRuns = localRuns?.active ? localRuns : null;
    const symmetry = options.reduce && options.symmetry !== false ? new Symmetry(p) : null;
    this.symmetry = symmetry?.active ? symmetry : null;
    this.start = from.slice();
    this.flatStates = options.flatStates ?? FLAT_STATES;
    this.probe = new Int32Array(full);
    const first = from.slice();
    this.dead?.clear(first);
    this.symmetry?.canonicalize(first);
    const set = new StateSet(p.stateLength, 1 << 10);
    set.add(first, 0, -1, 0);
    this.set = set;
    if (this.flatStates === 0) this.growIntoTree();
  }

  /** Is the search reduced? (Asked for, and the level allows it: REDUCTION.md.) */
  get reduced(): boolean {
    return this.footprints !== null || this.symmetry !== null;
  }

  /** Distinct states stored, the first included. */
  get states(): number {
    return this.set.count;
  }

  /** Bytes a stored state costs: the set's, and with a TreeSet the layer ends too (what
   *  `movesTo` needs to find a schedule again). */
  get bytesPerState(): number {
    const set = this.set;
    return set instanceof TreeSet ? set.bytesPerStateUsed + (this.layerEnds.length * 8) / set.count : set.bytesPerStateUsed;
  }

  /** The moves from the start to stored state `state`, then `lastThread`'s step if given. */
  movesTo(state: number, lastThread = -1): Move[] {
    const n = this.p.threads.length;
    const set = this.set;
    // The stored states from the start to `state`, and the move codes between them.
    let path: number[] = [];
    let codes: number[] = [];
    if (set instanceof StateSet) {
      for (let i = state; i > 0; i = set.parent[i]) {
        path.push(i);
        codes.push(set.move[i]);
      }
      path.push(0);
      path.reverse();
      codes.reverse();
    } else {
      ({ path, codes } = new PathFinder(this.p, set, this.symmetry, this.layerEnds, (s) => this.settle(s)).pathTo(state));
    }
    // Each edge between stored states: its move, then the local run after it (local-runs.ts).
    const edges: Move[][] = codes.map((c) => [decodeMove(c, n)]);
    const localRuns = this.localRuns;
    if (localRuns !== null) {
      const s = new Int32Array(this.p.initial.length);
      const fault = newFault();
      const run: number[] = [];
      edges.forEach((edge, k) => {
        set.load(path[k], s);
        applyMove(this.p, s, edge[0], fault);
        run.length = 0;
        localRuns.run(s, run);
        for (const t of run) edge.push({ kind: "step", thread: t });
      });
    }
    if (lastThread >= 0) edges.push([{ kind: "step", thread: lastThread }]);
    // The real threads' moves along the path (symmetry.ts).
    return this.symmetry ? this.symmetry.realMoves(this.p, this.start, edges, (k, into) => set.load(path[k], into), (s) => this.dead?.clear(s)) : edges.flat();
  }

  /** What the search does to a successor before renumbering and storing it: the local run
   *  after the move, and dead registers set to 0. */
  private settle(s: Int32Array): void {
    this.localRuns?.run(s, null);
    this.dead?.clear(s);
  }

  /** Moves every state into a TreeSet, numbered as they were (from here on, no parents). */
  private growIntoTree(): TreeSet {
    const flat = this.set;
    const tree = new TreeSet(this.p.stateLength, treeSplit(this.p));
    const s = new Int32Array(this.p.stateLength);
    for (let i = 0; i < flat.count; i++) {
      flat.load(i, s);
      tree.add(s, 0);
      tree.load(i, s); // keeps its halves: the next state's are mostly the same
    }
    this.set = tree;
    return tree;
  }

  /** Explores until state `pauseAt` is next (status "paused") or the search ends. */
  run(pauseAt = Infinity): ExploreStatus {
    if (this.status !== "paused") return this.status;
    const { p, visitor, analyzer, fault, cur, statusSlots, batch, slots, batchParents, batchMoves, maxStates, footprints, symmetry, localRuns, dead } = this;
    const quiet = !this.mayBusyWait; // an enabled step means no deadlock
    let set = this.set;
    let tree = set instanceof TreeSet ? set : null;
    const n = p.threads.length;
    const full = cur.length;
    const shared = p.sharedLength;
    const threadBase = p.threadBase;
    const code = p.code;
    const capacity = batchMoves.length;
    let batched = 0; // successors waiting in the batch; none between runs
    let pending = this.pending;
    let layerEnd = this.layerEnd;
    let depth = this.depth;
    let status: ExploreStatus = "complete";
    let stop: Stop | null = null;
    let i = this.next;

    for (; ; i++) {
      if (i === layerEnd) {
        set.addAll(batch, full, batched, batchParents, batchMoves); // the next layer is complete
        batched = 0;
        if (pending) {
          status = "stopped";
          stop = pending;
          break;
        }
        if (i === set.count) break;
        layerEnd = set.count;
        this.layerEnds.push(layerEnd);
        depth++;
        if (tree === null && set.count > this.flatStates) set = tree = this.growIntoTree();
      }
      if (i >= pauseAt) {
        status = "paused";
        break;
      }
      set.load(i, cur);

      // Outcomes of the state itself, in the format's order (exceptions and asserts come from steps).
      if (analyzer.criticalThreads(cur) >= 2) {
        if (visitor.outcome("mutual-exclusion", i, -1, fault)) {
          status = "stopped";
          stop = { kind: "mutual-exclusion", state: i, thread: -1 };
          break;
        }
        continue;
      }
      if (batched + 3 * n > capacity) {
        set.addAll(batch, full, batched, batchParents, batchMoves);
        batched = 0;
      }
      const expand = pending === null; // once a win is pending, the rest of the layer is only looked at
      let kept = batched; // the next free slot; slots from `batched` on are this state's successors
      let progress = false;
      let unfinished = 0;
      // Partial-order reduction: the slot of a step that may be taken alone (REDUCTION.md). Once
      // one is found and some step changes shared state (so this is no deadlock), the other
      // threads are not tried: what they would find is found further on.
      let alone = -1;
      for (let t = 0; t < n; t++) {
        // Finished and waiting threads need no trial step.
        const base = threadBase[t];
        if (cur[base + 1] !== 0) {
          unfinished++;
          continue;
        }
        if (code[cur[base] * STRIDE] === END) continue;
        unfinished++;
        const next = slots[kept];
        next.set(cur); // a memmove: a few times faster than a loop over the state's values
        const r = execStep(p, next, t, fault);
        if (r === OK) {
          if (!progress) progress = changesShared(cur, next, shared, statusSlots);
          batchMoves[kept++] = t;
          if (alone < 0 && footprints !== null && expand && this.mayGoAlone(i, cur, next, t)) alone = kept - 1;
          if (alone >= 0 && (progress || quiet)) break;
        } else if (r === THROWN || r === ASSERTED || r === EXITED) {
          // The game ends with this move: an outcome, and no state after it. EXITED is a loss
          // unless the visitor counts "exit" (the fix-it judge).
          progress = true;
          const kind = r === THROWN ? "exception" : r === ASSERTED ? "assertion" : "exit";
          if (pending === null && visitor.outcome(kind, i, t, fault)) pending = { kind, state: i, thread: t };
        }
        // BLOCKED: no move.
      }
      if (alone >= 0 && !progress && !quiet) {
        // Not known to be no deadlock: check, as without reduction.
        if (unfinished > 0 && analyzer.buffersEmpty(cur) && analyzer.deadlocked(cur)) {
          if (visitor.outcome("deadlock", i, -1, fault)) {
            status = "stopped";
            stop = { kind: "deadlock", state: i, thread: -1 };
            break;
          }
          continue;
        }
      }
      if (alone >= 0) {
        if (alone !== batched) {
          slots[batched].set(slots[alone]); // the slots after it are dropped
          batchMoves[batched] = batchMoves[alone];
        }
        kept = batched + 1;
      } else {
        const buffersEmpty = analyzer.buffersEmpty(cur);
        if (!progress && unfinished > 0 && buffersEmpty && analyzer.deadlocked(cur)) {
          if (visitor.outcome("deadlock", i, -1, fault)) {
            status = "stopped";
            stop = { kind: "deadlock", state: i, thread: -1 };
            break;
          }
          continue;
        }
        if (unfinished === 0 && buffersEmpty) {
          visitor.finished(cur, i);
          continue;
        }
        if (!expand) continue;

        if (p.spuriousWakeups) {
          for (let t = 0; t < n; t++) {
            if (cur[statusSlots[t]] >= 0) continue;
            const next = slots[kept];
            next.set(cur);
            wakeSpuriously(p, next, t);
            batchMoves[kept++] = n + t;
          }
        }
        if (p.tso) {
          for (let t = 0; t < n; t++) {
            if (cur[p.threads[t].buffer] === 0) continue;
            const next = slots[kept];
            next.set(cur);
            flushOne(p, next, t);
            batchMoves[kept++] = 2 * n + t;
          }
        }
      }
      if (localRuns !== null) for (let j = batched; j < kept; j++) localRuns.run(slots[j], null);
      if (dead !== null) for (let j = batched; j < kept; j++) dead.clear(slots[j]);
      if (symmetry !== null) for (let j = batched; j < kept; j++) symmetry.canonicalize(slots[j]);
      if (tree !== null) for (let j = batched; j < kept; j++) tree.encode(slots[j], 0, j);
      for (let j = batched; j < kept; j++) batchParents[j] = i; // a loop: fill() is a call per state
      batched = kept;
      // Only when the budget may be crossed, add now and look, exactly where adding one at a time would.
      if (set.count + batched > maxStates) {
        set.addAll(batch, full, batched, batchParents, batchMoves);
        batched = 0;
        if (set.count > maxStates) {
          status = "budget";
          break;
        }
      }
    }
    // The states counted are those of one-at-a-time adding, up to the state that ended it.
    set.addAll(batch, full, batched, batchParents, batchMoves);
    this.next = i;
    this.layerEnd = layerEnd;
    this.depth = depth;
    this.pending = pending;
    this.status = status;
    this.stop = stop;
    return status;
  }

  /**
   * May thread t's step from state `i` (in `cur`), which led to `next`, be taken alone? The
   * conditions, and why they suffice, are in REDUCTION.md.
   */
  private mayGoAlone(i: number, cur: Int32Array, next: Int32Array, t: number): boolean {
    const { p, set } = this;
    const f = this.footprints!;
    const n = p.threads.length;
    const w = p.stateLength;
    const threadBase = p.threadBase;
    const words = f.words;
    const base = threadBase[t];
    const pc = cur[base];
    // Reads shared variables at most.
    if (f.readOnly[pc] === 0) return false;
    // Invisible: not at a critical section before or after (mutual exclusion).
    if (p.critical[pc] === 1 || p.critical[next[base]] === 1) return false;
    // Changes only the thread's pc and registers: no shared value, status or store buffer.
    const localFrom = base + 2;
    const localTo = localFrom + p.threads[t].registers;
    // Everything but slots base (the pc) and [localFrom, localTo) (the registers), in three runs.
    for (let k = 0; k < base; k++) if (next[k] !== cur[k]) return false;
    for (let k = base + 1; k < localFrom; k++) if (next[k] !== cur[k]) return false;
    for (let k = localTo; k < w; k++) if (next[k] !== cur[k]) return false;
    // No other thread writes what it reads, now (a buffered write) or ever after.
    const readsAt = pc * words;
    let reads = 0;
    for (let x = 0; x < words; x++) reads |= f.reads[readsAt + x];
    if (reads !== 0) {
      for (let u = 0; u < n; u++) {
        if (u === t) continue;
        const writesAt = cur[threadBase[u]] * words;
        for (let x = 0; x < words; x++) if ((f.futureWrites[writesAt + x] & f.reads[readsAt + x]) !== 0) return false;
        const buffer = p.threads[u].buffer;
        if (buffer >= 0) {
          for (let e = 0; e < cur[buffer]; e++) {
            const bit = f.varBit[cur[buffer + 1 + 2 * e]];
            if (bit >= 0 && (f.reads[readsAt + (bit >>> 5)] & (1 << (bit & 31))) !== 0) return false;
          }
        }
      }
    }
    // The proviso: the step leads to a state found after this one (not back: no cycle of
    // reduced states can then leave a move out forever). Stored states are settled and renumbered.
    if (!f.provisoNeeded) return true;
    let stored = next;
    if (this.symmetry !== null || this.dead !== null) {
      stored = this.probe;
      stored.set(next);
      this.settle(stored); // as the state would be stored (local runs are off where the proviso is on)
      this.symmetry?.canonicalize(stored);
    }
    const known = set.indexOf(stored, 0);
    return known < 0 || known > i;
  }
}

/**
 * Where a TreeSet splits this program's states: at the start of the thread whose values begin
 * nearest the middle. A step changes its own thread's values and perhaps shared ones, so with
 * no thread cut in two, a step of a thread in the first half (with the shared values) changes
 * that half only, and a step of one in the second changes the first only when it writes shared
 * values: fewer half look-ups than a split through a thread (tree-set.ts).
 */
export function treeSplit(p: Program): number {
  const w = p.stateLength;
  let best = w >> 1;
  let bestGap = Infinity;
  for (const base of p.threadBase) {
    const gap = Math.abs(2 * base - w);
    if (base > 0 && base < w && gap < bestGap) {
      best = base;
      bestGap = gap;
    }
  }
  return best;
}

/** A move as the set stores it: steps, then wakes, then flushes, `threads` codes each. */
export function decodeMove(code: number, threads: number): Move {
  const kind = code < threads ? "step" : code < 2 * threads ? "wake" : "flush";
  return { kind, thread: code % threads };
}
