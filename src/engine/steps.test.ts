// How many steps each kind of statement takes: the atomicity rules of LEVEL_FORMAT.md as a table.

import { describe, expect, it } from "vitest";
import { initialState, step, type GameState } from "./engine";
import { mini } from "./testing/levels";

/** Steps thread A alone until it finishes; returns how many steps that took. */
function stepsToFinish(code: string, shared: Record<string, unknown> = {}, noops: string[] = []): number {
  const level = mini({ shared, noops, threads: [code], win: ["assertion"] });
  let state: GameState = initialState(level.program);
  let n = 0;
  while (!state.outcome) {
    const next = step(state, { kind: "step", thread: 0 });
    if (!next.ok) throw new Error(`step ${n + 1} refused: ${next.error.message}`);
    state = next.value;
    n++;
  }
  expect(state.outcome.kind).toBe("finished");
  return n;
}

const SHARED = {
  counter: 0, flag: false, x: 0, y: 1, z: 2, a: 1, b: 2, two: 2, idx: 1,
  buffer: [0, 0, 0], m: { type: "mutex" }, s: { type: "semaphore", value: 1 },
  q: { type: "queue", items: [7] }, e: { type: "event", set: true }, latch: { type: "countdown", value: 1 },
  rw: { type: "rwlock" }, bar: { type: "barrier", parties: 1 }, forks: { type: "mutex", count: 3 },
};

const TABLE: [string, string, number][] = [
  ["assignment of a constant to a shared variable", "flag = true;", 1],
  ["increment of a shared int: read, then write", "counter++;", 2],
  ["decrement of a shared int", "counter--;", 2],
  ["three shared variables", "x = y + z;", 3],
  ["compound assignment reads the target first", "x += y;", 3],
  ["compound assignment with a constant", "x -= 4;", 2],
  ["local declaration with a constant", "int t = 5;", 1],
  ["local declaration reading a shared variable", "int t = counter;", 1],
  ["local declaration without a value", "bool ok;", 1],
  ["local work only", "int t = 1;\nt = t * 2 + 1;", 2],
  ["local increment", "int t = 0;\nt++;", 2],
  ["short-circuit && stops after a false left side", "if (a == 2 && b != 2) {\n}", 1],
  ["short-circuit && reads both when the left side holds", "if (two == 2 && b != 2) {\n}", 2],
  ["short-circuit || stops after a true left side", "if (a == 1 || b == 0) {\n}", 1],
  ["else if is an if of its own", "if (a == 2) {\n} else if (b == 2) {\n}", 2],
  ["a noop call", "business_logic();", 1],
  ["critical_section() is one step", "critical_section();", 1],
  ["fence() is one step", "fence();", 1],
  ["assert reads its shared operand in its step", "assert(counter == 0);", 1],
  ["lock and unlock", "m.lock();\nm.unlock();", 2],
  ["tryLock as a condition", "if (m.tryLock()) {\n  m.unlock();\n}", 2],
  ["semaphore wait and signal", "s.wait();\ns.signal();", 2],
  ["enqueue: begin, then finish", "q.enqueue(3);", 2],
  ["dequeue: begin, then finish", "int v = q.dequeue();", 2],
  ["size is one step", "int n = q.size();", 1],
  ["event wait and set", "e.wait();\ne.set();\ne.reset();", 3],
  ["countdown", "latch.countDown();\nlatch.wait();", 2],
  ["rwlock read then write", "rw.readLock();\nrw.readUnlock();\nrw.writeLock();\nrw.writeUnlock();", 4],
  ["barrier arrival (the last party)", "bar.wait();", 1],
  ["atomic_add is one step", "atomic_add(counter, 5);", 1],
  ["atomic_add then a read: two accesses", "int v = atomic_add(counter, 1) + counter;", 2],
  ["atomic_exchange and atomic_cas", "int old = atomic_exchange(x, 3);\nbool won = atomic_cas(x, 3, 4);", 2],
  ["array element with a local index", "int i = 2;\nbuffer[i] = 5;", 2],
  ["array element with a shared index: read idx, then write", "buffer[idx] = 5;", 2],
  ["array element increment: read idx, read, write", "buffer[idx]++;", 3],
  ["object array with a local index", "forks[(id + 1) % 3].lock();", 1],
  ["while loop of local work: each condition is a step", "int i = 0;\nwhile (i < 3) {\n  i++;\n}", 1 + 3 * 2 + 1],
  ["break is a step", "while (true) {\n  break;\n}", 2],
  ["continue is a step", "int i = 0;\nwhile (i < 1) {\n  i++;\n  continue;\n}", 1 + 3 + 1],
];

describe("steps per statement", () => {
  it.each(TABLE)("%s: %s takes %i", (_what, code, steps) => {
    expect(stepsToFinish(code, SHARED, ["business_logic"])).toBe(steps);
  });
});
