// The odds of each outcome under a random scheduler, for hardware mode's "random scheduler 12.5%,
// your CPU 1.0%": the level's whole state graph (the same states and moves as explore.ts, kept in
// a StateSet), read as a Markov chain, and the probability of ending in each outcome solved exactly.
//
// The random scheduler: at each move, every legal move is equally likely. A move is what the
// player could make next: a step of a thread that can step (not blocked, not finished), and also,
// on a level that has them, a store-buffer flush (one a non-empty buffer, even of a blocked or
// finished thread) and a spurious wakeup (one a waiting thread). Each of these counts as one move,
// like a step: a thread with a step and a flush pending is picked twice as often as one with a step.
//
// Spin loops make cycles. The chain is solved one strongly connected component at a time, in
// topological order, for the expected visits of each state: a component of one state directly, a
// small one (up to DENSE_LIMIT states, 50 MB of matrix) by Gaussian elimination, a larger one by Gauss-Seidel
// iteration from zero, which only ever underestimates, until the probability that has left the
// component is within TOLERANCE of what entered it. A component nothing leaves is a run that
// never ends: what enters it is counted as `neverEnds`. `unsettled` is the probability the
// solution could not place (1 minus everything found): every probability is exact to within it.

import { replay, type Level, type Move, type OutcomeKind } from "../engine/index";
import type { Program } from "../engine/machine";
import * as I from "../engine/machine";
import { Analyzer } from "../engine/index";
import { decodeMove } from "./explore";
import { underModel, type MemoryModel } from "./outcome-schedule";
import { StateSet } from "./state-set";

const { ASSERTED, END, execStep, EXITED, flushOne, newFault, OK, STRIDE, THROWN, wakeSpuriously } = I;

/** One way the game can end, as precisely as hardware mode's rows tell outcomes apart. */
export interface OutcomeClass {
  kind: OutcomeKind;
  /** The thread that failed, threw or exited; those in the critical section; the stuck ones of a deadlock. */
  threads: number[];
  /** The line of an assert, exception or exit; for a deadlock, each stuck thread's line. */
  lines: number[];
  /** For "finished": the shared values the run ends with (Program.sharedLength of them). */
  shared?: number[];
  /** The engine's words for it, as the outcome dialog shows them. */
  message: string;
  /** The chance a random scheduler ends this way (0 when only reachability was asked for). */
  probability: number;
}

export type OddsAnswer =
  | {
      status: "done";
      /** States in the level's graph. */
      states: number;
      outcomes: OutcomeClass[];
      /** The chance the random scheduler runs forever (a cycle with no way out). */
      neverEnds: number;
      /** An upper bound on the error of every probability: what the iteration did not place. */
      unsettled: number;
    }
  | { status: "too-big"; states: number };

export interface OddsOptions {
  maxStates: number;
  /** Only which outcomes can happen, not their odds (every probability 0). */
  reachOnly?: boolean;
  /** Components up to this many states are solved by elimination (default DENSE_LIMIT; tests
   *  lower it to try the iteration). */
  denseLimit?: number;
  /** Called now and then; return false to give up (answered as "too-big"). */
  onProgress?: (states: number, depth: number) => boolean | void;
}

/** Components up to this many states are solved by Gaussian elimination, larger ones by iteration. */
export const DENSE_LIMIT = 2_500;
/** Iteration stops when what left a component is within this share of what entered it. */
export const TOLERANCE = 1e-12;
/** Gauss-Seidel gives up after this many edge visits in one component. */
const MAX_WORK = 200_000_000;
/** States explored between two calls of onProgress. */
const SLICE = 0x4000;

