// One side of the hardware bench: a level raced under hardware mode's trial protocol, by one way
// of running its threads: compiled to wasm, interpreted, or written by hand in JavaScript or wasm
// (src/hardware/baseline.ts). The same code runs in Node (worker_threads) and in Chromium (the
// page in bench/hardware-browser/), so the figures of the two hosts are made alike.

import type { Program } from "../src/engine/machine";
import * as I from "../src/engine/machine";
import { Coordinator, startPool, type SpawnWorker } from "../src/hardware/coordinator";
import type { InitBaselineMessage } from "../src/hardware/messages";
import { OutcomeTally } from "../src/hardware/outcomes";
import { reachableUnderSC } from "../src/hardware/reachable";
import { createHardwareRun } from "../src/hardware/run";
import { translateProgram } from "../src/hardware/translate";
import { createTrialLog } from "../src/hardware/trial-log";

export type Way = "wasm" | "interpreter" | "js-by-hand" | "wasm-by-hand";

export interface SideRequest {
  way: Way;
  trials: number;
  /** The hand-written threads' workload (the by-hand ways only). */
  workload: InitBaselineMessage["workload"];
  iterations?: number;
  /** Statements a thread may run in a trial (compiled ways); the default is hardware mode's. */
  budget?: number;
}

export interface Side {
  trials: number;
  trialsPerSecond: number;
  /** Share of trials that ended in a failed assert (lost-update: a lost deposit; store
   *  buffering: both keepers read 0). */
  assertShare: number;
  /** Share of trials that ended "still running" (a spin outlasted the budget or the time limit). */
  runningShare: number;
  /** From asking for the run to its end, worker start-up and the engine's search included (ms). */
  wallMs: number;
}

const share = (rows: { kind: string; count: number }[], kind: string, trials: number) =>
  rows.filter((r) => r.kind === kind).reduce((n, r) => n + r.count, 0) / trials;

export async function raceSide(program: Program, request: SideRequest, spawnLevel: SpawnWorker, spawnBaseline: SpawnWorker): Promise<Side> {
  const asked = performance.now();
  if (request.way === "wasm" || request.way === "interpreter") {
    const result = await createHardwareRun(program, { trials: request.trials, spawnWorker: spawnLevel, progressEveryMs: 3_600_000, engine: request.way, budget: request.budget }).finished;
    if (result.status !== "done" || result.engine !== request.way) throw new Error(`hardware run ${result.status} on ${result.engine}: ${result.error}`);
    const trials = result.completed;
    return { trials, trialsPerSecond: result.trialsPerSecond, assertShare: share(result.rows, "assertion", trials), runningShare: share(result.rows, "running", trials), wallMs: performance.now() - asked };
  }
  return byHand(program, request, spawnBaseline, asked);
}

async function byHand(p: Program, request: SideRequest, spawn: SpawnWorker, asked: number): Promise<Side> {
  const { layout, initialShared } = translateProgram(p);
  const wasm = request.way === "wasm-by-hand";
  const memory = wasm
    ? new WebAssembly.Memory({ initial: Math.ceil((layout.length * 4) / 65536), maximum: Math.ceil((layout.length * 4) / 65536), shared: true })
    : new SharedArrayBuffer(layout.length * 4);
  const mem = new Int32Array(memory instanceof WebAssembly.Memory ? memory.buffer : memory);
  const slots = Object.fromEntries(p.descriptors.map((d) => [d.name, d.base]));
  let assertPc = 0;
  for (let pc = 0; pc < p.code.length / I.STRIDE; pc++) if (p.code[pc * I.STRIDE] === I.ASSERT) assertPc = pc;
  const log = createTrialLog(layout);
  const messages = p.threads.map((_, thread): InitBaselineMessage => ({
    type: "init-baseline", memory, log, thread, layout, initialShared, language: wasm ? "wasm" : "js",
    workload: request.workload, slots, assertPc, iterations: request.iterations ?? 0,
  }));
  let failure: string | null = null;
  const workers = await startPool(spawn, messages, (m) => (failure = m));
  const coordinator = new Coordinator(mem, layout, initialShared, log);
  const tally = new OutcomeTally(p, layout, reachableUnderSC(p), 0);
  const started = performance.now();
  coordinator.begin(request.trials);
  while (tally.trials < request.trials && failure === null) {
    await coordinator.watch();
    coordinator.drain((image) => void tally.record(image));
  }
  const ms = performance.now() - started;
  coordinator.shutDown();
  for (const worker of workers) worker.terminate();
  if (failure !== null) throw new Error(failure);
  const rows = tally.rows();
  return {
    trials: tally.trials, trialsPerSecond: (tally.trials * 1000) / ms, assertShare: share(rows, "assertion", tally.trials),
    runningShare: share(rows, "running", tally.trials), wallMs: performance.now() - asked,
  };
}
