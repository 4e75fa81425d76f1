// The trial protocol, coordinator side, and the pool of workers it drives. The coordinator lives
// on the main thread and never blocks it, and it is not in the path from one trial to the next:
// the workers start, close and log trials themselves (protocol.ts). It starts a run, takes the
// logged trials out now and then (Atomics.waitAsync on the log, in short slices), and is the
// watchdog: it ends a trial whose threads are all blocked (a deadlock) or that runs too long, and
// gives up on workers that do not stop when told to, so they can be terminated and replaced.

import * as L from "./layout";
import type { MemoryLayout } from "./layout";
import type { FromWorker, ToWorker } from "./messages";
import * as Log from "./trial-log";

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
  return new Promise((resolve) => setTimeout(resolve, 2)); // no waitAsync: poll
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

export interface Limits {
  /** A trial still running after this long is ended as "still running" (ms). */
  timeLimitMs: number;
  /** Workers that have not stopped this long after their trial was ended are given up on (ms). */
  graceMs: number;
}

export class Coordinator {
  private readonly C: number;
  readonly log: Log.TrialLog;
  /** The trial being watched (its GEN), since when, and what the watchdog last saw of it. */
  private watched = -1;
  private watchedSince = 0;
  private abortedAt = 0;
  private lastProgress = -1;

  constructor(
    private readonly mem: Int32Array,
    private readonly layout: MemoryLayout,
    private readonly initialShared: Int32Array,
    logBuffer: SharedArrayBuffer,
    private readonly limits: Limits = { timeLimitMs: TRIAL_TIME_LIMIT_MS, graceMs: STOP_GRACE_MS },
  ) {
    this.C = layout.control;
    this.log = Log.trialLog(logBuffer, layout);
  }

  /** Starts a run of `target` trials on the pool: the first begins at once, the rest follow it. */
  begin(target: number): void {
    const w = this.log.words;
    Atomics.store(w, Log.WRITTEN, 0);
    Atomics.store(w, Log.READ, 0);
    Atomics.store(w, Log.TARGET, target);
    L.resetMemory(this.mem, this.layout, this.initialShared);
    this.release();
  }

  /** Starts the trial the memory is set up for. */
  release(): void {
    Atomics.add(this.mem, this.C + L.GEN, 1);
    Atomics.notify(this.mem, this.C + L.GEN);
  }

  /** Trials logged so far (taken out or not). */
  get logged(): number {
    return Atomics.load(this.log.words, Log.WRITTEN);
  }

  /** Hands each logged trial's image to `onTrial`, oldest first, and frees its room in the log. */
  drain(onTrial: (image: Int32Array) => void): void {
    const w = this.log.words;
    const written = Atomics.load(w, Log.WRITTEN);
    let read = Atomics.load(w, Log.READ);
    for (; read < written; read++) onTrial(Log.imageAt(this.log, read));
    Atomics.store(w, Log.READ, read);
    Atomics.notify(w, Log.READ);
  }

  /** Waits a short while for trials to be logged, then looks at the trial under way. "overrun":
   *  its workers did not stop when it was ended; terminate them and call closeStuckTrial. */
  async watch(): Promise<"ok" | "overrun"> {
    const { mem, C, log } = this;
    const w = log.words;
    const written = Atomics.load(w, Log.WRITTEN);
    if (written - Atomics.load(w, Log.READ) < log.capacity >> 1) await waitChange(w, Log.WRITTEN, written, WATCH_MS);
    if (Atomics.load(w, Log.WRITTEN) >= Atomics.load(w, Log.TARGET)) return "ok"; // no trial under way
    const gen = Atomics.load(mem, C + L.GEN);
    const now = Date.now();
    if (gen !== this.watched) {
      this.watched = gen;
      this.watchedSince = now;
      this.abortedAt = 0;
      this.lastProgress = -1;
      return "ok";
    }
    if (Atomics.load(mem, C + L.DONE) === this.layout.threads) return "ok"; // being closed
    if (Atomics.load(mem, C + L.ABORT) !== 0) {
      this.abortedAt ||= now;
      return now - this.abortedAt > this.limits.graceMs ? "overrun" : "ok";
    }
    // The threads normally find a deadlock themselves; this catches one they left unclaimed.
    const progress = this.progress();
    if (progress === this.lastProgress && L.allBlocked(mem, this.layout)) this.claim(gen, L.OUT_DEADLOCK, 0);
    else if (now - this.watchedSince > this.limits.timeLimitMs) this.claim(gen, L.OUT_RUNNING, -1);
    this.lastProgress = progress;
    return "ok";
  }

  /** Claims an outcome for trial `gen`, if it is still under way (not while a worker closes it). */
  private claim(gen: number, kind: number, detail: number): void {
    const { mem, C, log } = this;
    if (!Log.tryLock(log)) return; // a worker is closing a trial: look again next time
    if (Atomics.load(mem, C + L.GEN) === gen && Atomics.load(mem, C + L.DONE) < this.layout.threads) L.claimOutcome(mem, this.layout, kind, 0, 0, 0, detail);
    Log.unlock(log);
  }

  /** After the workers of a stuck trial were terminated: logs the trial as it stands, through
   *  `onTrial`, and sets the memory up for the next one. Start fresh workers and release() them
   *  when this returns true (more trials are wanted). */
  closeStuckTrial(onTrial: (image: Int32Array) => void): boolean {
    const { mem, C, log } = this;
    this.drain(onTrial);
    Atomics.store(log.words, Log.LOCK, 0); // nobody else is left to hold it
    // Moving GEN on tells a terminated worker that is somehow still running that its trial is over.
    Atomics.add(mem, C + L.GEN, 1);
    const logged = Log.append(log, mem);
    this.drain(onTrial);
    if (logged >= Atomics.load(log.words, Log.TARGET)) return false;
    L.resetMemory(mem, this.layout, this.initialShared);
    return true;
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
    Atomics.notify(this.log.words, Log.READ);
  }
}
