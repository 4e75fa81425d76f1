// Compiled levels on real worker_threads, where the property test cannot go: operations that
// only happen when threads truly overlap (a signalled wait re-acquiring its mutex, a barrier of
// two, a lock that guards plain racy increments). Each program is correct, so every trial must
// end "finished", whatever the machine does. And the interpreter fallback, where wasm may not run.

import { describe, expect, it, vi } from "vitest";
import { mini } from "../../engine/testing/levels";
import { spawnNodeWorker } from "../node-worker";
import { createHardwareRun } from "../run";

const finishesEveryTime = async (shared: Record<string, unknown>, threads: Parameters<typeof mini>[0]["threads"], trials = 200) => {
  const { program } = mini({ shared, threads });
  const result = await createHardwareRun(program, { trials, spawnWorker: spawnNodeWorker, engine: "wasm" }).finished;
  expect(result.status).toBe("done");
  expect(result.engine, "ran as wasm, not on the interpreter's fallback").toBe("wasm");
  expect(result.rows.map((r) => [r.kind, r.count])).toEqual([["finished", trials]]);
};

describe("compiled levels on real threads", { timeout: 60_000 }, () => {
  it("a condition wait is woken by the signal and re-acquires its mutex", () =>
    finishesEveryTime(
      { m: { type: "mutex" }, c: { type: "condition", mutex: "m" }, ready: false, x: 0 },
      ["m.lock();\nx = 42;\nready = true;\nc.signal();\nm.unlock();", "m.lock();\nwhile (!ready) {\n  c.wait();\n}\nassert(x == 42);\nm.unlock();"],
    ));

  it("a barrier of two publishes what each wrote before it", () =>
    finishesEveryTime({ b: { type: "barrier", parties: 2 }, x: 0, y: 0 }, ["x = 1;\nb.wait();\nassert(y == 1);", "y = 1;\nb.wait();\nassert(x == 1);"]));

  it("a write lock makes plain increments safe; a latch waits for both", () =>
    finishesEveryTime({ rw: { type: "rwlock" }, latch: { type: "countdown", value: 2 }, x: 0 }, [
      { name: "T{id}", count: 2, code: "int i = 0;\nwhile (i < 100) {\n  rw.writeLock();\n  x++;\n  rw.writeUnlock();\n  i++;\n}\nlatch.countDown();\nlatch.wait();\nassert(x == 200);" },
    ]));

  it("where the page may not compile wasm (a CSP without 'wasm-unsafe-eval'), the interpreter runs the level", async () => {
    const refuse = vi.spyOn(WebAssembly, "compile").mockRejectedValue(new WebAssembly.CompileError("Wasm code generation disallowed by embedder"));
    try {
      const { program } = mini({ shared: { n: 0 }, threads: [{ name: "T{id}", count: 2, code: "int r = atomic_add(n, 1);" }] });
      const result = await createHardwareRun(program, { trials: 50, spawnWorker: spawnNodeWorker }).finished;
      expect(result.engine).toBe("interpreter");
      expect(result.rows.map((r) => [r.kind, r.count])).toEqual([["finished", 50]]);
    } finally {
      refuse.mockRestore();
    }
  });
});
