// `npm run bench`, hardware-mode section: trials per second of hardware mode, the level compiled
// to wasm and the interpreter, beside the same threads written by hand in plain JavaScript under
// the same trial protocol (a shared start line, the coordinator's reset and watchdog, the same
// tally), so the ratios are the cost of each way of running a level; and the share of failed
// asserts each sees, since a slow thread widens the race window.
// Runs in Node: worker_threads executing the very worker code the browser runs (worker-core.ts
// through worker-node.ts), two workers, one per thread. Rounds alternate the three sides.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseLevel, type Program } from "../src/engine/index";
import * as I from "../src/engine/program";
import { mini } from "../src/engine/testing/levels";
import { Coordinator, startPool } from "../src/hardware/coordinator";
import type { InitBaselineMessage } from "../src/hardware/messages";
import { spawnNodeWorker } from "../src/hardware/node-worker";
import { OutcomeTally } from "../src/hardware/outcomes";
import { reachableUnderSC } from "../src/hardware/reachable";
import { createHardwareRun } from "../src/hardware/run";
import { runSolo } from "../src/hardware/testing";
import { translateProgram } from "../src/hardware/translate";
import { createTrialLog } from "../src/hardware/trial-log";
import { runWasmSequential } from "../src/hardware/wasm/testing";
import { fixed, heading, int, median, ROOT_DIR, table, writeJson } from "./report";

interface Workload {
  name: string;
  program: Program;
  baseline: InitBaselineMessage["workload"];
  iterations: number;
  trials: number;
  /** Statements each thread runs in a trial (for the per-statement figure). */
  statements: number;
}

const ROUNDS = 3;
/** Statements a thread may run in a trial. The hand-written Bea spins with no budget; the default
 *  (1,000,000) is a few milliseconds of native spinning, so on a loaded machine wasm trials would
 *  end "still running" for want of a core, not for anything the code does. */
const BENCH_BUDGET = 100_000_000;
/** HARDWARE_BENCH_SCALE=0.1 runs a tenth of the trials (a loaded machine; a quick look). */
const SCALE = Number(process.env.HARDWARE_BENCH_SCALE ?? 1) || 1;
const LOOP_ITERATIONS = 1000;

function load(text: string): Program {
  const level = parseLevel(text);
  if (!level.ok) throw new Error(level.error.map((e) => e.message).join("\n"));
  return level.value.program;
}

function workloads(): Workload[] {
  const counterLoop = JSON.stringify({
    format: 1, id: "counter-loop", title: "Counter loop", summary: "Racy increments in a loop.",
    shared: { counter: 0 },
    threads: [{ name: "T{id}", count: 2, code: `int i = 0;\nwhile (i < ${LOOP_ITERATIONS}) {\n  counter++;\n  i++;\n}` }],
  });
  const scaled = (list: Workload[]) => list.map((w) => ({ ...w, trials: Math.max(100, Math.round(w.trials * SCALE)) }));
  return scaled([
    { name: "lost-update", program: load(readFileSync(join(ROOT_DIR, "levels/lost-update.json"), "utf8")), baseline: "lost-update", iterations: 0, trials: 20_000, statements: 3 },
    { name: `counter-loop (${int(LOOP_ITERATIONS)} increments a thread)`, program: load(counterLoop), baseline: "counter-loop", iterations: LOOP_ITERATIONS, trials: 2_000, statements: 1 + 3 * LOOP_ITERATIONS + 1 },
  ]);
}

interface Side {
  trialsPerSecond: number;
  /** Share of trials that ended in a failed assert (lost-update: a lost deposit). */
  assertShare: number;
  /** Share of trials that ended "still running" (a spin outlasted the budget or the time limit). */
  runningShare: number;
}

const share = (rows: { kind: string; count: number }[], kind: string, trials: number) =>
  rows.filter((r) => r.kind === kind).reduce((n, r) => n + r.count, 0) / trials;

async function hardware(w: Workload, engine: "wasm" | "interpreter"): Promise<Side> {
  const result = await createHardwareRun(w.program, { trials: w.trials, spawnWorker: spawnNodeWorker, progressEveryMs: 60_000, engine, budget: BENCH_BUDGET }).finished;
  if (result.status !== "done") throw new Error(`hardware run ${result.status}: ${result.error}`);
  const trials = result.completed;
  return { trialsPerSecond: result.trialsPerSecond, assertShare: share(result.rows, "assertion", trials), runningShare: share(result.rows, "running", trials) };
}

