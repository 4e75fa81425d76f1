// What the UI is given to draw: current statements and steps, locals, blocked reasons, objects
// with their waiters in arrival order, store buffers.

import { describe, expect, it } from "vitest";
import { mini, play } from "./testing/levels";
import { viewState } from "./view";

describe("viewState", () => {
  it("names the current statement and which of its steps is next", () => {
    const level = mini({ shared: { counter: 0 }, threads: ["int t = 0;\ncounter++;\nt = counter;"] });
    let v = viewState(play(level, ["A"]));
    expect(v.threads[0].statement).toEqual({ span: expect.anything(), text: "counter++;", line: 2 });
    expect(v.threads[0].next).toEqual({ index: 1, of: 2, label: "read counter" });
    v = viewState(play(level, ["A", "A"]));
    expect(v.threads[0].next).toEqual({ index: 2, of: 2, label: "write counter = 1" });
    expect(v.threads[0].locals).toEqual([{ name: "t", type: "int", value: 0 }]);
    v = viewState(play(level, ["A", "A", "A", "A"]));
    expect(v.threads[0].finished).toBe(true);
    expect(v.threads[0].locals).toEqual([{ name: "t", type: "int", value: 1 }]);
    expect(v.variables).toEqual([{ name: "counter", type: "int", array: false, values: [1] }]);
  });

  it("lists the threads blocked on a mutex in the order they blocked, with the owner", () => {
    const lock = "business_logic();\nm.lock();\nm.unlock();";
    const level = mini({ shared: { m: { type: "mutex" } }, noops: ["business_logic"], threads: [lock, lock, lock] });
    const s = play(level, ["A", "A", "C", "B"]);
    const v = viewState(s);
    expect(v.objects).toEqual([{ name: "m", kind: "mutex", owner: "A", blocked: ["C", "B"] }]);
    expect(v.threads[1].blocked).toBe("waits for m held by A");
    expect(v.threads[0].blocked).toBeNull();
  });

  it("draws a condition's wait set, a semaphore's value, a barrier's arrivals and a queue's items", () => {
    const level = mini({
      shared: {
        m: { type: "mutex" }, c: { type: "condition", mutex: "m" }, s: { type: "semaphore", value: 2, max: 3 },
        b: { type: "barrier", parties: 3 }, q: { type: "queue", items: [4, 5] },
      },
      threads: ["m.lock();\nc.wait();", "b.wait();", "s.wait();"],
    });
    const v = viewState(play(level, ["A", "A", "B", "C"]));
    expect(v.objects).toEqual([
      { name: "m", kind: "mutex", owner: null, blocked: [] },
      { name: "c", kind: "condition", mutex: "m", waitSet: ["A"], blocked: [] },
      { name: "s", kind: "semaphore", value: 1, max: 3, blocked: [] },
      { name: "b", kind: "barrier", arrivals: 1, parties: 3, blocked: ["B"] },
      { name: "q", kind: "queue", busy: null, items: [4, 5], capacity: 8, blocked: [] },
    ]);
    expect(v.threads[0].blocked).toBe("waits on c for a signal");
    expect(v.threads[1].blocked).toBe("waits at b (1 of 3 arrived)");
  });

  it("shows each thread's store buffer under TSO", () => {
    const level = mini({ shared: { x: 0, a: [0, 0] }, threads: ["x = 1;\na[1] = 2;"], options: { memoryModel: "tso" } });
    const v = viewState(play(level, ["A", "A"]));
    expect(v.threads[0].buffer).toEqual([{ variable: "x", type: "int", value: 1 }, { variable: "a[1]", type: "int", value: 2 }]);
    expect(v.variables[0].values).toEqual([0]);
  });

  it("says a buffered write to a bool is a bool, so the panel can show it as true", () => {
    const level = mini({ shared: { wants: [false, false] }, threads: ["wants[0] = true;"], options: { memoryModel: "tso" } });
    const v = viewState(play(level, ["A"]));
    expect(v.threads[0].buffer).toEqual([{ variable: "wants[0]", type: "bool", value: 1 }]);
  });

  it("shows the bidi control characters in thread names, so a name cannot read as another", () => {
    const level = mini({ shared: { m: { type: "mutex" } }, threads: [{ name: "\u202Eecila", code: "m.lock();" }, { name: "B", code: "m.lock();" }] });
    const v = viewState(play(level, ["\u202Eecila"]));
    expect(v.threads[0].name).toBe("⟨U+202E⟩ecila");
    expect(v.objects[0].owner).toBe("⟨U+202E⟩ecila");
    expect(v.threads[1].blocked).toBe("waits for m held by ⟨U+202E⟩ecila");
  });

  it("marks a thread standing at a critical section", () => {
    const level = mini({ threads: ["critical_section();"], win: ["mutual-exclusion"] });
    const v = viewState(play(level, []));
    expect(v.threads[0].atCriticalSection).toBe(true);
    // Standing there, it is inside (the badge says so): its step there leaves.
    expect(v.threads[0].next).toEqual({ index: 1, of: 1, label: "leave the critical section" });
  });
});
