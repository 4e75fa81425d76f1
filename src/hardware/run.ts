// Hardware mode's controller: races a level on real threads, many times over, and tallies how
// each trial ended. Framework-free; runs on the main thread and drives one worker per thread.
//
//   const run = createHardwareRun(program, { trials: 10_000, onProgress, onDone });
//   run.stop(); // at any time: the workers are terminated
//
// A level's text is never evaluated: its validated, compiled instructions are compiled on to
// WebAssembly (wasm/emit.ts) and run natively, one worker per thread, on one shared
// WebAssembly.Memory. The interpreter (interpreter.ts) remains as `engine: "interpreter"`, for the
// benchmark's comparison and for hosts without shared wasm memory.

import type { Program } from "../engine/machine";
import { spawnBrowserWorker } from "./browser-worker";
import { Coordinator, startPool, STOP_GRACE_MS, TRIAL_TIME_LIMIT_MS, type Limits, type SpawnWorker, type WorkerLike } from "./coordinator";
import type { RunSettings } from "./interpreter";
import type { ToWorker } from "./messages";
import { OutcomeTally, type OutcomeRow } from "./outcomes";
import { reachableUnderSCAsync } from "./reachable";
import { createTrialLog } from "./trial-log";
import { translateProgram } from "./translate";
import { compileToWasm } from "./wasm/emit";
import { levelMemory } from "./wasm/thread";

export const MIN_TRIALS = 100;
export const MAX_TRIALS = 1_000_000;
/** Statements one thread may run in a trial before it counts as still running, by how the
 *  threads run. Both are a few tenths of a second's work at most (a statement costs ~3 ns as
 *  native code, ~60 ns interpreted): long enough that a thread spinning while its partner waits
 *  for a core on a busy machine is not called stuck, short enough that a real livelock ends. */
export const DEFAULT_BUDGET: Readonly<Record<"wasm" | "interpreter", number>> = { wasm: 50_000_000, interpreter: 1_000_000 };
/** The jitter setting the panel offers: up to this many spin turns between statements. */
export const JITTER_SPINS = 1000;

export interface HardwareRunOptions {
  trials: number;
  /** 0 (default): full speed. Otherwise random spins of up to this many turns between statements. */
  jitter?: number;
  /** Statements one thread may run in a trial before the trial counts as still running. */
  budget?: number;
  onProgress?: (p: HardwareProgress) => void;
  /** Called once, when the run ends for any reason (finished, stopped or failed). */
  onDone?: (p: HardwareProgress) => void;
  /** How workers are made; the default is a module Web Worker. Node passes worker_threads. */
  spawnWorker?: SpawnWorker;
  /** Compare outcomes with what the engine allows under SC (default true). */
  compareWithSC?: boolean;
  /** How often onProgress is called while running (ms). */
  progressEveryMs?: number;
  /** The watchdog's limits (defaults: TRIAL_TIME_LIMIT_MS, STOP_GRACE_MS). */
  limits?: Partial<Limits>;
  /** How the workers run the threads: native wasm (default), or the JavaScript interpreter. */
  engine?: "wasm" | "interpreter";
}

export interface HardwareProgress {
  status: "running" | "done" | "stopped" | "failed";
  requested: number;
  completed: number;
  rows: OutcomeRow[];
  elapsedMs: number;
  trialsPerSecond: number;
  /** How outcomes were compared with the engine: "sc" (every interleaving explored), "partial"
   *  (the search gave up: only reachable outcomes are marked), "tso" (a TSO level, compared with
   *  its SC twin: what only store buffers explain is marked). */
  comparison: "sc" | "partial" | "tso" | "off";
  /** Times the workers had to be terminated and started again because a trial would not stop. */
  restarts: number;
  /** How the workers ran the threads (the interpreter when this host cannot run shared wasm). */
  engine?: "wasm" | "interpreter";
  error?: string;
}

export interface HardwareRun {
  stop(): void;
  /** Resolves with the last progress when the run ends. */
  readonly finished: Promise<HardwareProgress>;
}

/** Why hardware mode cannot run here, or null when it can. */
export function hardwareUnavailable(): string | null {
  const g = globalThis as { crossOriginIsolated?: boolean; SharedArrayBuffer?: unknown };
  if (typeof g.SharedArrayBuffer !== "function" || g.crossOriginIsolated === false) {
    return "This page is not cross-origin isolated, so the browser withholds SharedArrayBuffer, which real threads need to share memory. The page must be served with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp.";
  }
  if (typeof (Atomics as { wait?: unknown }).wait !== "function") return "This browser has no Atomics.wait.";
  return null;
}

