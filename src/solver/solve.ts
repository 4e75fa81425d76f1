// Breadth-first search over every interleaving: returns a shortest winning schedule, proves that
// none exists, or gives up at the state budget. Outcomes are judged by the engine's own rules
// (vm.ts, analysis.ts); this file only decides the order in which states are visited.

import { Analyzer } from "../engine/analysis";
import type { Move, OutcomeKind } from "../engine/engine";
import type { Program } from "../engine/program";
import * as I from "../engine/program";
import * as VM from "../engine/vm";
import { StateSet } from "./state-set";

// Bound once: the search loop must not go through module-namespace lookups.
const { ASSERTED, BLOCKED, DONE, execStep, EXITED, flushOne, newFault, OK, THROWN, wakeSpuriously } = VM;
const { END, STRIDE } = I;

export const DEFAULT_MAX_STATES = 5_000_000;
/** Successors added to the set at once (see StateSet.addAll). */
const BATCH = 64;

export interface SolveOptions {
  /** Stop with verdict "unknown" after storing this many states. */
  maxStates?: number;
  /** Start here instead of the level's initial state (for "what next?" hints). */
  from?: Int32Array;
  /** Called now and then; return false to stop (verdict "unknown"). */
  onProgress?: (states: number, depth: number) => boolean | void;
  /** The outcomes that count as a win; default: the level's `win`. "exit" may be one (the fix-it judge). */
  win?: Iterable<OutcomeKind>;
  /**
   * Called for every reachable state in which every thread has finished, breadth first (so the
   * first call has a shortest schedule). `state` is reused after the call; `movesTo` gives the
   * moves from the start to it.
   */
  onFinished?: (state: Int32Array, movesTo: () => Move[]) => void;
}

export interface SolveResult {
  verdict: "breakable" | "safe" | "unknown";
  /** The winning outcome the schedule reaches. */
  outcome?: OutcomeKind;
  schedule?: Move[];
  /** Distinct states stored. */
  states: number;
  /** Depth of the search when it ended (moves from the start). */
  depth: number;
  ms: number;
  bytesPerState: number;
}

