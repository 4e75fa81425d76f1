// What the engine allows under sequential consistency, for comparing with what the hardware did:
// every interleaving, explored by the solver's own search (solver/explore.ts), so a run ends where
// a game (and a hardware trial) ends, at its first outcome. It keeps every outcome that occurs and
// the shared state of every finished run; unlike the solver it does not stop at a win.

import type { Program } from "../engine/machine";
import { Exploration } from "../solver/explore";

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
  return searchSC(p, maxStates)(Infinity);
}

/**
 * The same search, pausing every SLICE_STATES states so the page keeps painting and answering
 * input while hardware mode compares a big level; `cancelled` is asked at each pause (null then).
 */
export async function reachableUnderSCAsync(p: Program, cancelled: () => boolean, maxStates = DEFAULT_MAX_STATES): Promise<Reachability | null> {
  if (p.tso) return null;
  const resume = searchSC(p, maxStates);
  for (let pauseAt = SLICE_STATES; ; pauseAt += SLICE_STATES) {
    const reach = resume(pauseAt);
    if (reach) return reach;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled()) return null;
  }
}

/** The search, ready to run: `resume(pauseAt)` goes on until state `pauseAt` (null: paused) or
 *  returns what it found. */
function searchSC(p: Program, maxStates: number): (pauseAt: number) => Reachability | null {
  const cached = cache.get(p);
  if (cached && (cached.complete || cached.states >= maxStates)) return () => cached;
  const outcomes = new Set<string>();
  const finalStates = new Set<string>();
  const search = new Exploration(
    p,
    {
      // Every outcome is kept; none ends the search.
      outcome: (kind, _state, thread, fault) => {
        outcomes.add(thread < 0 ? kind : outcomeKey(kind, thread, fault.pc, fault.rule));
        return false;
      },
      finished: (s) => {
        finalStates.add(stateKey(s, p.sharedLength));
      },
    },
    maxStates,
  );
  return (pauseAt) => {
    const status = search.run(pauseAt);
    if (status === "paused") return null;
    const reach = { complete: status !== "budget", states: search.states, outcomes, finalStates };
    cache.set(p, reach);
    return reach;
  };
}