/** A state's edges: to another state (>= 0) or to outcome class c (-c - 1). */
class Graph {
  offsets = new Int32Array(1 << 12);
  targets = new Int32Array(1 << 14);
  edges = 0;
  push(target: number): void {
    if (this.edges === this.targets.length) {
      const grown = new Int32Array(this.targets.length * 2);
      grown.set(this.targets);
      this.targets = grown;
    }
    this.targets[this.edges++] = target;
  }
  /** The edges of state `i` end here (states are closed in order). */
  close(i: number): void {
    if (i + 1 >= this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[i + 1] = this.edges;
  }
}

/** What hardware mode shows beside its rows: the odds under the level's own memory model and, for
 *  a TSO level, which outcomes sequential consistency allows (to flag what the CPU reordered). */
export interface LevelOdds {
  model: MemoryModel;
  odds: OddsAnswer;
  /** A TSO level's outcomes under SC (reachability only); null for an SC level. */
  sc: OddsAnswer | null;
}

export function levelOdds({ spec, program }: Level, options: OddsOptions): LevelOdds {
  const odds = outcomeOdds(program, options);
  if (!program.tso) return { model: "sc", odds, sc: null };
  const twin = underModel(spec, "sc");
  return { model: "tso", odds, sc: twin ? outcomeOdds(twin, { ...options, reachOnly: true }) : { status: "too-big", states: 0 } };
}

/** The odds of every outcome of `p` under the random scheduler, or "too-big" past the budget. */
export function outcomeOdds(p: Program, options: OddsOptions): OddsAnswer {
  const explored = exploreGraph(p, options);
  if (!explored) return { status: "too-big", states: options.maxStates };
  const { graph, states, classes, witness, set } = explored;
  const probability = new Float64Array(classes.length);
  let neverEnds = 0;
  if (!options.reachOnly) neverEnds = solveChain(graph, states, probability, options.denseLimit ?? DENSE_LIMIT);
  const n = p.threads.length;
  let finishedWords: string | null = null;
  const outcomes = classes.map((c, k): OutcomeClass => {
    if (c.kind === "finished" && finishedWords !== null) return { ...c, message: finishedWords, probability: probability[k] };
    // The engine's own words: replay a shortest path to it and read the outcome.
    const codes: number[] = witness[k].thread >= 0 ? [witness[k].thread] : [];
    for (let i = witness[k].state; i > 0; i = set.parent[i]) codes.push(set.move[i]);
    const moves: Move[] = codes.reverse().map((code) => decodeMove(code, n));
    const message = replay(p, moves).state.outcome?.message ?? c.kind;
    if (c.kind === "finished") finishedWords = message; // the same words for every final state
    return { ...c, message, probability: probability[k] };
  });
  const placed = outcomes.reduce((sum, c) => sum + c.probability, neverEnds);
  return { status: "done", states, outcomes, neverEnds, unsettled: options.reachOnly ? 0 : Math.max(0, 1 - placed) };
}

type ClassKey = Omit<OutcomeClass, "message" | "probability">;

/** Every state and move of `p` (as the solver's search makes them), with the outcomes as classes. */
function exploreGraph(p: Program, options: OddsOptions) {
  const n = p.threads.length;
  const shared = p.sharedLength;
  const full = p.initial.length;
  const set = new StateSet(p.stateLength, 1 << 14);
  const analyzer = new Analyzer(p);
  const fault = newFault();
  const cur = new Int32Array(full);
  const next = new Int32Array(full);
  const graph = new Graph();
  const classes: ClassKey[] = [];
  const classIndex = new Map<string, number>();
  const witness: { state: number; thread: number }[] = [];
  const lineOf = (pc: number) => p.statements[p.statementOf[pc]].span.start.line;
  const outcome = (key: ClassKey, state: number, thread: number): number => {
    const text = JSON.stringify(key);
    let k = classIndex.get(text);
    if (k === undefined) {
      k = classes.length;
      classIndex.set(text, k);
      classes.push(key);
      witness.push({ state, thread });
    }
    return -k - 1;
  };
  const edgeTo = (i: number, code: number) => {
    let j = set.add(next, 0, i, code);
    if (j < 0) j = set.indexOf(next, 0);
    graph.push(j);
  };
  set.add(p.initial, 0, -1, 0);
  let layerEnd = 1;
  let depth = 0;
  for (let i = 0; i < set.count; i++) {
    if (i === layerEnd) {
      layerEnd = set.count;
      depth++;
    }
    if (set.count > options.maxStates) return null;
    if (i % SLICE === 0 && i > 0 && options.onProgress?.(set.count, depth) === false) return null;
    set.load(i, cur);
    const threadsAt = (pick: (t: number) => boolean) => Array.from({ length: n }, (_, t) => t).filter(pick);
    if (analyzer.criticalThreads(cur) >= 2) {
      const inside = threadsAt((t) => p.critical[cur[p.threadBase[t]]] === 1 && cur[p.threadBase[t] + 1] === 0);
      graph.push(outcome({ kind: "mutual-exclusion", threads: inside, lines: [] }, i, -1));
      graph.close(i);
      continue;
    }
    const first = graph.edges;
    let progress = false;
    let unfinished = 0;
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
        if (!progress) progress = changesShared(p, cur, next, shared);
        edgeTo(i, t);
      } else if (r === THROWN || r === ASSERTED || r === EXITED) {
        progress = true;
        const kind = r === THROWN ? "exception" : r === ASSERTED ? "assertion" : "exit";
        graph.push(outcome({ kind, threads: [t], lines: [lineOf(fault.pc)] }, i, t));
      }
    }
    const buffersEmpty = analyzer.buffersEmpty(cur);
    if (!progress && unfinished > 0 && buffersEmpty && analyzer.deadlocked(cur)) {
      graph.edges = first; // the game is over here: no moves
      const stuck = threadsAt((t) => !I.isFinished(p, cur, t));
      graph.push(outcome({ kind: "deadlock", threads: stuck, lines: stuck.map((t) => lineOf(cur[p.threadBase[t]])) }, i, -1));
      graph.close(i);
      continue;
    }
    if (unfinished === 0 && buffersEmpty) {
      graph.edges = first;
      graph.push(outcome({ kind: "finished", threads: [], lines: [], shared: Array.from(cur.subarray(0, shared)) }, i, -1));
      graph.close(i);
      continue;
    }
    if (p.spuriousWakeups) {
      for (let t = 0; t < n; t++) {
        if (cur[p.threadBase[t] + 1] >= 0) continue;
        next.set(cur);
        wakeSpuriously(p, next, t);
        edgeTo(i, n + t);
      }
    }
    if (p.tso) {
      for (let t = 0; t < n; t++) {
        if (cur[p.threads[t].buffer] === 0) continue;
        next.set(cur);
        flushOne(p, next, t);
        edgeTo(i, 2 * n + t);
      }
    }
    graph.close(i);
  }
  return { graph, states: set.count, classes, witness, set };
}

