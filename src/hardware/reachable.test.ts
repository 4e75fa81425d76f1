// What the engine allows under SC, as hardware mode compares against it; and the tally's words
// for what a trial ended with, read off the shared memory as the workers leave it.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel } from "../engine/index";
import { mini } from "../engine/testing/levels";
import { scheduleForOutcome } from "../solver/outcome-schedule";
import { solve } from "../solver/solve";
import * as L from "./layout";
import { OutcomeTally, outcomeTarget, sharedValues } from "./outcomes";
import { outcomeKey, reachableUnderSC, reachableUnderSCAsync, SLICE_STATES, stateKey } from "./reachable";
import { translateProgram } from "./translate";

const loadLevel = (id: string) => {
  const level = parseLevel(readFileSync(new URL(`../../levels/${id}.json`, import.meta.url), "utf8"));
  if (!level.ok) throw new Error(`${id} does not load`);
  return level.value.program;
};
const lostUpdate = () => loadLevel("lost-update");

describe("reachableUnderSC", () => {
  it("lost-update: the lost deposit and the correct run, nothing else", () => {
    const p = lostUpdate();
    const r = reachableUnderSC(p)!;
    expect(r.complete).toBe(true);
    const assertPc = Array.from({ length: p.code.length / 5 }, (_, pc) => pc).find((pc) => p.code[pc * 5] === 21)!;
    expect([...r.outcomes]).toEqual([outcomeKey("assertion", 1, assertPc)]);
    // A finished run always has both deposits: a lost one fails the assert instead.
    expect([...r.finalStates]).toEqual([stateKey([200, 1], 2)]);
  });

  it("store buffering: both reads seeing 0 is no interleaving's result", () => {
    const { program } = mini({ shared: { x: 0, y: 0, r1: 0, r2: 0 }, threads: ["x = 1;\nr1 = y;", "y = 1;\nr2 = x;"] });
    const r = reachableUnderSC(program)!;
    expect([...r.finalStates].sort()).toEqual([stateKey([1, 1, 0, 1], 4), stateKey([1, 1, 1, 0], 4), stateKey([1, 1, 1, 1], 4)].sort());
  });

  it("stops at a mutual-exclusion violation, as a game and a hardware trial do, and knows deadlocks", () => {
    const locks = { m1: { type: "mutex" as const }, m2: { type: "mutex" as const } };
    const { program } = mini({
      shared: { x: 0, ...locks },
      threads: ["critical_section();\nm1.lock();\nm2.lock();\nm2.unlock();\nm1.unlock();", "x = 1;\ncritical_section();\nm2.lock();\nm1.lock();\nm1.unlock();\nm2.unlock();"],
    });
    const r = reachableUnderSC(program)!;
    expect([...r.outcomes].sort()).toEqual(["deadlock", "mutual-exclusion"]);
    expect([...r.finalStates]).toEqual([stateKey([1, 0, 0], 3)]);
    expect(r.states).toBe(solve(program, { win: [] }).states);
    // Both threads start at the line: the game is over before the first move, so nothing after it is reachable.
    const atOnce = mini({
      shared: locks,
      threads: ["critical_section();\nm1.lock();\nm2.lock();\nm2.unlock();\nm1.unlock();", "critical_section();\nm2.lock();\nm1.lock();\nm1.unlock();\nm2.unlock();"],
    });
    expect(reachableUnderSC(atOnce.program)).toEqual({ complete: true, states: 1, outcomes: new Set(["mutual-exclusion"]), finalStates: new Set() });
  });

  it.each([
    ["closing-time", 57],
    ["fair-if", 176],
    ["late-notice", 118],
  ])("%s: the solver's own search, so the same states (%i) and finished runs", (id, states) => {
    const p = loadLevel(id);
    const finals = new Set<string>();
    const full = solve(p, { win: [], onFinished: (s) => void finals.add(stateKey(s, p.sharedLength)) });
    const r = reachableUnderSC(p)!;
    expect({ complete: r.complete, states: r.states }).toEqual({ complete: true, states });
    expect(full.states).toBe(states);
    expect([...r.finalStates].sort()).toEqual([...finals].sort());
  });

  it("compares a TSO level with its SC twin, and admits when it gave up", () => {
    // Store buffering: under TSO both threads can read 0; without store buffers one must read 1.
    const tso = mini({ shared: { x: 0, y: 0, r1: -1, r2: -1 }, threads: ["x = 1;\nr1 = y;", "y = 1;\nr2 = x;"], options: { memoryModel: "tso" } });
    const r = reachableUnderSC(tso.program)!;
    expect(r.complete).toBe(true);
    const finals = [...r.finalStates].map((key) => key.split(",").slice(2, 4).join(","));
    expect(finals.sort()).toEqual(["0,1", "1,0", "1,1"]);
    const big = mini({ shared: { x: 0 }, threads: [{ name: "T{id}", count: 3, code: "int i = 0;\nwhile (i < 20) {\n  x++;\n  i++;\n}" }] });
    // Given up where the solver gives up: after the state that takes it past the budget.
    expect(reachableUnderSC(big.program, 1000)).toMatchObject({ complete: false, states: 1001 });
    expect(solve(big.program, { win: [], maxStates: 1000 })).toMatchObject({ verdict: "unknown", states: 1001 });
  });

  it("in the page, pauses between slices (so Stop and painting get their turn) and finds the same", async () => {
    // Fresh programs each time: results are cached per program.
    const make = () => mini({ shared: { x: 0 }, threads: [{ name: "T{id}", count: 3, code: "int i = 0;\nwhile (i < 3) {\n  x++;\n  i++;\n}" }] }).program;
    const whole = reachableUnderSC(make())!;
    expect({ complete: whole.complete, states: whole.states }).toEqual({ complete: true, states: 39_024 });
    let pauses = 0;
    const sliced = (await reachableUnderSCAsync(make(), () => (pauses++, false)))!;
    expect(pauses).toBe(Math.floor((whole.states - 1) / SLICE_STATES));
    expect({ ...sliced, outcomes: [...sliced.outcomes], finalStates: [...sliced.finalStates].sort() })
      .toEqual({ ...whole, outcomes: [...whole.outcomes], finalStates: [...whole.finalStates].sort() });
    // Stopped at its first pause: no answer rather than a partial one.
    expect(await reachableUnderSCAsync(make(), () => true)).toBeNull();
  });
});

