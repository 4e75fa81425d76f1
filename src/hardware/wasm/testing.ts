// Test helpers for the wasm compiler: run a level's threads one after the other, each straight
// through, in the calling thread (no workers), on the compiled code and on the engine, and say
// how each ended, so a test can compare the two slot for slot.

import { initialState, step, type GameState } from "../../engine/index";
import { execStep, newFault, type Fault, type Program } from "../../engine/machine";
import * as L from "../layout";
import { claimedOutcome, engineLocals, type Claimed } from "../testing";

export { engineLocals };
import { compileToWasm } from "./emit";
import { levelMemory, WasmThread } from "./thread";

export interface SequentialRun extends Claimed {
  /** L.R_* per thread run, in the order run (a thread not run: absent). */
  results: number[];
  shared: number[];
  /** Per thread: its locals as it left them (meaningful for a thread that ran to its end). */
  locals: number[][];
}

/** Runs the threads in `order` on the compiled code, each to its end, on one fresh memory.
 *  Threads not yet run count as finished, so a thread that blocks finds itself deadlocked
 *  instead of sleeping; the run stops at the first outcome. */
export function runWasmSequential(p: Program, order: number[], budget = 1_000_000): SequentialRun {
  const level = compileToWasm(p);
  const memory = levelMemory(level);
  const mem = new Int32Array(memory.buffer);
  const { layout } = level;
  L.resetMemory(mem, layout, level.initialShared);
  const module = new WebAssembly.Module(level.bytes);
  const runners = p.threads.map((_, t) => new WasmThread(level, memory, t, { budget, jitter: 0 }, module));
  for (const t of order) Atomics.store(mem, L.threadBlock(layout, t) + L.STATE, L.TS_FINISHED);
  const results: number[] = [];
  for (const t of order) {
    Atomics.store(mem, L.threadBlock(layout, t) + L.STATE, L.TS_RUNNING);
    results.push(runners[t].run());
    if (mem[layout.control + L.OUTCOME] !== L.OUT_NONE) break;
  }
  return {
    results,
    ...claimedOutcome(mem, layout),
    shared: Array.from(mem.subarray(0, p.sharedLength)),
    locals: p.threads.map((th, t) => th.locals.map((l) => runners[t].register(th.base + 2 + l.reg))),
  };
}

export interface EngineRun {
  state: GameState;
  /** How the last step of the last thread run ended: "finished", "blocked", an outcome, or
   *  "running" when it was still going after `limit` steps. */
  end: "finished" | "blocked" | "running" | "outcome";
  /** The fault record of the last step (where it threw, failed an assert or exited). */
  fault: Fault;
  /** The thread that was stepping when the run ended. */
  thread: number;
}

/** Steps the engine the same way: each thread in `order` until it finishes, blocks or the game
 *  ends; stops at the first thread that does not finish. */
export function engineSequential(p: Program, order: number[], limit = 20_000): EngineRun {
  let state = initialState(p);
  const fault = newFault();
  for (const t of order) {
    let n = 0;
    for (; n < limit && !state.outcome; n++) {
      const before = state;
      const next = step(state, { kind: "step", thread: t });
      if (!next.ok) {
        if (next.error.code === "finished") break;
        return { state, end: "blocked", fault, thread: t };
      }
      state = next.value;
      if (state.outcome) execStep(p, before.packed.slice(), t, fault); // once more, for its fault record
    }
    if (state.outcome) return { state, end: "outcome", fault, thread: t };
    if (n === limit) return { state, end: "running", fault, thread: t };
  }
  return { state, end: "finished", fault, thread: order[order.length - 1] };
}