/** Did a step change a shared value or another thread's status (waking it)? As explore.ts asks. */
function changesShared(p: Program, cur: Int32Array, next: Int32Array, shared: number): boolean {
  for (let k = 0; k < shared; k++) if (next[k] !== cur[k]) return true;
  for (let t = 0; t < p.threadBase.length; t++) if (next[p.threadBase[t] + 1] !== cur[p.threadBase[t] + 1]) return true;
  return false;
}

/**
 * Adds to `probability[c]` the chance of ending in class c from state 0, and returns the chance of
 * never ending. Expected visits v solve v = start + vQ; component by component, in topological
 * order, each component's inflow is known before it is solved.
 */
function solveChain(graph: Graph, states: number, probability: Float64Array, denseLimit: number): number {
  const { offsets, targets } = graph;
  const components = stronglyConnected(graph, states); // sinks first
  const inflow = new Float64Array(states);
  const visits = new Float64Array(states);
  const component = new Int32Array(states);
  components.forEach((members, c) => members.forEach((i) => (component[i] = c)));
  inflow[0] = 1;
  let neverEnds = 0;
  for (let c = components.length - 1; c >= 0; c--) {
    const members = components[c];
    let entered = 0;
    for (const i of members) entered += inflow[i];
    if (entered === 0) continue;
    let leaves = false;
    for (const i of members) {
      for (let e = offsets[i]; e < offsets[i + 1] && !leaves; e++) leaves = targets[e] < 0 || component[targets[e]] !== c;
    }
    if (!leaves) {
      neverEnds += entered;
      continue;
    }
    if (members.length === 1) {
      const i = members[0];
      let self = 0;
      for (let e = offsets[i]; e < offsets[i + 1]; e++) if (targets[e] === i) self++;
      visits[i] = inflow[i] / (1 - self / (offsets[i + 1] - offsets[i]));
    } else if (members.length <= denseLimit) {
      solveDense(graph, members, component, c, inflow, visits);
    } else {
      solveIterating(graph, members, component, c, inflow, visits, entered);
    }
    // What leaves the component: into later components, or into an outcome.
    for (const i of members) {
      const share = visits[i] / (offsets[i + 1] - offsets[i]);
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const j = targets[e];
        if (j < 0) probability[-j - 1] += share;
        else if (component[j] !== c) inflow[j] += share;
      }
    }
  }
  return neverEnds;
}

/**
 * Solves (I - Q^T) v = inflow on one component by Gaussian elimination, skipping zeros (the
 * matrix starts sparse, and states are in breadth-first order, so fill-in stays near the
 * diagonal). No pivoting is needed: Q's rows add up to at most 1, so every column of I - Q^T is
 * diagonally dominant, which elimination keeps, and which makes it stable.
 */
