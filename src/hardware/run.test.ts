// Hardware mode end to end in Node: real worker_threads running the same worker code as the
// browser, racing real levels. What the hardware does varies from run to run, so these tests
// assert what must hold every time: counts add up, outcomes are ones the engine allows, a
// correct program never breaks, a certain deadlock is always found, and Stop stops. (A trial
// can always end "still running" on a loaded machine: a thread spins while another has no core.)

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel } from "../engine/index";
import { mini } from "../engine/testing/levels";
import type { SpawnWorker, WorkerLike } from "./coordinator";
import { spawnNodeWorker } from "./node-worker";
import { createHardwareRun, type HardwareRunOptions } from "./run";

const campaign = (id: string) => {
  const level = parseLevel(readFileSync(new URL(`../../levels/${id}.json`, import.meta.url), "utf8"));
  if (!level.ok) throw new Error(`levels/${id}.json does not load`);
  return level.value.program;
};

/** Counts the workers started and terminated. */
function countingSpawn(inner: SpawnWorker = spawnNodeWorker) {
  const counts = { started: 0, terminated: 0 };
  const spawn: SpawnWorker = (t) => {
    const w = inner(t);
    counts.started++;
    const terminate = w.terminate.bind(w);
    w.terminate = () => {
      counts.terminated++;
      terminate();
    };
    return w;
  };
  return { spawn, counts };
}

const run = (program: Parameters<typeof createHardwareRun>[0], options: Partial<HardwareRunOptions>) =>
  createHardwareRun(program, { trials: 1000, spawnWorker: spawnNodeWorker, ...options }).finished;

