// Every opcode is known to both executors, the engine's execStep and hardware mode's ThreadRunner:
// for each one, a snippet that compiles to it, each executor started right at that instruction.
// And a number that is no opcode is reported by both as a fault, never skipped.

import { describe, expect, it } from "vitest";
import { initialState } from "../engine/index";
import { E_UNKNOWN_OPCODE, execStep, newFault, THROWN, type Program } from "../engine/machine";
import * as I from "../engine/machine";
import { mini } from "../engine/testing/levels";
import * as L from "./layout";
import { runSolo } from "./testing";
import { HSTRIDE, translateProgram } from "./translate";

const SHARED = {
  x: 0, m: { type: "mutex" }, c: { type: "condition", mutex: "m" }, s: { type: "semaphore", value: 1, max: 2 },
  bar: { type: "barrier", parties: 1 }, latch: { type: "countdown", value: 1 }, e: { type: "event", set: true },
  rw: { type: "rwlock" }, q: { type: "queue", items: [4], capacity: 2 },
};

/** A thread's code that compiles to each opcode. */
const SNIPPETS: Record<string, string> = {
  END: "x = 1;",
  STMT: "x = 1;",
  CONST: "int a = 3;",
  MOV: "int a = 3;\nint b = a;",
  ADD: "int a = 3;\nint b = a + a;",
  SUB: "int a = 3;\nint b = a - a;",
  MUL: "int a = 3;\nint b = a * a;",
  DIV: "int a = 3;\nint b = a / a;",
  MOD: "int a = 3;\nint b = a % a;",
  EQ: "int a = 3;\nbool t = a == 3;",
  NE: "int a = 3;\nbool t = a != 3;",
  LT: "int a = 3;\nbool t = a < 3;",
  LE: "int a = 3;\nbool t = a <= 3;",
  GT: "int a = 3;\nbool t = a > 3;",
  GE: "int a = 3;\nbool t = a >= 3;",
  NOT: "bool f = false;\nbool t = !f;",
  NEG: "int a = 3;\nint b = -a;",
  ADDI: "int a = 3;\na++;",
  JMP: "int a = 0;\nwhile (a < 2) {\n  a++;\n}",
  JZ: "int a = 0;\nif (a == 1) {\n  a = 2;\n}",
  JNZ: "int a = 0;\nbool t = a == 1 || a == 2;",
  ASSERT: "int a = 0;\nassert(a == 0);",
  EXIT: "exit();",
  FENCE: "fence();",
  LD: "int a = x;",
  ST: "x = 1;",
  AADD: "atomic_add(x, 1);",
  AXCHG: "int a = atomic_exchange(x, 1);",
  ACAS: "bool ok = atomic_cas(x, 0, 1);",
  LOCK: "m.lock();",
  UNLOCK: "m.lock();\nm.unlock();",
  TRYLOCK: "bool got = m.tryLock();",
  SEM_WAIT: "s.wait();",
  SEM_SIGNAL: "s.signal();",
  COND_WAIT: "m.lock();\nc.wait();",
  COND_REACQUIRE: "m.lock();\nc.wait();",
  COND_SIGNAL: "m.lock();\nc.signal();",
  COND_BROADCAST: "m.lock();\nc.broadcast();",
  BARRIER_WAIT: "bar.wait();",
  CD_DOWN: "latch.countDown();",
  CD_WAIT: "latch.wait();",
  EV_SET: "e.set();",
  EV_RESET: "e.reset();",
  EV_WAIT: "e.wait();",
  RW_RLOCK: "rw.readLock();",
  RW_RUNLOCK: "rw.readLock();\nrw.readUnlock();",
  RW_WLOCK: "rw.writeLock();",
  RW_WUNLOCK: "rw.writeLock();\nrw.writeUnlock();",
  Q_ENQ_BEGIN: "q.enqueue(1);",
  Q_ENQ_END: "q.enqueue(1);",
  Q_DEQ_BEGIN: "int v = q.dequeue();",
  Q_DEQ_END: "int v = q.dequeue();",
  Q_SIZE: "int n = q.size();",
};

const firstPc = (p: Program, op: number) => p.code.findIndex((v, k) => k % I.STRIDE === 0 && v === op) / I.STRIDE;

/** Runs one step of the engine's thread 0 from `pc`; the rule and detail it threw with, if it did. */
function engineFrom(p: Program, pc: number) {
  const s = initialState(p).packed.slice();
  s[p.threadBase[0]] = pc;
  const fault = newFault();
  const result = execStep(p, s, 0, fault);
  return result === THROWN ? { rule: fault.rule, pc: fault.pc, detail: fault.detail } : null;
}

/** Runs hardware's thread 0 from `pc` to its end; the rule and detail it threw with, if it did. */
function hardwareFrom(p: Program, pc: number, patch?: number) {
  const hc = translateProgram(p);
  hc.entry[0] = pc;
  if (patch !== undefined) hc.code[pc * HSTRIDE] = patch;
  const run = runSolo(p, 1000, hc);
  return run.outcome === L.OUT_EXCEPTION ? { rule: run.outcomeRule, pc: run.outcomePc, detail: run.outcomeDetail } : null;
}

describe("the opcode table", () => {
  it("has a snippet for every opcode", () => {
    expect(Object.keys(SNIPPETS).sort()).toEqual(Object.keys(I.OPCODES).sort());
  });
});

describe.each(Object.entries(I.OPCODES))("%s", (name, op) => {
  const { program } = mini({ shared: SHARED, threads: [SNIPPETS[name]] });
  const pc = firstPc(program, op);

  it("is what its snippet compiles to", () => {
    expect(pc).toBeGreaterThanOrEqual(0);
  });

  it("is known to the engine and to hardware mode", () => {
    expect(engineFrom(program, pc)?.rule).not.toBe(E_UNKNOWN_OPCODE);
    expect(hardwareFrom(program, pc)?.rule).not.toBe(E_UNKNOWN_OPCODE);
  });
});

describe("a number that is no opcode", () => {
  const known = new Set(Object.values(I.OPCODES));
  const unknown = [-1, ...Array.from({ length: 80 }, (_, n) => n).filter((n) => !known.has(n)), 1000];

  it.each(unknown)("%i is an exception in both executors, at its instruction, with itself as the detail", (op) => {
    // Put it where a local instruction stands (below 32) or a shared access (32 and up), operands and all.
    const { program } = mini({ shared: { x: 5 }, threads: ["int a = 3;\na = x;"] });
    const pc = firstPc(program, op < 32 ? I.CONST : I.LD);
    const expected = { rule: E_UNKNOWN_OPCODE, pc, detail: op };
    expect(hardwareFrom(program, pc, op)).toEqual(expected);
    program.code[pc * I.STRIDE] = op;
    expect(engineFrom(program, pc)).toEqual(expected);
  });
});
