// What the engine allows under sequential consistency, for comparing with what the hardware did:
// every interleaving, explored by the solver's own search (solver/explore.ts), so a run ends where
// a game (and a hardware trial) ends, at its first outcome. It keeps every outcome that occurs and
// the shared state of every finished run; unlike the solver it does not stop at a win. A TSO level
// is compared with its SC twin (the same level compiled without store buffers: the same shared
// slots and instruction numbers), so what only store buffering explains is marked as such.

import type { Program } from "../engine/machine";
import { Exploration } from "../solver/explore";
import { underModel } from "../solver/outcome-schedule";

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

/** The program whose interleavings are sequential consistency's: the level itself, or a TSO
 *  level's SC twin; null when the twin does not compile (then nothing is compared). */
function scProgram(p: Program): Program | null {
  if (!p.tso) return p;
  const twin = underModel(p.spec, "sc");
  // The comparison reads trials by shared slot and instruction number: the twin must share them.
  return twin && twin.sharedLength === p.sharedLength && twin.code.length === p.code.length ? twin : null;
}

/** Explores every interleaving of the level under SC (a TSO level's SC twin). */
export function reachableUnderSC(p: Program, maxStates = DEFAULT_MAX_STATES): Reachability | null {
  const sc = scProgram(p);
  return sc && searchSC(sc, maxStates, p)(Infinity);
}

/**
 * The same search, pausing every SLICE_STATES states so the page keeps painting and answering
 * input while hardware mode compares a big level; `cancelled` is asked at each pause (null then).
 */
export async function reachableUnderSCAsync(p: Program, cancelled: () => boolean, maxStates = DEFAULT_MAX_STATES): Promise<Reachability | null> {
  const sc = scProgram(p);
  if (!sc) return null;
  const resume = searchSC(sc, maxStates, p);
  for (let pauseAt = SLICE_STATES; ; pauseAt += SLICE_STATES) {
    const reach = resume(pauseAt);
    if (reach) return reach;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled()) return null;
  }
}

/** The search of `p`, ready to run: `resume(pauseAt)` goes on until state `pauseAt` (null:
 *  paused) or returns what it found, remembered for `level` (p itself, or the TSO level p is the
 *  SC twin of). */
function searchSC(p: Program, maxStates: number, level: Program): (pauseAt: number) => Reachability | null {
  const cached = cache.get(level);
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
    cache.set(level, reach);
    return reach;
  };
}
