// The wasm compiler, piece by piece: its binary encoding, and what a compiled thread does at
// the edges the property test cannot reach by running threads one after the other: the step
// budget, the abort flag, a second thread standing in a critical section, and jitter.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel } from "../../engine/index";
import { mini } from "../../engine/testing/levels";
import * as L from "../layout";
import { runSolo } from "../testing";
import { Bytes } from "./encode";
import { compileToWasm } from "./emit";
import { levelMemory, WasmThread } from "./thread";

const hex = (b: Bytes) => Array.from(b.done(), (x) => x.toString(16).padStart(2, "0")).join(" ");

describe("encoding", () => {
  it("writes LEB128 as the spec's examples do", () => {
    expect(hex(new Bytes().u32(624485))).toBe("e5 8e 26");
    expect(hex(new Bytes().u32(0xffffffff))).toBe("ff ff ff ff 0f");
    expect(hex(new Bytes().sleb(-123456))).toBe("c0 bb 78");
    expect(hex(new Bytes().sleb(63))).toBe("3f");
    expect(hex(new Bytes().sleb(64))).toBe("c0 00");
    expect(hex(new Bytes().sleb(-64))).toBe("40");
    expect(hex(new Bytes().sleb(-2147483648))).toBe("80 80 80 80 78");
  });

  it("makes a module the platform validates, for a level using every kind of object", () => {
    const { program } = mini({
      shared: {
        x: 0, arr: [1, 2], m: { type: "mutex", count: 2 }, s: { type: "semaphore", value: 1 }, c: { type: "condition", mutex: "m" },
        b: { type: "barrier", parties: 2 }, l: { type: "countdown", value: 1 }, e: { type: "event" }, rw: { type: "rwlock" }, q: { type: "queue" },
      },
      threads: ["m[x].lock();\nc.wait();\nm[0].unlock();\ns.wait();\nb.wait();\nl.wait();\ne.wait();\nrw.readLock();\nq.enqueue(arr[x]);", "critical_section();\nfence();"],
    });
    const level = compileToWasm(program);
    expect(WebAssembly.validate(level.bytes)).toBe(true);
    expect(level.pages).toBe(1);
  });

  it("compiles every level of the campaign to a module the platform validates", () => {
    const files = readdirSync("levels").filter((f) => f.endsWith(".json") && f !== "campaign.json" && !f.endsWith(".schema.json"));
    expect(files.length).toBeGreaterThan(10);
    const invalid = files.filter((file) => {
      const level = parseLevel(readFileSync(`levels/${file}`, "utf8"), file);
      if (!level.ok) throw new Error(`${file} does not load`);
      return !WebAssembly.validate(compileToWasm(level.value.program).bytes);
    });
    expect(invalid).toEqual([]);
  });
});

/** A fresh memory and thread 0 of `code`, ready to run. */
function solo(code: string, settings = { budget: 1_000_000, jitter: 0 }) {
  const { program } = mini({ shared: { x: 0, y: 0 }, threads: [code, "x = 1;"] });
  const level = compileToWasm(program);
  const memory = levelMemory(level);
  const mem = new Int32Array(memory.buffer);
  L.resetMemory(mem, level.layout, level.initialShared);
  Atomics.store(mem, L.threadBlock(level.layout, 1) + L.STATE, L.TS_FINISHED);
  const C = level.layout.control;
  const outcome = () => ({ kind: mem[C + L.OUTCOME], pc: mem[C + L.OUTCOME_PC], detail: mem[C + L.OUTCOME_DETAIL] });
  const steps = () => mem[L.threadBlock(level.layout, 0) + L.STEPS];
  return { program, mem, C, outcome, steps, thread: new WasmThread(level, memory, 0, settings) };
}

describe("a compiled thread", () => {
  it("counts one step per statement run, as the interpreter does", () => {
    const code = "int i = 0;\nwhile (i < 3) {\n  i++;\n}\nx = i;";
    const t = solo(code);
    expect(t.thread.run()).toBe(L.R_FINISHED);
    expect(t.steps()).toBe(9);
    expect(runSolo(mini({ shared: { x: 0, y: 0 }, threads: [code] }).program).steps).toBe(9);
  });

  it("runs out of its budget in a spin, and says so with the budget as detail", () => {
    const t = solo("while (true) {\n  x++;\n}", { budget: 5000, jitter: 0 });
    expect(t.thread.run()).toBe(L.R_BUDGET);
    expect(t.outcome()).toMatchObject({ kind: L.OUT_RUNNING, detail: 5000 });
    expect(t.steps()).toBe(5000);
  });

  it("stops at once when the trial was already ended elsewhere", () => {
    const t = solo("x = 5;\ny = 6;");
    Atomics.store(t.mem, t.C + L.ABORT, 1);
    expect(t.thread.run()).toBe(L.R_ABORTED);
    expect([t.mem[0], t.mem[1]]).toEqual([0, 0]);
  });

  it("claims mutual exclusion when it reaches a critical section another thread stands in", () => {
    const t = solo("x = 1;\ncritical_section();\ny = 1;");
    Atomics.store(t.mem, t.C + L.IN_SECTION, 0b10); // thread 1 stands in its section
    expect(t.thread.run()).toBe(L.R_ABORTED);
    expect(t.outcome()).toEqual({ kind: L.OUT_MUTUAL_EXCLUSION, pc: t.program.critical.indexOf(1), detail: 0b11 });
    expect(t.mem[1]).toBe(0);
  });

  it("leaves the critical section at its next statement", () => {
    const t = solo("critical_section();\nx = 2;\ny = 3;");
    expect(t.thread.run()).toBe(L.R_FINISHED);
    expect(t.mem[t.C + L.IN_SECTION]).toBe(0);
  });

  it("with jitter on, ends where it ends without", () => {
    const code = "int i = 0;\nwhile (i < 50) {\n  y += i;\n  i++;\n}\nx = y % 7;";
    const plain = solo(code);
    plain.thread.run();
    const jittery = solo(code, { budget: 1_000_000, jitter: 1000 });
    expect(jittery.thread.run()).toBe(L.R_FINISHED);
    expect([jittery.mem[0], jittery.mem[1]]).toEqual([plain.mem[0], plain.mem[1]]);
    expect(jittery.steps()).toBe(plain.steps());
  });
});
