// What the engine allows under sequential consistency, for comparing with what the hardware did:
// every state reachable by some interleaving, explored exhaustively with the engine's own step
// function (vm.ts, analysis.ts). It keeps the outcomes that occur and the shared state of every
// finished run. Unlike the solver it does not stop at a win: it wants all of them.

import { Analyzer } from "../engine/analysis";
import type { Program } from "../engine/program";
import * as V from "../engine/vm";
import { StateSet } from "../solver/state-set";

export interface Reachability {
  /** False when the state budget ran out: then nothing can be said to be unreachable. */
  complete: boolean;
  states: number;
  /** `outcomeKey(...)` of every outcome some interleaving reaches. */
  outcomes: Set<string>;
  /** `stateKey(...)` of the shared state of every finished run. */
  finalStates: Set<string>;
}

export const DEFAULT_MAX_STATES = 200_000;

/** Which outcome, precisely enough to compare: the thread and instruction of an assert or
 *  exception (and the rule broken), or just the kind for mutual exclusion and deadlock. */
export function outcomeKey(kind: string, thread = 0, pc = 0, rule = 0): string {
  if (kind === "exception") return `exception:${thread}:${pc}:${rule}`;
  if (kind === "assertion" || kind === "exit") return `${kind}:${thread}:${pc}`;
  return kind;
}

export function stateKey(shared: ArrayLike<number>, length: number): string {
  let key = "";
  for (let k = 0; k < length; k++) key += `${shared[k]},`;
  return key;
}

const cache = new WeakMap<Program, Reachability>();

/** States explored between two pauses of the asynchronous search: a few milliseconds of work. */
export const SLICE_STATES = 2_000;

/** Explores every interleaving of an SC level; null for a TSO level (not compared). */
export function reachableUnderSC(p: Program, maxStates = DEFAULT_MAX_STATES): Reachability | null {
  if (p.tso) return null;
  const search = explore(p, maxStates);
  for (let r = search.next(); ; r = search.next()) if (r.done) return r.value;
}

/**
 * The same search, pausing every SLICE_STATES states so the page keeps painting and answering
 * input while hardware mode compares a big level; `cancelled` is asked at each pause (null then).
 */
export async function reachableUnderSCAsync(p: Program, cancelled: () => boolean, maxStates = DEFAULT_MAX_STATES): Promise<Reachability | null> {
  if (p.tso) return null;
  const search = explore(p, maxStates);
  for (let r = search.next(); ; r = search.next()) {
    if (r.done) return r.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled()) return null;
  }
}

function* explore(p: Program, maxStates: number): Generator<void, Reachability> {
  const cached = cache.get(p);
  if (cached && (cached.complete || cached.states >= maxStates)) return cached;
  const analyzer = new Analyzer(p);
  const n = p.threads.length;
  const w = p.stateLength;
  // The solver's packed set; its insertion order is the breadth-first queue.
  const seen = new StateSet(w);
  seen.add(p.initial, 0, -1, 0);
  const cur = new Int32Array(p.initial.length);
  const next = new Int32Array(p.initial.length);
  const fault = V.newFault();
  const outcomes = new Set<string>();
  const finalStates = new Set<string>();
  let complete = true;

  const visit = (s: Int32Array, i: number) => {
    if (seen.count < maxStates) seen.add(s, 0, i, 0);
    else if (!seen.has(s, 0)) complete = false;
  };

  for (let i = 0; i < seen.count; i++) {
    if (i > 0 && i % SLICE_STATES === 0) yield;
    seen.load(i, cur);
    if (analyzer.criticalThreads(cur) >= 2) outcomes.add("mutual-exclusion");
    if (analyzer.finished(cur)) {
      finalStates.add(stateKey(cur, p.sharedLength));
      continue;
    }
    if (analyzer.deadlocked(cur)) outcomes.add("deadlock");
    for (let t = 0; t < n; t++) {
      next.set(cur);
      const r = V.execStep(p, next, t, fault);
      if (r === V.OK) visit(next, i);
      else if (r === V.THROWN) outcomes.add(outcomeKey("exception", t, fault.pc, fault.rule));
      else if (r === V.ASSERTED) outcomes.add(outcomeKey("assertion", t, fault.pc));
      else if (r === V.EXITED) outcomes.add(outcomeKey("exit", t, fault.pc));
      if (p.spuriousWakeups) {
        next.set(cur);
        if (V.wakeSpuriously(p, next, t)) visit(next, i);
      }
    }
  }
  const result = { complete, states: seen.count, outcomes, finalStates };
  cache.set(p, result);
  return result;
}
