// The hardware interpreter against the engine, one thread at a time: for every statement kind,
// every synchronization object and every exception, running the thread straight through on
// shared memory ends where stepping it through the engine ends.

import { describe, expect, it } from "vitest";
import { mini, type MiniLevel } from "../engine/testing/levels";
import * as L from "./layout";
import { engineLocals, engineSolo, runSolo } from "./testing";

const OUTCOME_CODES: Record<string, number> = {
  finished: L.OUT_NONE, exception: L.OUT_EXCEPTION, assertion: L.OUT_ASSERTION, exit: L.OUT_EXIT, deadlock: L.OUT_DEADLOCK,
};

/** Runs both and compares the shared region, the locals and the outcome (rule and line too). */
function agree(shared: MiniLevel["shared"], code: string) {
  const { program } = mini({ shared, threads: [code] });
  const engine = engineSolo(program);
  const engineFault = engine.fault;
  const hw = runSolo(program);
  const kind = engine.outcome?.kind ?? "none";
  expect(hw.outcome, `outcome (engine: ${engine.outcome?.message})`).toBe(OUTCOME_CODES[kind]);
  expect(hw.shared).toEqual(Array.from(engine.packed.subarray(0, program.sharedLength)));
  if (kind === "finished") expect(hw.locals).toEqual(engineLocals(program, engine));
  if (kind === "exception") {
    expect({ rule: hw.outcomeRule, pc: hw.outcomePc, detail: hw.outcomeDetail }).toEqual({
      rule: engineFault.rule, pc: engineFault.pc, detail: engineFault.detail,
    });
  }
  if (kind === "assertion" || kind === "exit") expect(hw.outcomePc).toBe(engineFault.pc);
  return { kind, hw, engine };
}

describe("statements", () => {
  const vars = { x: 0, y: 0, z: 0, flag: false, ok: false, arr: [1, 2, 3] };
  it.each([
    ["declarations and arithmetic", "int a = 3;\nint b = a * 7 - 2;\nx = b / 4;\ny = b % 5;\nz = -x;\nbool t;\nint u;"],
    ["division truncates toward zero", "int a = -7;\nx = a / 2;\ny = a % 2;"],
    ["compound assignment, ++ and --", "x += 5;\nx -= 2;\ny++;\ny++;\nz--;\narr[1] += x;\narr[0]++;\narr[2]--;"],
    ["comparisons and logic", "int a = 3;\nflag = !flag;\nok = (a < 4 && a <= 3) || a > 9;\nbool e = a == 3;\nbool n = a != 3;\nbool g = a >= 4;"],
    ["short-circuit skips the right side's reads", "ok = false && arr[x + 2] == 0;\nflag = true || arr[x + 2] == 0;"],
    ["shared values read into locals", "int a = arr[2];\nint b = arr[a - 2];\nx = a + b;"],
    ["int wraparound", "x = 2147483647;\nx++;\ny = 65536 * 65536;\nz = -2147483647 - 1;\nz = -z;"],
    ["if and else", "if (x == 0) {\n  y = 1;\n} else {\n  y = 2;\n}\nif (y == 2) {\n  z = 1;\n} else if (y == 1) {\n  z = 3;\n}"],
    ["while with break and continue", "int i = 0;\nwhile (i < 10) {\n  i++;\n  if (i == 3) {\n    continue;\n  }\n  if (i == 8) {\n    break;\n  }\n  x += i;\n}\ny = i;"],
    ["nested loops", "int i = 0;\nwhile (i < 4) {\n  int j = 0;\n  while (j < i) {\n    arr[j % 3] += i * j;\n    j++;\n  }\n  i++;\n}"],
    ["critical_section and noops", "business_logic();\ncritical_section();\nx = 1;\ncritical_section();"],
    ["atomics and fence", "int r = atomic_add(x, 5);\nok = atomic_cas(x, 5, 9);\nflag = atomic_cas(x, 5, 1);\ny = atomic_exchange(x, 42);\nfence();\nz = r + atomic_add(arr[1], -3);"],
  ])("%s", (_name, code) => {
    const { program } = mini({ shared: vars, threads: [code], noops: ["business_logic"] });
    const hw = runSolo(program);
    const engine = engineSolo(program);
    expect(engine.outcome?.kind).toBe("finished");
    expect(hw.result).toBe(L.R_FINISHED);
    expect(hw.outcome).toBe(L.OUT_NONE);
    expect(hw.shared).toEqual(Array.from(engine.packed.subarray(0, program.sharedLength)));
    expect(hw.locals).toEqual(engineLocals(program, engine));
  });

  it("counts one step per statement run, loop headers included", () => {
    const { program } = mini({ shared: { x: 0 }, threads: ["int i = 0;\nwhile (i < 3) {\n  i++;\n}\nx = i;"] });
    // decl, 4 loop headers, 3 increments, the store
    expect(runSolo(program).steps).toBe(9);
  });
});

