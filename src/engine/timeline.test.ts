// The timeline: one entry per move with what it did, and arrows where a thread handed a lock, a
// signal, a barrier or an event to another.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { initialState, parseLevel, parseMove, type Move } from "./index";
import { mini, play, type Level } from "./testing/levels";
import { buildTimeline, stepSentence, thirdPerson } from "./timeline";

function timelineOf(level: Level, moves: string[]) {
  const schedule = play(level, moves).schedule;
  return buildTimeline(initialState(level.program), schedule);
}

describe("buildTimeline", () => {
  it("says what each move did, in its thread's lane, with the line it ran", () => {
    const level = mini({ shared: { counter: 0 }, threads: ["counter++;", "counter++;"] });
    const t = timelineOf(level, ["A", "B", "A", "B"]);
    expect(t.threads).toEqual(["A", "B"]);
    expect(t.steps.map((s) => [s.move, s.thread, s.did, s.line])).toEqual([
      [1, 0, "reads counter", 1],
      [2, 1, "reads counter", 1],
      [3, 0, "writes counter = 1", 1],
      [4, 1, "writes counter = 1", 1],
    ]);
    expect(stepSentence(t, t.steps[2])).toBe("A writes counter = 1");
    expect(t.arrows).toEqual([]);
  });

  it("draws an arrow from an unlock to the next lock of the same mutex by another thread", () => {
    const code = "m.lock();\nm.unlock();";
    const level = mini({ shared: { m: { type: "mutex" }, n: { type: "mutex" } }, threads: [code, code] });
    const t = timelineOf(level, ["A", "A", "B", "B"]);
    expect(t.steps.map((s) => s.did)).toEqual(["calls m.lock()", "calls m.unlock()", "calls m.lock()", "calls m.unlock()"]);
    expect(t.steps[0].events).toEqual([{ kind: "acquire", object: "m", thread: 0 }]);
    expect(t.steps[1].events).toEqual([{ kind: "release", object: "m", thread: 0 }]);
    expect(t.arrows).toEqual([{ kind: "lock", object: "m", from: { move: 2, thread: 0 }, to: { move: 3, thread: 1 } }]);
  });

  it("draws a signal to the thread it woke, and the wait's release and re-acquire of the mutex", () => {
    const level = mini({
      shared: { m: { type: "mutex" }, c: { type: "condition", mutex: "m" } },
      threads: ["m.lock();\nc.wait();\nm.unlock();", "m.lock();\nc.signal();\nm.unlock();"],
    });
    const t = timelineOf(level, ["A", "A", "B", "B", "B", "A"]);
    expect(t.steps[1].did).toBe("releases m and waits on c");
    expect(t.steps[1].events).toEqual([
      { kind: "release", object: "m", thread: 0 },
      { kind: "wait", object: "c", thread: 0 },
    ]);
    expect(t.steps[3].events).toEqual([
      { kind: "signal", object: "c", thread: 1 },
      { kind: "wake", object: "c", thread: 0 },
    ]);
    expect(t.steps[5].did).toBe("re-acquires m");
    expect(stepSentence(t, t.steps[3])).toBe("B calls c.signal(), which wakes A");
    expect(t.arrows).toEqual([
      { kind: "lock", object: "m", from: { move: 2, thread: 0 }, to: { move: 3, thread: 1 } },
      { kind: "signal", object: "c", from: { move: 4, thread: 1 }, to: { move: 4, thread: 0 } },
      { kind: "lock", object: "m", from: { move: 5, thread: 1 }, to: { move: 6, thread: 0 } },
    ]);
  });

  it("draws the barrier's last arrival releasing every thread waiting there", () => {
    const level = mini({ shared: { b: { type: "barrier", parties: 3 } }, threads: ["b.wait();", "b.wait();", "b.wait();"] });
    const t = timelineOf(level, ["B", "A", "C"]);
    expect(t.steps.map((s) => s.events.map((e) => `${e.kind} ${e.object} ${t.threads[e.thread]}`))).toEqual([
      ["arrive b B"],
      ["arrive b A"],
      ["release-all b C", "wake b A", "wake b B"],
    ]);
    expect(stepSentence(t, t.steps[2])).toBe("C arrives at b, which opens b for A and B");
    expect(t.arrows).toEqual([
      { kind: "barrier", object: "b", from: { move: 3, thread: 2 }, to: { move: 3, thread: 0 } },
      { kind: "barrier", object: "b", from: { move: 3, thread: 2 }, to: { move: 3, thread: 1 } },
    ]);
  });

  it("joins a semaphore's signal to the wait that took that unit, not to the units it started with", () => {
    const level = mini({ shared: { s: { type: "semaphore", value: 1 } }, threads: ["s.wait();\ns.wait();", "s.signal();"] });
    const t = timelineOf(level, ["A", "B", "A"]);
    expect(t.steps.map((s) => s.events.map((e) => e.kind))).toEqual([["acquire"], ["release"], ["acquire"]]);
    expect(t.arrows).toEqual([{ kind: "semaphore", object: "s", from: { move: 2, thread: 1 }, to: { move: 3, thread: 0 } }]);
  });

  it("joins an event's set, and a countdown's last count, to the waits that then go through", () => {
    const level = mini({
      shared: { e: { type: "event" }, done: { type: "countdown", value: 1 }, lamps: { type: "event", count: 2 } },
      threads: ["e.set();\ndone.countDown();\nlamps[1].set();", "e.wait();\ndone.wait();\nlamps[1].wait();"],
    });
    const t = timelineOf(level, ["A", "B", "A", "B", "A", "B"]);
    expect(t.steps.map((s) => s.events.map((e) => `${e.kind} ${e.object}`))).toEqual([
      ["set e"], ["pass e"], ["count-down done"], ["pass done"], ["set lamps[1]"], ["pass lamps[1]"],
    ]);
    expect(t.arrows.map((a) => [a.kind, a.object, a.from.move, a.to.move])).toEqual([
      ["event", "e", 1, 2],
      ["countdown", "done", 3, 4],
      ["event", "lamps[1]", 5, 6],
    ]);
  });

  it("shows a read-write lock's readers and writer taking and giving it back", () => {
    const level = mini({ shared: { rw: { type: "rwlock" } }, threads: ["rw.readLock();\nrw.readUnlock();", "rw.writeLock();"] });
    const t = timelineOf(level, ["A", "A", "B"]);
    expect(t.steps.map((s) => s.events.map((e) => `${e.kind} ${e.object} ${t.threads[e.thread]}`))).toEqual([
      ["acquire rw A"], ["release rw A"], ["acquire rw B"],
    ]);
    expect(t.arrows).toEqual([{ kind: "lock", object: "rw", from: { move: 2, thread: 0 }, to: { move: 3, thread: 1 } }]);
  });

  it("describes a store-buffer flush and a spurious wakeup", () => {
    const tso = mini({ shared: { x: 0 }, threads: ["x = 1;"], options: { memoryModel: "tso" } });
    expect(timelineOf(tso, ["A", "A:flush"]).steps.map((s) => s.did)).toEqual(["writes x = 1 to its store buffer", "flushes x = 1 to memory"]);
    const spurious = mini({
      shared: { m: { type: "mutex" }, c: { type: "condition", mutex: "m" } },
      threads: ["m.lock();\nc.wait();"],
      options: { spuriousWakeups: true },
    });
    const t = timelineOf(spurious, ["A", "A", "A:wake"]);
    expect(t.steps[2].did).toBe("wakes up without a signal (a spurious wakeup)");
    expect(t.steps[2].events).toEqual([{ kind: "wake", object: "c", thread: 0 }]);
    expect(t.arrows).toEqual([]);
  });

  it("under TSO, says a write went to the store buffer and shows a bool as true, there and in memory", () => {
    const tso = mini({ shared: { wants: [false, false], turn: 0 }, threads: ["wants[0] = true;\nturn = 1;\nwants[0] = false;"], options: { memoryModel: "tso" } });
    expect(timelineOf(tso, ["A", "A", "A:flush", "A", "A:flush"]).steps.map((s) => s.did)).toEqual([
      "writes wants[0] = true to its store buffer",
      "writes turn = 1 to its store buffer",
      "flushes wants[0] = true to memory",
      "writes wants[0] = false to its store buffer",
      "flushes turn = 1 to memory",
    ]);
    // Under SC the same write goes to memory, and says nothing of a buffer.
    const sc = mini({ shared: { wants: [false, false] }, threads: ["wants[0] = true;"] });
    expect(timelineOf(sc, ["A"]).steps.map((s) => s.did)).toEqual(["writes wants[0] = true"]);
  });

  it("first-steps: the winning moves say the clerks enter the critical section, and leaving it says so", () => {
    const text = readFileSync(new URL("../../levels/first-steps.json", import.meta.url), "utf8");
    const level = parseLevel(text);
    if (!level.ok) throw new Error("first-steps does not parse");
    const p = level.value.program;
    const win = buildTimeline(initialState(p), level.value.spec.solution!.map((m) => parseMove(p, m) as Move));
    expect(win.steps.map((s) => stepSentence(win, s))).toEqual([
      "Clerk Ada calls business_logic() and enters the critical section",
      "Clerk Bo calls business_logic() and enters the critical section",
    ]);
    const moves = ["Clerk Ada", "Clerk Ada"].map((m) => parseMove(p, m) as Move);
    const alone = buildTimeline(initialState(p), moves);
    expect(alone.steps.map((s) => s.did)).toEqual(["calls business_logic() and enters the critical section", "leaves the critical section"]);
  });

  it("replays a campaign level's solution to one entry per move", () => {
    const text = readFileSync(new URL("../../levels/crossed-transfers.json", import.meta.url), "utf8");
    const level = parseLevel(text);
    if (!level.ok) throw new Error("crossed-transfers does not parse");
    const p = level.value.program;
    const moves = level.value.spec.solution!.map((m) => parseMove(p, m) as Move);
    const t = buildTimeline(initialState(p), moves);
    expect(t.steps.map((s) => stepSentence(t, s))).toEqual([
      "Teller 0 does local work",
      "Teller 0 does local work",
      "Teller 0 calls acct[from].lock() (acct[0])",
      "Teller 1 does local work",
      "Teller 1 does local work",
      "Teller 1 calls acct[from].lock() (acct[1])",
    ]);
    expect(t.steps[2].events).toEqual([{ kind: "acquire", object: "acct[0]", thread: 0 }]);
    expect(t.steps[5].events).toEqual([{ kind: "acquire", object: "acct[1]", thread: 1 }]);
  });
});

describe("thirdPerson", () => {
  it.each([
    ["read counter", "reads counter"],
    ["finish enqueue on q", "finishes enqueue on q"],
    ["go back to the loop's condition", "goes back to the loop's condition"],
    ["forks[i].lock()", "calls forks[i].lock()"],
    ["local work", "does local work"],
    ["leave the critical section", "leaves the critical section"],
  ])("%s -> %s", (label, sentence) => expect(thirdPerson(label)).toBe(sentence));
});
