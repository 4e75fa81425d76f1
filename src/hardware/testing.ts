// Test helpers for hardware mode: run one thread of a program on fresh shared memory, in the
// calling thread (no workers), and run the engine the same way, stepping its only thread.

import { initialState, step, type GameState } from "../engine/index";
import { execStep, newFault, type Fault, type Program } from "../engine/machine";
import { ThreadRunner } from "./interpreter";
import * as L from "./layout";
import { translateProgram, type HardwareCode } from "./translate";

/** The outcome a trial claimed, as the control block holds it (L.OUT_NONE: none). */
export interface Claimed {
  outcome: number;
  outcomeThread: number;
  outcomePc: number;
  outcomeRule: number;
  outcomeDetail: number;
}

export function claimedOutcome(mem: Int32Array, layout: L.MemoryLayout): Claimed {
  const C = layout.control;
  return {
    outcome: mem[C + L.OUTCOME], outcomeThread: mem[C + L.OUTCOME_THREAD], outcomePc: mem[C + L.OUTCOME_PC],
    outcomeRule: mem[C + L.OUTCOME_RULE], outcomeDetail: mem[C + L.OUTCOME_DETAIL],
  };
}

export interface SoloRun extends Claimed {
  result: number;
  shared: number[];
  locals: number[];
  steps: number;
}

/** Runs thread 0 alone on hardware, straight through (from `hc.entry[0]`, where a test may
 *  point it elsewhere). */
export function runSolo(p: Program, budget = 1_000_000, hc: HardwareCode = translateProgram(p)): SoloRun {
  const mem = new Int32Array(new SharedArrayBuffer(hc.layout.length * 4));
  L.resetMemory(mem, hc.layout, hc.initialShared);
  const runner = new ThreadRunner(hc, mem, 0, { budget, jitter: 0 });
  const result = runner.run();
  const th = p.threads[0];
  return {
    result,
    ...claimedOutcome(mem, hc.layout),
    shared: Array.from(mem.subarray(0, p.sharedLength)),
    locals: th.locals.map((l) => runner.regs[th.base + 2 + l.reg]),
    steps: mem[L.threadBlock(hc.layout, 0) + L.STEPS],
  };
}

/** Steps thread 0 of the engine until an outcome (or `limit` steps). `fault` is where its last
 *  step blocked, threw, failed an assert or exited, as the interpreter reports it. */
export function engineSolo(p: Program, limit = 100_000): GameState & { fault: Fault } {
  let s = initialState(p);
  let before = s;
  for (let n = 0; n < limit && !s.outcome; n++) {
    const next = step(s, { kind: "step", thread: 0 });
    if (!next.ok) break;
    before = s;
    s = next.value;
  }
  // The last step once more, on a copy, to read its fault record.
  const fault = newFault();
  execStep(p, before.packed.slice(), 0, fault);
  return { ...s, fault };
}

/** Thread `t`'s locals in the engine's state `s`. */
export function engineLocals(p: Program, s: GameState, t = 0): number[] {
  const th = p.threads[t];
  return th.locals.map((l) => s.packed[th.base + 2 + l.reg]);
}