describe("synchronization objects, used by one thread", () => {
  it.each([
    ["mutex", { m: { type: "mutex" }, got: [false, false] }, "m.lock();\ngot[0] = m.tryLock();\nm.unlock();\ngot[1] = m.tryLock();"],
    ["mutex array", { forks: { type: "mutex", count: 3 } }, "int i = 2;\nforks[i].lock();\nforks[1].lock();\nforks[i].unlock();"],
    ["semaphore", { s: { type: "semaphore", value: 1, max: 3 } }, "s.signal();\ns.signal();\ns.wait();\ns.wait();"],
    ["condition", { m: { type: "mutex" }, c: { type: "condition", mutex: "m" } }, "m.lock();\nc.signal();\nc.broadcast();\nm.unlock();"],
    ["barrier of one", { b: { type: "barrier", parties: 1 } }, "b.wait();\nb.wait();"],
    ["countdown", { latch: { type: "countdown", value: 2 } }, "latch.countDown();\nlatch.countDown();\nlatch.wait();"],
    ["event", { e: { type: "event", set: false }, x: 0 }, "e.set();\ne.wait();\ne.reset();\nx = 1;"],
    ["rwlock", { rw: { type: "rwlock" } }, "rw.readLock();\nrw.readUnlock();\nrw.writeLock();\nrw.writeUnlock();\nrw.readLock();"],
    ["queue", { q: { type: "queue", items: [1, 2], capacity: 4 }, x: 0 }, "q.enqueue(7);\nint a = q.dequeue();\nint n = q.size();\nq.enqueue(a + n);\nx = q.dequeue() + q.dequeue();"],
  ])("%s", (_name, shared, code) => {
    expect(agree(shared as MiniLevel["shared"], code).kind).toBe("finished");
  });
});

describe("exceptions, with the engine's rule, line and detail", () => {
  it.each([
    ["unlock by a non-owner", { m: { type: "mutex" } }, "m.unlock();"],
    ["wait without the mutex", { m: { type: "mutex" }, c: { type: "condition", mutex: "m" } }, "c.wait();"],
    ["signal without the mutex", { m: { type: "mutex" }, c: { type: "condition", mutex: "m" } }, "c.signal();"],
    ["broadcast without the mutex", { m: { type: "mutex" }, c: { type: "condition", mutex: "m" } }, "c.broadcast();"],
    ["dequeue from an empty queue", { q: { type: "queue", items: [] } }, "int v = q.dequeue();"],
    ["enqueue onto a full queue", { q: { type: "queue", items: [5], capacity: 1 } }, "q.enqueue(2);"],
    ["semaphore above its max", { s: { type: "semaphore", value: 1, max: 1 } }, "s.signal();"],
    ["countdown below zero", { latch: { type: "countdown", value: 1 } }, "latch.countDown();\nlatch.countDown();"],
    ["index out of range (write)", { arr: [0, 0, 0] }, "int i = 3;\narr[i] = 1;"],
    ["index out of range (read)", { arr: [0, 0, 0] }, "int i = -1;\nint v = arr[i];"],
    ["index out of range (object)", { forks: { type: "mutex", count: 2 } }, "int i = 2;\nforks[i].lock();"],
    ["division by zero", { x: 0 }, "int z = 0;\nx = 5 / z;"],
    ["remainder by zero", { x: 0 }, "int z = 0;\nx = 5 % z;"],
    ["readUnlock without reading", { rw: { type: "rwlock" } }, "rw.readUnlock();"],
    ["writeUnlock without writing", { rw: { type: "rwlock" } }, "rw.readLock();\nrw.writeUnlock();"],
  ])("%s", (_name, shared, code) => {
    expect(agree(shared as MiniLevel["shared"], code).kind).toBe("exception");
  });

  it("a failed assert is the thread's assertion, at its instruction", () => {
    expect(agree({ x: 0 }, "x = 2;\nassert(x == 3);\nx = 5;").kind).toBe("assertion");
  });

  it("exit() ends the program where it stands", () => {
    expect(agree({ x: 0 }, "x = 1;\nexit();\nx = 2;").kind).toBe("exit");
  });
});

describe("a thread that can never go on", () => {
  it.each([
    ["locks a mutex it holds", { m: { type: "mutex" } }, "m.lock();\nm.lock();"],
    ["waits on a semaphore at 0", { s: { type: "semaphore", value: 0 } }, "s.wait();"],
    ["waits on a condition nobody signals", { m: { type: "mutex" }, c: { type: "condition", mutex: "m" } }, "m.lock();\nc.wait();"],
    ["waits for a countdown that never reaches 0", { latch: { type: "countdown", value: 1 } }, "latch.wait();"],
    ["waits for an event nobody sets", { e: { type: "event", set: false } }, "e.wait();"],
    ["reads under its own write lock", { rw: { type: "rwlock" } }, "rw.writeLock();\nrw.readLock();"],
    ["is alone at a barrier of two", { b: { type: "barrier", parties: 2 } }, "b.wait();"],
  ])("%s: a deadlock, found by the thread itself", (_name, shared, code) => {
    const { hw } = agree(shared as MiniLevel["shared"], code);
    expect(hw.result).toBe(L.R_BLOCKED);
  });

  it("a spin that never ends runs out of its budget instead (not a deadlock)", () => {
    const { program } = mini({ shared: { x: 0 }, threads: ["while (true) {\n  x++;\n}"] });
    const hw = runSolo(program, 5000);
    expect(hw.result).toBe(L.R_BUDGET);
    expect(hw.outcome).toBe(L.OUT_RUNNING);
    expect(hw.outcomeDetail).toBe(5000);
    expect(hw.steps).toBe(5000);
  });
});