describe("on real threads", { timeout: 60_000 }, () => {
  it("lost-update: every trial is tallied, each outcome one the engine allows", async () => {
    const { spawn, counts } = countingSpawn();
    const result = await run(campaign("lost-update"), { trials: 2000, spawnWorker: spawn });
    expect(result.status).toBe("done");
    expect(result.comparison).toBe("sc");
    expect(result.completed).toBe(2000);
    expect(result.rows.reduce((sum, r) => sum + r.count, 0)).toBe(2000);
    const allowed = [
      "Every thread ran to its end: the program worked correctly this time",
      "Teller Bea failed assert(balance == 200) at line 5",
      "Teller Bea was still running after 50,000,000 statements", // Al's worker got no CPU for a while
    ];
    for (const row of result.rows) {
      expect(allowed).toContain(row.message);
      if (row.kind !== "running") expect(row.sc).toBe(true);
    }
    const finished = result.rows.find((r) => r.kind === "finished");
    expect(finished?.finalState).toEqual([{ name: "balance", value: "200" }, { name: "alDone", value: "true" }]);
    expect(counts).toEqual({ started: 2, terminated: 2 });
  });

  it("a correctly locked deposit never loses money", async () => {
    const { program } = mini({
      shared: { balance: 0, alDone: false, m: { type: "mutex" } },
      threads: ["m.lock();\nbalance += 100;\nm.unlock();\nalDone = true;", "m.lock();\nbalance += 100;\nm.unlock();\nwhile (!alDone) {\n}\nassert(balance == 200);"],
    });
    const result = await run(program, { trials: 2000, jitter: 50 });
    // On a busy machine a thread may spin out its budget while the other waits for a core.
    expect(result.rows.filter((r) => r.kind !== "running").map((r) => r.kind)).toEqual(["finished"]);
    expect(result.rows.find((r) => r.kind === "finished")!.count).toBeGreaterThan(1900);
  });

  it("atomic_add never loses an update", async () => {
    const { program } = mini({
      shared: { n: 0, done: 0 },
      threads: [{ name: "T{id}", count: 2, code: "int i = 0;\nwhile (i < 50) {\n  int r = atomic_add(n, 1);\n  i++;\n}\nint d = atomic_add(done, 1);\nif (d == 2) {\n  assert(n == 100);\n}" }],
    });
    const result = await run(program, { trials: 500 });
    expect(result.rows.map((r) => r.kind)).toEqual(["finished"]);
    expect(result.rows[0].finalState).toEqual([{ name: "n", value: "100" }, { name: "done", value: "2" }]);
  });

  it("trials run back to back through the trial log, more of them than it holds, each counted once", async () => {
    const { program } = mini({ shared: { n: 0 }, threads: [{ name: "T{id}", count: 2, code: "int r = atomic_add(n, 1);" }] });
    const result = await run(program, { trials: 10_000 });
    expect(result.status).toBe("done");
    expect(result.completed).toBe(10_000);
    expect(result.rows.map((r) => [r.kind, r.count, r.finalState])).toEqual([["finished", 10_000, [{ name: "n", value: "2" }]]]);
  });

  it("a certain deadlock is found in every trial, and named as the engine names it", async () => {
    const { program } = mini({
      shared: { b: { type: "barrier", parties: 3 } },
      threads: ["b.wait();", "b.wait();"],
    });
    const result = await run(program, { trials: 300 });
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ kind: "deadlock", count: 300, sc: true, message: "A waits at b (2 of 3 arrived), B waits at b (2 of 3 arrived)" });
  });

  it("lock-order deadlocks name who holds what", async () => {
    const { program } = mini({
      shared: { m1: { type: "mutex" }, m2: { type: "mutex" }, a: { type: "event" }, b: { type: "event" } },
      threads: ["m1.lock();\na.set();\nb.wait();\nm2.lock();", "m2.lock();\nb.set();\na.wait();\nm1.lock();"],
    });
    const result = await run(program, { trials: 200 });
    expect(result.rows.map((r) => [r.kind, r.message, r.count])).toEqual([["deadlock", "A waits for m2 held by B, B waits for m1 held by A", 200]]);
  });

  it("a thread that finishes holding a lock leaves the other deadlocked", async () => {
    const { program } = mini({ shared: { m: { type: "mutex" } }, threads: ["m.lock();", "m.lock();"] });
    const result = await run(program, { trials: 300 });
    expect(result.rows.reduce((n, r) => n + r.count, 0)).toBe(300);
    for (const row of result.rows) expect(["A waits for m held by B", "B waits for m held by A"]).toContain(row.message);
  });

  it("a thread that spins forever ends its trial as still running, not as a deadlock", async () => {
    const { program } = mini({ shared: { x: 0 }, threads: ["while (x == 0) {\n}", "x = 0;"] });
    const result = await run(program, { trials: 100, budget: 20_000 });
    expect(result.rows.map((r) => [r.kind, r.message, r.sc])).toEqual([["running", "A was still running after 20,000 statements", null]]);
  });

  it("exceptions on real threads carry the engine's message", async () => {
    const { program } = mini({ shared: { m: { type: "mutex" }, e: { type: "event" } }, threads: ["m.lock();\ne.set();", "e.wait();\nm.unlock();"] });
    const result = await run(program, { trials: 200 });
    expect(result.rows.map((r) => [r.message, r.sc])).toEqual([["B threw an exception at line 2: it unlocked m, which it does not hold (A holds it)", true]]);
  });

  it("Stop ends the run and terminates every worker", async () => {
    const { spawn, counts } = countingSpawn();
    const hw = createHardwareRun(campaign("lost-update"), { trials: 1_000_000, spawnWorker: spawn, onProgress: () => hw.stop() });
    const result = await hw.finished;
    expect(result.status).toBe("stopped");
    expect(result.completed).toBeGreaterThan(0);
    expect(result.completed).toBeLessThan(1_000_000);
    expect(counts).toEqual({ started: 2, terminated: 2 });
  });

  it("workers that ignore the end of a trial are terminated and replaced", async () => {
    // Thread 1's worker says it is ready and then never takes part: its trial cannot end.
    let spawned = 0;
    const deaf: SpawnWorker = (t) => {
      const real = spawnNodeWorker(t);
      if (spawned++ !== 1) return real;
      real.terminate();
      const fake: WorkerLike = {
        postMessage: () => void setTimeout(() => fake.onmessage?.({ type: "ready", thread: 1 }), 0),
        terminate: () => {},
        onmessage: null,
        onerror: null,
      };
      return fake;
    };
    const { spawn, counts } = countingSpawn(deaf);
    const { program } = mini({ shared: { x: 0 }, threads: ["x = 1;", "x = 2;"] });
    const result = await run(program, { trials: 2, spawnWorker: spawn, limits: { timeLimitMs: 200, graceMs: 200 } });
    expect(result.status).toBe("done");
    expect(result.restarts).toBe(1);
    expect(result.rows.map((r) => r.kind)).toContain("running");
    expect(counts.started).toBe(4);
    expect(counts.terminated).toBe(4);
  });
});
