// One meaning per instruction: random programs, compiled to wasm and run natively, end exactly
// where the engine's `step` ends: the same shared memory, the same locals, the same outcome
// (an exception's rule, thread, instruction and detail too). One thread alone, or two run one
// after the other (each straight through), so the result does not depend on the machine.

import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as I from "../../engine/machine";
import type { Program } from "../../engine/machine";
import { SHARED, STATEMENTS, threadCode } from "../../engine/testing/random-levels";
import { mini } from "../../engine/testing/levels";
import * as L from "../layout";
import { COMPILED_OPCODES } from "./emit";
import { engineLocals, engineSequential, runWasmSequential } from "./testing";

/** Every opcode program.ts defines, by name. */
// The engine's table of every opcode (engine/program.test.ts holds it to program.ts's constants).
const OPCODES = Object.entries(I.OPCODES);

// The solver's templates, plus one or more for every primitive they leave out.
const scoped = (code: string) => `if (true) {\n${code.replace(/^/gm, "  ")}\n}`; // declarations may repeat
const MORE_STATEMENTS = [
  scoped("int i = x % 4;\narr[i] = y;"), "y = arr[x];", "arr[x - 1]++;", "y = 7 / x;", "y = x % 2;", "y = -x * 3;", "x = y / -1;",
  "flag = x >= y || x <= 0;", "flag = x > 1 && y != 2;", scoped("int r = atomic_exchange(y, 5);\nx = r;"), "flag = atomic_cas(x, 1, 0);",
  "fence();", "exit();", "c.broadcast();", "e.set();", "e.reset();", "e.wait();", "rw.readLock();", "rw.readUnlock();",
  "rw.writeLock();", "rw.writeUnlock();", "forks[x].lock();", "forks[y].unlock();", "b1.wait();", scoped("int v = q.dequeue();"),
  scoped("int i = 0;\nwhile (i < 3) {\n  i++;\n  if (i == x) {\n    continue;\n  }\n  if (i > y + 1) {\n    break;\n  }\n  y += i;\n}"),
  "business_logic();", "x = 2147483647;\nx++;", "latch2.countDown();", "latch2.wait();", "if (atomic_add(x, 2) > 1) {\n  s.signal();\n}",
];
const MORE_SHARED = {
  arr: [1, 2, 3], forks: { type: "mutex", count: 2 }, e: { type: "event" }, rw: { type: "rwlock" },
  b1: { type: "barrier", parties: 1 }, latch2: { type: "countdown", value: 2 },
};
const ALL = [...STATEMENTS, ...MORE_STATEMENTS];

const OUTCOME_OF: Record<string, number> = { exception: L.OUT_EXCEPTION, assertion: L.OUT_ASSERTION, exit: L.OUT_EXIT };
const BUDGET = 5_000;

/** Opcodes seen in the compiled programs the properties ran. */
const seen = new Set<number>();

function note(p: Program) {
  for (let pc = 0; pc < p.code.length / I.STRIDE; pc++) seen.add(p.code[pc * I.STRIDE]);
}

/** Runs the threads in `order` on both and asserts they agree. */
function agree(p: Program, order: number[]) {
  note(p);
  const engine = engineSequential(p, order);
  const hw = runWasmSequential(p, order, BUDGET);
  const shared = Array.from(engine.state.packed.subarray(0, p.sharedLength));
  const kind = engine.state.outcome?.kind;
  const ran = (t: number) => order.indexOf(t) < order.indexOf(engine.thread) || engine.end === "finished";
  if (kind === "mutual-exclusion") return; // two threads standing at critical_section() takes an interleaving
  if (engine.end === "running") {
    expect(hw.outcome, "a thread that never ends runs out of its budget").toBe(L.OUT_RUNNING);
    return;
  }
  if (engine.end === "blocked") {
    // On the engine another thread could still move; on hardware it counts as finished, so the
    // blocked thread finds itself deadlocked, where the engine left it.
    expect(hw.outcome).toBe(L.OUT_DEADLOCK);
    expect(hw.outcomeThread).toBe(engine.thread);
  } else if (kind === "finished" || engine.end === "finished") {
    expect(hw.outcome).toBe(L.OUT_NONE);
  } else if (kind === "deadlock") {
    // A busy-wait the engine sees through spins on hardware until its budget runs out.
    expect([L.OUT_DEADLOCK, L.OUT_RUNNING]).toContain(hw.outcome);
  } else {
    expect(hw.outcome, `outcome (engine: ${engine.state.outcome?.message})`).toBe(OUTCOME_OF[kind!]);
    expect({ thread: hw.outcomeThread, pc: hw.outcomePc }).toEqual({ thread: engine.fault.thread, pc: engine.fault.pc });
    if (kind === "exception") expect({ rule: hw.outcomeRule, detail: hw.outcomeDetail }).toEqual({ rule: engine.fault.rule, detail: engine.fault.detail });
  }
  expect(hw.shared).toEqual(shared);
  for (const t of order) if (ran(t)) expect(hw.locals[t], `locals of thread ${t}`).toEqual(engineLocals(p, engine.state, t));
}

// Each thread ends by reading the shared ints into a local, so its locals say what it saw last.
const level = (threads: string[]) =>
  mini({ shared: { ...SHARED, ...MORE_SHARED }, threads: threads.map((code) => `${code}\nint last = x * 31 + y;`), noops: ["business_logic"] }).program;

describe("compiled code against the engine", () => {
  afterAll(() => {
    // Every opcode of program.ts turned up in a program the properties compiled and ran.
    const missing = OPCODES.filter(([, op]) => !seen.has(op)).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it("every opcode of program.ts has a compiled form", () => {
    expect(OPCODES.length).toBeGreaterThan(50);
    expect(OPCODES.filter(([, op]) => !COMPILED_OPCODES.has(op)).map(([name]) => name)).toEqual([]);
  });

  it("one thread alone", () => {
    fc.assert(fc.property(threadCode(ALL, 6), (code) => agree(level([code]), [0])), { numRuns: 400 });
  });

  it("two threads, one after the other (either first)", () => {
    fc.assert(
      fc.property(threadCode(ALL, 5), threadCode(ALL, 5), fc.boolean(), (a, b, bFirst) => agree(level([a, b]), bFirst ? [1, 0] : [0, 1])),
      { numRuns: 300 },
    );
  });
});