describe("OutcomeTally", () => {
  /** Memory as workers leave it after a trial, with `edit` applied. */
  function afterTrial(p: ReturnType<typeof lostUpdate>, shared: number[], edit: (mem: Int32Array, layout: L.MemoryLayout) => void) {
    const hc = translateProgram(p);
    const mem = new Int32Array(new SharedArrayBuffer(hc.layout.length * 4));
    L.resetMemory(mem, hc.layout, Int32Array.from(shared));
    edit(mem, hc.layout);
    return { mem, layout: hc.layout };
  }

  /** lost-update's tally, a finished trial with the given shared values, and Bea's failed assert. */
  function lostUpdateTally() {
    const p = lostUpdate();
    const { layout } = afterTrial(p, [0, 0], () => {});
    const tally = new OutcomeTally(p, layout, reachableUnderSC(p), 1000);
    const finished = (shared: number[]) => afterTrial(p, shared, (mem, l) => {
      for (let t = 0; t < 2; t++) mem[L.threadBlock(l, t) + L.RESULT] = L.R_FINISHED;
    }).mem;
    const assertPc = Array.from({ length: p.code.length / 5 }, (_, pc) => pc).find((pc) => p.code[pc * 5] === 21)!;
    const bLostTheDeposit = () => afterTrial(p, [100, 1], (mem, l) => L.claimOutcome(mem, l, L.OUT_ASSERTION, 1, assertPc, 0, 0)).mem;
    return { p, tally, finished, bLostTheDeposit };
  }

  it("names the outcome as the engine does and marks what SC cannot reach", () => {
    const { tally, finished, bLostTheDeposit } = lostUpdateTally();
    tally.record(finished([200, 1]));
    tally.record(finished([200, 1]));
    tally.record(finished([100, 1])); // both finished with a deposit lost: only a reordering does that
    tally.record(bLostTheDeposit());
    expect(tally.rows().map((r) => [r.kind, r.count, r.sc, r.firstTrial, r.message])).toEqual([
      ["finished", 2, true, 1, "Every thread ran to its end: the program worked correctly this time"],
      ["finished", 1, false, 3, "Every thread ran to its end, leaving a shared state that no interleaving reaches"],
      ["assertion", 1, true, 4, "Teller Bea failed assert(balance == 200) at line 5"],
    ]);
    expect(tally.rows()[1].finalState).toEqual([{ name: "balance", value: "100" }, { name: "alDone", value: "true" }]);
  });

  it("gives each row the outcome a schedule must end with, which the solver finds or rules out", () => {
    const { p, tally, finished, bLostTheDeposit } = lostUpdateTally();
    tally.record(finished([200, 1]));
    tally.record(finished([100, 1]));
    tally.record(bLostTheDeposit());
    const targets = tally.rows().map(outcomeTarget);
    expect(targets).toEqual([
      { kind: "finished", shared: [200, 1] },
      { kind: "finished", shared: [100, 1] },
      { kind: "assertion", thread: 1, line: 5 },
    ]);
    const lengths = targets.map((t) => {
      const found = scheduleForOutcome(p, t!, { maxStates: 10_000 });
      return found.status === "found" ? found.schedule.length : found.status;
    });
    expect(lengths).toEqual([7, "none", 7]);
  });

  it("names the threads in a critical section together, and a spin out of budget", () => {
    const { program } = mini({ threads: [{ name: "Knight {id}", count: 3, code: "critical_section();" }] });
    const { mem, layout } = afterTrial(program, [], (m, l) => L.claimOutcome(m, l, L.OUT_MUTUAL_EXCLUSION, 2, 0, 0, 0b101));
    const tally = new OutcomeTally(program, layout, reachableUnderSC(program), 1000);
    expect(tally.record(mem)).toMatchObject({ kind: "mutual-exclusion", message: "Knight 0 and Knight 2 are both in the critical section", sc: true, win: true });
    const spun = afterTrial(program, [], (m, l) => {
      m[L.threadBlock(l, 1) + L.RESULT] = L.R_BUDGET;
      L.claimOutcome(m, l, L.OUT_RUNNING, 1, 0, 0, 1000);
    });
    expect(tally.record(spun.mem)).toMatchObject({ kind: "running", message: "Knight 1 was still running after 1,000 statements", sc: null, win: false });
  });
});

describe("sharedValues", () => {
  it("shows every kind of shared value as a player reads it", () => {
    const { program } = mini({
      shared: { n: -3, ok: true, a: [1, 2], m: { type: "mutex" }, s: { type: "semaphore", value: 2 }, e: { type: "event", set: true }, rw: { type: "rwlock" }, q: { type: "queue", items: [4, 5] }, b: { type: "barrier", parties: 2 } },
      threads: ["m.lock();"],
    });
    const s = program.initial.slice();
    s[program.descriptors.find((d) => d.name === "m")!.base] = 1;
    expect(sharedValues(program, s)).toEqual([
      { name: "n", value: "-3" }, { name: "ok", value: "true" }, { name: "a", value: "[1, 2]" }, { name: "m", value: "held by A" },
      { name: "s", value: "2" }, { name: "e", value: "set" }, { name: "rw", value: "free" }, { name: "q", value: "[4, 5]" }, { name: "b", value: "0 of 2 arrived" },
    ]);
  });
});