async function handWritten(w: Workload): Promise<Side> {
  const p = w.program;
  const hc = translateProgram(p);
  const mem = new Int32Array(new SharedArrayBuffer(hc.layout.length * 4));
  const slots = Object.fromEntries(p.descriptors.map((d) => [d.name, d.base]));
  let assertPc = 0;
  for (let pc = 0; pc < p.code.length / I.STRIDE; pc++) if (p.code[pc * I.STRIDE] === I.ASSERT) assertPc = pc;
  const log = createTrialLog(hc.layout);
  const messages = p.threads.map((_, thread): InitBaselineMessage => ({
    type: "init-baseline", memory: mem.buffer as SharedArrayBuffer, log, thread, layout: hc.layout, initialShared: hc.initialShared,
    workload: w.baseline, slots, assertPc, iterations: w.iterations,
  }));
  const workers = await startPool(spawnNodeWorker, messages, (m) => console.error(m));
  const coordinator = new Coordinator(mem, hc.layout, hc.initialShared, log);
  const tally = new OutcomeTally(p, hc.layout, reachableUnderSC(p), BENCH_BUDGET);
  const started = Date.now();
  coordinator.begin(w.trials);
  while (tally.trials < w.trials) {
    await coordinator.watch();
    coordinator.drain((image) => void tally.record(image));
  }
  const ms = Date.now() - started;
  coordinator.shutDown();
  for (const worker of workers) worker.terminate();
  const rows = tally.rows();
  return { trialsPerSecond: (tally.trials * 1000) / ms, assertShare: share(rows, "assertion", tally.trials), runningShare: share(rows, "running", tally.trials) };
}

export async function hardwareBench() {
  heading("Hardware mode: trials per second, wasm vs interpreter vs hand-written JavaScript");
  console.log("Node worker_threads running the browser's worker code; two workers; median of", ROUNDS, "alternating rounds.");
  const rows: (string | number)[][] = [];
  const report: Record<string, unknown>[] = [];
  for (const w of workloads()) {
    const warm = { ...w, trials: Math.min(w.trials, 500) }; // warm up: workers, JIT, caches
    await hardware(warm, "wasm");
    await hardware(warm, "interpreter");
    const compiled: Side[] = [];
    const mine: Side[] = [];
    const theirs: Side[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      compiled.push(await hardware(w, "wasm"));
      mine.push(await hardware(w, "interpreter"));
      theirs.push(await handWritten(w));
    }
    const rate = (sides: Side[]) => median(sides.map((s) => s.trialsPerSecond));
    const asserts = (sides: Side[]) => `${fixed(100 * median(sides.map((s) => s.assertShare)), 1)}%`;
    const running = (sides: Side[]) => `${fixed(100 * median(sides.map((s) => s.runningShare)), 1)}%`;
    const wasm = rate(compiled), interp = rate(mine), hand = rate(theirs);
    rows.push([
      w.name, int(w.trials), int(wasm), int(interp), int(hand), `${fixed(hand / wasm, 2)}x`, `${fixed(hand / interp, 2)}x`,
      `${asserts(compiled)} / ${asserts(mine)} / ${asserts(theirs)}`, `${running(compiled)} / ${running(mine)} / ${running(theirs)}`,
    ]);
    report.push({
      workload: w.name, trials: w.trials, rounds: ROUNDS, wasmTrialsPerSecond: wasm, interpretedTrialsPerSecond: interp, handWrittenTrialsPerSecond: hand,
      ratio: hand / interp, wasmRatio: hand / wasm, statementsPerThread: w.statements, wasm: compiled, interpreted: mine, handWritten: theirs,
    });
  }
  console.log(table(["workload", ">trials", ">wasm/s", ">interpreted/s", ">hand-written/s", ">hand/wasm", ">hand/interp", ">asserts (wasm / interp / hand)", ">still running"], rows));
  console.log("Target: within 3x of the hand-written pair on lost-update (ratio = hand-written / hardware mode).");
  const perStatement = statementCost();
  console.log(table(["one thread in-process, 3,000,000 racy increments", ">wasm ns/statement", ">interpreter ns/statement", ">ratio"], [
    ["median of 3", fixed(perStatement.wasm, 2), fixed(perStatement.interpreter, 2), `${fixed(perStatement.interpreter / perStatement.wasm, 1)}x`],
  ]));
  console.log(`Wrote ${writeJson("hardware.json", { environment: "node worker_threads", node: process.version, results: report, perStatement })}`);
}

/** What one statement costs, one thread alone in this process (no workers, no trial protocol,
 *  so the machine's other load matters less): the loop of counter-loop, run long. */
function statementCost(): { wasm: number; interpreter: number } {
  const n = 3_000_000;
  const { program } = mini({ shared: { counter: 0 }, threads: [`int i = 0;\nwhile (i < ${n}) {\n  counter++;\n  i++;\n}`] });
  const statements = 1 + 3 * n + 1;
  const time = (run: () => void) => {
    const t = performance.now();
    run();
    return ((performance.now() - t) * 1e6) / statements;
  };
  const wasm: number[] = [];
  const interpreter: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    wasm.push(time(() => runWasmSequential(program, [0], 100_000_000)));
    interpreter.push(time(() => runSolo(program, 100_000_000)));
  }
  return { wasm: median(wasm), interpreter: median(interpreter) };
}