function solveDense(graph: Graph, members: number[], component: Int32Array, c: number, inflow: Float64Array, visits: Float64Array): void {
  const { offsets, targets } = graph;
  const order = [...members].sort((x, y) => x - y);
  const m = order.length;
  const local = new Map<number, number>();
  order.forEach((i, k) => local.set(i, k));
  const a = new Float64Array(m * m); // row r: v_r - (sum over q in the component of v_q p(q->r)) = inflow_r
  const b = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    a[k * m + k] = 1;
    b[k] = inflow[order[k]];
  }
  for (let q = 0; q < m; q++) {
    const i = order[q];
    const p = 1 / (offsets[i + 1] - offsets[i]);
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const j = targets[e];
      if (j >= 0 && component[j] === c) a[local.get(j)! * m + q] -= p;
    }
  }
  const nonzero = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const pivot = a[k * m + k];
    let count = 0;
    for (let j = k + 1; j < m; j++) if (a[k * m + j] !== 0) nonzero[count++] = j;
    for (let r = k + 1; r < m; r++) {
      const below = a[r * m + k];
      if (below === 0) continue;
      const f = below / pivot;
      a[r * m + k] = 0;
      for (let x = 0; x < count; x++) a[r * m + nonzero[x]] -= f * a[k * m + nonzero[x]];
      b[r] -= f * b[k];
    }
  }
  const v = new Float64Array(m);
  for (let k = m - 1; k >= 0; k--) {
    let sum = b[k];
    for (let j = k + 1; j < m; j++) sum -= a[k * m + j] * v[j];
    v[k] = sum / a[k * m + k];
  }
  for (let k = 0; k < m; k++) visits[order[k]] = v[k];
}

/**
 * Gauss-Seidel on one component, from v = 0: every sweep raises v toward the solution and never
 * past it, so what has left the component only grows toward what entered. It stops when the two
 * agree to within TOLERANCE (or after MAX_WORK edge visits; the rest shows in `unsettled`).
 */
function solveIterating(graph: Graph, members: number[], component: Int32Array, c: number, inflow: Float64Array, visits: Float64Array, entered: number): void {
  const { offsets, targets } = graph;
  const m = members.length;
  const local = new Map<number, number>();
  members.forEach((i, k) => local.set(i, k));
  // Per member: its predecessors in the component (as local numbers, with the edge's probability
  // summed), its own loop, and the share of its moves that leave.
  const predStart = new Int32Array(m + 1);
  const self = new Float64Array(m);
  const exit = new Float64Array(m);
  for (let q = 0; q < m; q++) {
    const i = members[q];
    const p = 1 / (offsets[i + 1] - offsets[i]);
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const j = targets[e];
      if (j === i) self[q] += p;
      else if (j >= 0 && component[j] === c) predStart[local.get(j)! + 1]++;
      else exit[q] += p;
    }
  }
  for (let k = 0; k < m; k++) predStart[k + 1] += predStart[k];
  const preds = new Int32Array(predStart[m]);
  const predP = new Float64Array(predStart[m]);
  const fill = predStart.slice(0, m);
  for (let q = 0; q < m; q++) {
    const i = members[q];
    const p = 1 / (offsets[i + 1] - offsets[i]);
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const j = targets[e];
      if (j === i || j < 0 || component[j] !== c) continue;
      const r = local.get(j)!;
      preds[fill[r]] = q;
      predP[fill[r]++] = p;
    }
  }
  const v = new Float64Array(m);
  let work = 0;
  for (;;) {
    let left = 0;
    for (let r = 0; r < m; r++) {
      let sum = inflow[members[r]];
      for (let k = predStart[r]; k < predStart[r + 1]; k++) sum += v[preds[k]] * predP[k];
      v[r] = sum / (1 - self[r]);
      left += v[r] * exit[r];
    }
    work += predStart[m] + m;
    if (left >= entered * (1 - TOLERANCE) || work > MAX_WORK) break;
  }
  for (let r = 0; r < m; r++) visits[members[r]] = v[r];
}

/** Tarjan's strongly connected components, without recursion: sinks first. */
function stronglyConnected(graph: Graph, states: number): number[][] {
  const { offsets, targets } = graph;
  const index = new Int32Array(states).fill(-1);
  const low = new Int32Array(states);
  const onStack = new Uint8Array(states);
  const stack: number[] = [];
  const components: number[][] = [];
  const callStack: number[] = []; // pairs: state, next edge
  let counter = 0;
  for (let root = 0; root < states; root++) {
    if (index[root] >= 0) continue;
    callStack.push(root, offsets[root]);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callStack.length > 0) {
      const top = callStack.length - 2;
      const i = callStack[top];
      const e = callStack[top + 1];
      if (e < offsets[i + 1]) {
        callStack[top + 1] = e + 1;
        const j = targets[e];
        if (j < 0) continue;
        if (index[j] < 0) {
          index[j] = low[j] = counter++;
          stack.push(j);
          onStack[j] = 1;
          callStack.push(j, offsets[j]);
        } else if (onStack[j]) low[i] = Math.min(low[i], index[j]);
        continue;
      }
      callStack.length = top;
      if (top > 0) {
        const parent = callStack[top - 2];
        low[parent] = Math.min(low[parent], low[i]);
      }
      if (low[i] === index[i]) {
        const members: number[] = [];
        let j: number;
        do {
          j = stack.pop()!;
          onStack[j] = 0;
          members.push(j);
        } while (j !== i);
        components.push(members);
      }
    }
  }
  return components;
}
