// The trial protocol, coordinator side, and the pool of workers it drives. The coordinator lives
// on the main thread and never blocks it: it resets the memory, bumps GEN to release the workers,
// and awaits DONE with Atomics.waitAsync. Waiting in short slices, it is also the watchdog: it
// ends a trial whose threads are all blocked (a deadlock) or that runs too long, and gives up on
// workers that do not stop when told to, so they can be terminated.

import * as L from "./layout";
import type { MemoryLayout } from "./layout";
import type { FromWorker, ToWorker } from "./messages";

/** A worker as the coordinator needs it: a browser Worker or a Node worker_thread, adapted. */
export interface WorkerLike {
  postMessage(m: ToWorker): void;
  terminate(): void;
  onmessage: ((m: FromWorker) => void) | null;
  onerror: ((message: string) => void) | null;
}
export type SpawnWorker = (thread: number) => WorkerLike;

/** Watchdog period while a trial runs (ms). */
const WATCH_MS = 20;
export const TRIAL_TIME_LIMIT_MS = 5_000;
export const STOP_GRACE_MS = 1_000;

type WaitAsync = (mem: Int32Array, index: number, value: number, timeout?: number) => { async: boolean; value: Promise<string> | string };
const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;

/** Waits until `mem[index]` is no longer `value` or `ms` pass, without blocking the thread. */
function waitChange(mem: Int32Array, index: number, value: number, ms: number): Promise<unknown> {
  if (waitAsync) {
    const w = waitAsync(mem, index, value, ms);
    return w.async ? (w.value as Promise<string>) : Promise.resolve(w.value);
  }
  return new Promise((resolve) => setTimeout(resolve, 1)); // no waitAsync: poll
}

/** Starts one worker per message and resolves once every one is ready to serve trials. */
export function startPool(spawn: SpawnWorker, messages: ToWorker[], onFailure: (message: string) => void): Promise<WorkerLike[]> {
  const workers: WorkerLike[] = [];
  return new Promise((resolve, reject) => {
    let ready = 0;
    const fail = (message: string) => {
      for (const w of workers) w.terminate();
      onFailure(message);
      reject(new Error(message));
    };
    messages.forEach((msg, t) => {
      const w = spawn(t);
      workers.push(w);
      w.onmessage = (m) => {
        if (m.type === "failed") fail(`Worker ${m.thread} failed: ${m.message}`);
        else if (++ready === messages.length) resolve(workers);
      };
      w.onerror = (message) => fail(`Worker ${t} failed: ${message}`);
      w.postMessage(msg);
    });
  });
}

export type TrialEnd = "done" | "overrun";

export interface Limits {
  /** A trial still running after this long is ended as "still running" (ms). */
  timeLimitMs: number;
  /** Workers that have not stopped this long after their trial was ended are given up on (ms). */
  graceMs: number;
}

export class Coordinator {
  private readonly C: number;
  constructor(
    private readonly mem: Int32Array,
    private readonly layout: MemoryLayout,
    private readonly initialShared: Int32Array,
    private readonly limits: Limits = { timeLimitMs: TRIAL_TIME_LIMIT_MS, graceMs: STOP_GRACE_MS },
  ) {
    this.C = layout.control;
  }

  /** Runs one trial on the pool. "overrun": the workers did not stop; terminate them. */
  async trial(isStopped: () => boolean): Promise<TrialEnd> {
    const { mem, layout, C } = this;
    const n = layout.threads;
    L.resetMemory(mem, layout, this.initialShared);
    Atomics.add(mem, C + L.GEN, 1);
    Atomics.notify(mem, C + L.GEN);
    const started = Date.now();
    let abortedAt = 0;
    let lastProgress = -1;
    for (;;) {
      const done = Atomics.load(mem, C + L.DONE);
      if (done === n) return "done";
      if ((await waitChange(mem, C + L.DONE, done, WATCH_MS)) !== "timed-out" && waitAsync) continue;
      if (Atomics.load(mem, C + L.DONE) === n) return "done";
      const now = Date.now();
      if (isStopped() && abortedAt === 0) {
        L.abortTrial(mem, layout);
        abortedAt = now;
      }
      if (Atomics.load(mem, C + L.ABORT) !== 0) {
        abortedAt ||= now;
        if (now - abortedAt > this.limits.graceMs) return "overrun";
        continue;
      }
      // The threads normally find a deadlock themselves; this catches one they left unclaimed.
      const progress = this.progress();
      if (progress === lastProgress && L.allBlocked(mem, layout)) L.claimOutcome(mem, layout, L.OUT_DEADLOCK, 0, 0, 0, 0);
      else if (now - started > this.limits.timeLimitMs) L.claimOutcome(mem, layout, L.OUT_RUNNING, 0, 0, 0, -1);
      lastProgress = progress;
    }
  }

  /** Statements run and releases made so far, all threads together. */
  private progress(): number {
    let sum = Atomics.load(this.mem, this.C + L.RELEASES);
    for (let t = 0; t < this.layout.threads; t++) sum += Atomics.load(this.mem, L.threadBlock(this.layout, t) + L.PROGRESS);
    return sum;
  }

  /** Tells the workers to leave their trial loop (they are terminated right after anyway). */
  shutDown(): void {
    Atomics.store(this.mem, this.C + L.STOP, 1);
    L.abortTrial(this.mem, this.layout);
    Atomics.notify(this.mem, this.C + L.GEN);
  }
}