export function solve(p: Program, options: SolveOptions = {}): SolveResult {
  const started = Date.now();
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  const n = p.threads.length;
  const w = p.stateLength;
  const win = new Set<string>(options.win ?? p.spec.win);
  const onFinished = options.onFinished;
  const analyzer = new Analyzer(p);
  const set = new StateSet(w, 1 << 14);
  const full = p.initial.length; // the state, then scratch registers
  const cur = new Int32Array(full);
  const results = new Int32Array(n);
  const shared = p.sharedLength;
  const statusSlots = Int32Array.from(p.threads.map((t) => t.base + 1));
  const threadBase = p.threadBase;
  const code = p.code;
  const fault = newFault();

  // Successors are not added to the set one at a time but a batch at once, from many expanded
  // states (StateSet.addAll: their cache misses overlap). They are computed in place in the
  // batch, one `full`-long slot each, in the order they would have been added one by one.
  const capacity = Math.max(BATCH, 3 * n);
  const batch = new Int32Array(capacity * full);
  const slots = Array.from({ length: capacity }, (_, j) => batch.subarray(j * full, (j + 1) * full));
  const batchParents = new Int32Array(capacity);
  const batchMoves = new Uint8Array(capacity);
  let batched = 0;
  const flush = () => {
    set.addAll(batch, full, batched, batchParents, batchMoves);
    batched = 0;
  };

  set.add(options.from ?? p.initial, 0, -1, 0);
  let layerEnd = 1;
  let depth = 0;
  // A win found when a step throws or fails an assert is one move deeper than the state being
  // expanded; finish the layer first, since a state of this layer may still win outright.
  let pending: { parent: number; move: number; outcome: OutcomeKind } | null = null;

  const done = (verdict: SolveResult["verdict"], extra: Partial<SolveResult> = {}): SolveResult => {
    flush(); // the states counted are those of one-at-a-time adding, up to the state that ended it
    return { verdict, states: set.count, depth, ms: Date.now() - started, bytesPerState: set.bytesPerStateUsed, ...extra };
  };
  const movesTo = (idx: number, lastMove = -1): Move[] => {
    const codes: number[] = lastMove >= 0 ? [lastMove] : [];
    for (let i = idx; i > 0; i = set.parent[i]) codes.push(set.move[i]);
    return codes.reverse().map((c) => decodeMove(c, n));
  };
  const won = (idx: number, outcome: OutcomeKind, lastMove = -1) => done("breakable", { outcome, schedule: movesTo(idx, lastMove) });

  for (let i = 0; ; i++) {
    if (i === layerEnd) {
      flush(); // the next layer is complete
      if (pending || i === set.count) break;
      layerEnd = set.count;
      depth++;
    }
    if ((i & 0xffff) === 0 && i > 0) {
      flush();
      if (options.onProgress?.(set.count, depth) === false) return done("unknown");
    }
    set.load(i, cur);

    // Outcomes of the state itself, in the format's order (exceptions and asserts come from steps).
    if (analyzer.criticalThreads(cur) >= 2) {
      if (win.has("mutual-exclusion")) return won(i, "mutual-exclusion");
      continue;
    }
    if (batched + 3 * n > capacity) flush();
    let kept = batched; // the next free slot; slots from `batched` on are this state's successors
    let progress = false;
    let unfinished = 0;
    for (let t = 0; t < n; t++) {
      // Finished and waiting threads need no trial step.
      const base = threadBase[t];
      if (cur[base + 1] !== 0) {
        unfinished++;
        results[t] = BLOCKED;
        continue;
      }
      if (code[cur[base] * STRIDE] === END) {
        results[t] = DONE;
        continue;
      }
      unfinished++;
      const next = slots[kept];
      for (let k = 0; k < w; k++) next[k] = cur[k];
      const r = execStep(p, next, t, fault);
      results[t] = r;
      if (r === OK) {
        if (!progress) progress = changesShared(cur, next, shared, statusSlots);
        batchMoves[kept++] = t;
      } else if (r === THROWN || r === ASSERTED || r === EXITED) progress = true;
    }
    const buffersEmpty = analyzer.buffersEmpty(cur);
    if (!progress && unfinished > 0 && buffersEmpty && analyzer.deadlocked(cur)) {
      if (win.has("deadlock")) return won(i, "deadlock");
      continue;
    }
    if (unfinished === 0 && buffersEmpty) {
      // Finished: a loss for the player.
      if (onFinished) onFinished(cur, () => movesTo(i));
      continue;
    }
    if (pending) continue;

    for (let t = 0; t < n; t++) {
      const r = results[t];
      if (r === THROWN || r === ASSERTED || r === EXITED) {
        const outcome = r === THROWN ? "exception" : r === ASSERTED ? "assertion" : "exit";
        if (win.has(outcome) && !pending) pending = { parent: i, move: t, outcome };
      }
      // OK: batched above. BLOCKED and DONE: no move. EXITED ends the program: a loss, unless
      // "exit" is in `win`.
    }
    if (p.spuriousWakeups) {
      for (let t = 0; t < n; t++) {
        if (cur[statusSlots[t]] >= 0) continue;
        const next = slots[kept];
        for (let k = 0; k < w; k++) next[k] = cur[k];
        wakeSpuriously(p, next, t);
        batchMoves[kept++] = n + t;
      }
    }
    if (p.tso) {
      for (let t = 0; t < n; t++) {
        if (cur[p.threads[t].buffer] === 0) continue;
        const next = slots[kept];
        for (let k = 0; k < w; k++) next[k] = cur[k];
        flushOne(p, next, t);
        batchMoves[kept++] = 2 * n + t;
      }
    }
    batchParents.fill(i, batched, kept);
    batched = kept;
    // Only when the budget may be crossed, add now and look, exactly where adding one at a time would.
    if (set.count + batched > maxStates) {
      flush();
      if (set.count > maxStates) return done("unknown");
    }
  }
  if (pending) return won(pending.parent, pending.outcome, pending.move);
  return done("safe");
}

/** Did a step change a shared value or object, or another thread's status (waking it)? */
function changesShared(cur: Int32Array, next: Int32Array, shared: number, statusSlots: Int32Array): boolean {
  for (let k = 0; k < shared; k++) if (next[k] !== cur[k]) return true;
  for (let t = 0; t < statusSlots.length; t++) if (next[statusSlots[t]] !== cur[statusSlots[t]]) return true;
  return false;
}

/** How a verdict contradicts the level's `breakable` claim, in the words both `levels check` and
 *  the editor use; null when it agrees (or the search gave up). */
export function claimProblem(breakable: boolean, verdict: SolveResult["verdict"]): string | null {
  if (breakable && verdict === "safe") return 'the level is meant to be breakable, but no schedule wins (mark it "breakable": false if the code is meant to be correct)';
  if (!breakable && verdict === "breakable") return 'the level says "breakable": false, but a schedule wins';
  return null;
}

export function decodeMove(code: number, threads: number): Move {
  const kind = code < threads ? "step" : code < 2 * threads ? "wake" : "flush";
  return { kind, thread: code % threads };
}