export function createHardwareRun(program: Program, options: HardwareRunOptions): HardwareRun {
  const requested = Math.max(1, Math.floor(options.trials));
  const spawn = options.spawnWorker ?? spawnBrowserWorker;
  const every = options.progressEveryMs ?? 100;
  let stopped = false;
  let ended = false;
  let workers: WorkerLike[] = [];
  let coordinator: Coordinator | null = null;
  let tally: OutcomeTally | null = null;
  let comparison: HardwareProgress["comparison"] = "off";
  let restarts = 0;
  let engine: "wasm" | "interpreter" = options.engine ?? "wasm";
  let started = Date.now();
  let resolveFinished!: (p: HardwareProgress) => void;
  const finished = new Promise<HardwareProgress>((r) => (resolveFinished = r));

  const snapshot = (status: HardwareProgress["status"], error?: string): HardwareProgress => {
    const completed = tally?.trials ?? 0;
    const elapsedMs = Date.now() - started;
    return {
      status, requested, completed, rows: tally?.rows() ?? [], elapsedMs,
      trialsPerSecond: elapsedMs > 0 ? (completed * 1000) / elapsedMs : 0, comparison, restarts, engine, ...(error ? { error } : {}),
    };
  };
  const terminate = () => {
    coordinator?.shutDown();
    for (const w of workers) w.terminate();
    workers = [];
  };
  const end = (status: HardwareProgress["status"], error?: string) => {
    if (ended) return;
    ended = true;
    terminate();
    const last = snapshot(status, error);
    options.onDone?.(last);
    resolveFinished(last);
  };

  const run = async () => {
    await Promise.resolve(); // callbacks never run before createHardwareRun returns
    const unavailable = hardwareUnavailable();
    if (unavailable) return end("failed", unavailable);
    const threads = await threadsFor(program, engine);
    engine = threads.engine;
    const budget = options.budget ?? DEFAULT_BUDGET[engine];
    const reach = options.compareWithSC === false ? null : await reachableUnderSCAsync(program, () => stopped);
    if (stopped) return end("stopped");
    comparison = options.compareWithSC === false || !reach ? "off" : !reach.complete ? "partial" : program.tso ? "tso" : "sc";
    const { mem, layout, initialShared } = threads;
    const log = createTrialLog(layout);
    const counted = new OutcomeTally(program, layout, reach, budget);
    tally = counted;
    const record = (image: Int32Array) => void counted.record(image);
    coordinator = new Coordinator(mem, layout, initialShared, log, { timeLimitMs: TRIAL_TIME_LIMIT_MS, graceMs: STOP_GRACE_MS, ...options.limits });
    const settings = { budget, jitter: Math.max(0, Math.floor(options.jitter ?? 0)) };
    const messages = program.threads.map((_, thread) => threads.message(thread, log, settings));
    const onFailure = (message: string) => end("failed", message);
    workers = await startPool(spawn, messages, onFailure);
    if (stopped) return terminate();
    started = Date.now();
    let reported = started;
    coordinator.begin(requested);
    while (counted.trials < requested && !stopped) {
      const watched = await coordinator.watch();
      if (stopped || ended) return;
      coordinator.drain(record);
      if (watched === "overrun") {
        // A worker ignored the end of its trial: terminate them all and start afresh.
        for (const w of workers) w.terminate();
        restarts++;
        if (coordinator.closeStuckTrial(record)) {
          workers = await startPool(spawn, messages, onFailure);
          if (stopped) return terminate();
          coordinator.release();
        }
      }
      const now = Date.now();
      if (now - reported >= every) {
        reported = now;
        options.onProgress?.(snapshot("running"));
      }
    }
    end(stopped ? "stopped" : "done");
  };
  run().catch((e: unknown) => end("failed", e instanceof Error ? e.message : String(e)));

  return {
    stop() {
      if (ended) return;
      stopped = true;
      end("stopped");
    },
    finished,
  };
}

/** The shared memory and the workers' instructions, for the chosen way of running threads. */
async function threadsFor(program: Program, engine: "wasm" | "interpreter") {
  if (engine === "wasm") {
    const level = compileToWasm(program);
    let memory: WebAssembly.Memory | null = null;
    try {
      // A page whose CSP lacks 'wasm-unsafe-eval' refuses to compile, a host without wasm
      // threads to make shared memory: there the interpreter runs the level instead.
      await WebAssembly.compile(level.bytes);
      memory = levelMemory(level);
    } catch {
      memory = null;
    }
    if (memory) {
      const shared = memory;
      return {
        engine, mem: new Int32Array(shared.buffer), layout: level.layout, initialShared: level.initialShared,
        message: (thread: number, log: SharedArrayBuffer, settings: RunSettings): ToWorker => ({ type: "init-wasm", memory: shared, log, thread, level, settings }),
      };
    }
  }
  const code = translateProgram(program);
  const mem = new Int32Array(new SharedArrayBuffer(code.layout.length * 4));
  return {
    engine: "interpreter" as const, mem, layout: code.layout, initialShared: code.initialShared,
    message: (thread: number, log: SharedArrayBuffer, settings: RunSettings): ToWorker => ({ type: "init", memory: mem.buffer as SharedArrayBuffer, log, thread, code, settings }),
  };
}
