// Semantics of every synchronization object, every exception, spurious wakeups, TSO store
// buffers, and both kinds of deadlock, played move by move through the engine's reducer.

import { describe, expect, it } from "vitest";
import { initialState, legalMoves, formatMove } from "./engine";
import { mini, play, tryMove, valueOf } from "./testing/levels";

const ALL = ["mutual-exclusion", "assertion", "deadlock", "exception"];

describe("mutex", () => {
  const level = mini({ shared: { m: { type: "mutex" } }, threads: ["m.lock();\nm.unlock();", "m.lock();\nm.unlock();"], win: ALL });

  it("blocks a second locker and says who holds it", () => {
    const s = play(level, ["A"]);
    const refused = tryMove(level, s, "B");
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toBe("B is blocked: waits for m held by A.");
    expect(legalMoves(s).map((m) => formatMove(level.program, m))).toEqual(["A"]);
  });

  it("lets whoever steps first take it after an unlock", () => {
    const s = play(level, ["A", "A", "B"]);
    expect(s.outcome).toBeNull();
    expect(valueOf(s, "m")).toBe(2); // owner B (thread 1) + 1
  });

  it("throws when a thread unlocks a mutex it does not hold", () => {
    const bad = mini({ shared: { m: { type: "mutex" } }, threads: ["m.lock();", "m.unlock();"], win: ALL });
    const s = play(bad, ["A", "B"]);
    expect(s.outcome?.kind).toBe("exception");
    expect(s.outcome?.message).toBe("B threw an exception at line 1: it unlocked m, which it does not hold (A holds it)");
  });

  it("is not re-entrant: locking it twice deadlocks the thread itself", () => {
    const self = mini({ shared: { m: { type: "mutex" } }, threads: ["m.lock();\nm.lock();"], win: ALL });
    const s = play(self, ["A"]);
    expect(s.outcome?.kind).toBe("deadlock");
    expect(s.outcome?.message).toBe("A waits for m, which it holds itself (a mutex is not re-entrant)");
  });

  it("tryLock takes a free mutex and reports a held one without blocking", () => {
    const t = mini({ shared: { m: { type: "mutex" }, got: [false, false] }, threads: ["got[0] = m.tryLock();", "got[1] = m.tryLock();"], win: ["assertion"] });
    const s = play(t, ["A", "B", "A", "B"]);
    expect(valueOf(s, "got", 0)).toBe(1);
    expect(valueOf(s, "got", 1)).toBe(0);
  });
});

describe("lock-order deadlock", () => {
  const level = mini({
    shared: { m1: { type: "mutex" }, m2: { type: "mutex" } },
    threads: ["m1.lock();\nm2.lock();\nm2.unlock();\nm1.unlock();", "m2.lock();\nm1.lock();\nm1.unlock();\nm2.unlock();"],
    win: ["deadlock"],
  });
  it("is a win that names who waits for what", () => {
    const s = play(level, ["A", "B"]);
    expect(s.outcome).toMatchObject({ kind: "deadlock", win: true, threads: [0, 1] });
    expect(s.outcome?.message).toBe("A waits for m2 held by B, B waits for m1 held by A");
  });
});

describe("a finished thread that holds a lock", () => {
  it("does not save the threads waiting for it", () => {
    const level = mini({ shared: { m: { type: "mutex" } }, threads: ["m.lock();", "m.lock();"], win: ["deadlock"] });
    const s = play(level, ["A"]);
    expect(s.outcome?.kind).toBe("deadlock");
    expect(s.outcome?.message).toBe("B waits for m held by A");
  });
});

describe("busy-wait deadlock", () => {
  it("is detected when every unfinished thread spins without changing anything", () => {
    const level = mini({
      shared: { flagA: false, flagB: false },
      threads: ["flagA = true;\nwhile (flagB) {\n}\ncritical_section();\nflagA = false;", "flagB = true;\nwhile (flagA) {\n}\ncritical_section();\nflagB = false;"],
      win: ["deadlock"],
    });
    const s = play(level, ["A", "B"]);
    expect(s.outcome?.kind).toBe("deadlock");
    expect(s.outcome?.message).toBe(
      "A spins at line 2, waiting for something that never changes, B spins at line 2, waiting for something that never changes",
    );
  });

  it("is not a deadlock while another thread can still change what a spinner waits for", () => {
    const level = mini({ shared: { go: false }, threads: ["while (!go) {\n}", "go = true;"], win: ["deadlock"] });
    const s = play(level, ["A", "A"]);
    expect(s.outcome).toBeNull();
    expect(play(level, ["B", "A"]).outcome?.kind).toBe("finished");
  });
});

describe("semaphore", () => {
  it("blocks at 0 and throws above its max", () => {
    const level = mini({ shared: { s: { type: "semaphore", value: 0, max: 1 } }, threads: ["s.wait();", "s.signal();\ns.signal();"], win: ALL });
    expect(tryMove(level, initialState(level.program), "A").ok).toBe(false);
    const s = play(level, ["B", "B"]);
    expect(s.outcome?.message).toBe("B threw an exception at line 2: it signalled s above its maximum of 1");
  });
});

describe("condition variable (Mesa)", () => {
  const shared = { m: { type: "mutex" }, c: { type: "condition", mutex: "m" }, ready: false };
  const waiter = "m.lock();\nwhile (!ready) {\n  c.wait();\n}\nm.unlock();";
  const signaller = "m.lock();\nready = true;\nc.signal();\nm.unlock();";

  it("takes two steps to wait: release and join, then re-acquire after a signal", () => {
    const level = mini({ shared, threads: [waiter, signaller], win: ALL });
    let s = play(level, ["A", "A", "A"]); // lock, check, release+wait
    expect(valueOf(s, "m")).toBe(0);
    expect(tryMove(level, s, "A").ok).toBe(false);
    s = play(level, ["B", "B", "B"], s); // lock, ready = true, signal
    expect(tryMove(level, s, "A").ok).toBe(false); // B still holds m
    s = play(level, ["B", "A"], s);
    expect(valueOf(s, "m")).toBe(1); // A re-acquired
  });

  it("loses a signal sent before anyone waits", () => {
    const level = mini({ shared, threads: ["m.lock();\nc.wait();\nm.unlock();", "m.lock();\nc.signal();\nm.unlock();"], win: ["deadlock"] });
    const s = play(level, ["B", "B", "B", "A", "A"]);
    expect(s.outcome?.kind).toBe("deadlock");
    expect(s.outcome?.message).toBe("A waits on c for a signal");
  });

  it("throws when waiting or signalling without the mutex", () => {
    const level = mini({ shared, threads: ["c.wait();", "c.signal();"], win: ALL });
    expect(play(level, ["A"]).outcome?.message).toBe("A threw an exception at line 1: it waited on c without holding its mutex m");
    expect(play(level, ["B"]).outcome?.message).toBe("B threw an exception at line 1: it signalled c without holding its mutex m");
  });

  it("broadcast wakes every waiter; signal wakes the longest-waiting one", () => {
    const three = mini({
      shared: { m: { type: "mutex" }, c: { type: "condition", mutex: "m" } },
      threads: ["m.lock();\nc.wait();\nm.unlock();", "m.lock();\nc.wait();\nm.unlock();", "m.lock();\nc.signal();\nm.unlock();"],
      win: ALL,
    });
    let s = play(three, ["B", "B", "A", "A", "C", "C", "C"]);
    expect(tryMove(three, s, "B").ok).toBe(true); // B waited longest
    expect(tryMove(three, s, "A").ok).toBe(false);
    const broadcast = mini({
      shared: { m: { type: "mutex" }, c: { type: "condition", mutex: "m" } },
      threads: ["m.lock();\nc.wait();\nm.unlock();", "m.lock();\nc.wait();\nm.unlock();", "m.lock();\nc.broadcast();\nm.unlock();"],
      win: ALL,
    });
    s = play(broadcast, ["B", "B", "A", "A", "C", "C", "C"]);
    expect(tryMove(broadcast, s, "A").ok).toBe(true);
    expect(tryMove(broadcast, s, "B").ok).toBe(true);
  });

  it("with spurious wakeups, a waiter can be woken without a signal and is never deadlocked", () => {
    const level = mini({ shared, threads: ["m.lock();\nc.wait();\nm.unlock();"], win: ["deadlock"], options: { spuriousWakeups: true } });
    let s = play(level, ["A", "A"]);
    expect(s.outcome).toBeNull();
    expect(legalMoves(s).map((m) => formatMove(level.program, m))).toEqual(["A:wake"]);
    s = play(level, ["A:wake", "A", "A"], s);
    expect(s.outcome?.kind).toBe("finished");
  });
});

describe("barrier", () => {
  it("holds arrivals until the last party, then releases all without a further step", () => {
    const level = mini({ shared: { b: { type: "barrier", parties: 2 }, x: 0 }, threads: ["b.wait();\nx = 1;", "b.wait();\nx = 2;"], win: ALL });
    let s = play(level, ["A"]);
    expect(tryMove(level, s, "A").ok).toBe(false);
    s = play(level, ["B"], s);
    s = play(level, ["A"], s);
    expect(valueOf(s, "x")).toBe(1);
  });
});

describe("barrier with too few arrivals", () => {
  it("is a deadlock, even when waiting is the thread's last statement", () => {
    const level = mini({ shared: { b: { type: "barrier", parties: 3 } }, threads: ["b.wait();", "b.wait();"], win: ["deadlock"] });
    const s = play(level, ["A", "B"]);
    expect(s.outcome?.kind).toBe("deadlock");
    expect(s.outcome?.message).toBe("A waits at b (2 of 3 arrived), B waits at b (2 of 3 arrived)");
  });
});

describe("countdown latch and event", () => {
  it("countDown below zero throws; wait blocks until zero", () => {
    const level = mini({ shared: { l: { type: "countdown", value: 1 } }, threads: ["l.wait();", "l.countDown();\nl.countDown();"], win: ALL });
    expect(tryMove(level, initialState(level.program), "A").ok).toBe(false);
    const s = play(level, ["B", "A", "B"]);
    expect(s.outcome?.message).toBe("B threw an exception at line 2: it counted l down below 0");
  });

  it("an event blocks waiters while reset", () => {
    const level = mini({ shared: { e: { type: "event" } }, threads: ["e.wait();", "e.set();\ne.reset();"], win: ALL });
    expect(tryMove(level, initialState(level.program), "A").ok).toBe(false);
    expect(tryMove(level, play(level, ["B"]), "A").ok).toBe(true);
    expect(tryMove(level, play(level, ["B", "B"]), "A").ok).toBe(false);
  });
});

describe("rwlock", () => {
  it("admits many readers or one writer", () => {
    const level = mini({ shared: { rw: { type: "rwlock" } }, threads: ["rw.readLock();\nrw.readUnlock();", "rw.readLock();\nrw.readUnlock();", "rw.writeLock();\nrw.writeUnlock();"], win: ALL });
    const s = play(level, ["A", "B"]);
    expect(tryMove(level, s, "C").ok).toBe(false);
    const w = play(level, ["C"]);
    expect(tryMove(level, w, "A").ok).toBe(false);
    const bad = mini({ shared: { rw: { type: "rwlock" } }, threads: ["rw.writeUnlock();"], win: ALL });
    expect(play(bad, ["A"]).outcome?.message).toBe("A threw an exception at line 1: it called writeUnlock on rw without holding it for writing");
  });
});

describe("queue (not thread-safe)", () => {
  it("throws on dequeue from empty, and on a begin while another thread is mid-operation", () => {
    const empty = mini({ shared: { q: { type: "queue" } }, threads: ["int v = q.dequeue();"], win: ALL });
    expect(play(empty, ["A"]).outcome?.message).toBe("A threw an exception at line 1: it dequeued from q, which is empty");
    const race = mini({ shared: { q: { type: "queue" } }, threads: ["q.enqueue(1);", "q.enqueue(2);"], win: ALL });
    expect(play(race, ["A", "B"]).outcome?.message).toBe(
      "B threw an exception at line 1: it began to modify q while A was in the middle of modifying it (the queue is not thread-safe)",
    );
    const fine = play(race, ["A", "A", "B", "B"]);
    expect(fine.outcome?.kind).toBe("finished");
  });

  it("keeps items in order; size sees the last finished operation", () => {
    const level = mini({ shared: { q: { type: "queue", items: [5] }, out: [0, 0] }, threads: ["q.enqueue(6);", "out[0] = q.size();\nout[1] = q.dequeue();"], win: ALL });
    const s = play(level, ["A", "B", "B", "A", "B", "B", "B"]);
    expect(valueOf(s, "out", 0)).toBe(1);
    expect(valueOf(s, "out", 1)).toBe(5);
  });
});

describe("exceptions from expressions", () => {
  it("reports an index out of range and division by zero", () => {
    const idx = mini({ shared: { a: [1, 2], i: 2 }, threads: ["int v = a[i];"], win: ALL });
    expect(play(idx, ["A", "A"]).outcome?.message).toBe("A threw an exception at line 1: index 2 is out of range for a, which has 2 elements");
    const div = mini({ shared: { z: 0 }, threads: ["int v = 10 / z;"], win: ALL });
    expect(play(div, ["A"]).outcome?.message).toBe("A threw an exception at line 1: it divided by zero");
  });

  it("ints wrap around at 32 bits", () => {
    const level = mini({ shared: { x: 2147483647 }, threads: ["x++;"], win: ALL });
    expect(valueOf(play(level, ["A", "A"]), "x")).toBe(-2147483648);
  });
});

describe("outcomes", () => {
  it("exit() ends the program as a loss", () => {
    const level = mini({ threads: ["exit();"], win: ALL });
    expect(play(level, ["A"]).outcome).toMatchObject({ kind: "exit", win: false });
  });

  it("two threads at a critical section at once is mutual exclusion, checked even in the initial state", () => {
    const level = mini({ threads: ["critical_section();", "critical_section();"], win: ALL });
    expect(initialState(level.program).outcome).toMatchObject({ kind: "mutual-exclusion", win: true, message: "A and B are both in the critical section" });
  });

  it("an outcome not listed in win is a loss", () => {
    const level = mini({ threads: ["assert(false);"], win: ["deadlock"] });
    expect(play(level, ["A"]).outcome).toMatchObject({ kind: "assertion", win: false });
  });
});

describe("TSO store buffers", () => {
  const dekker = {
    shared: { x: 0, y: 0, r: [0, 0] },
    threads: ["x = 1;\nr[0] = y;", "y = 1;\nr[1] = x;"],
  };
  it("a write waits in the buffer; the writer sees it, others do not until a flush", () => {
    const level = mini({ ...dekker, win: ALL, options: { memoryModel: "tso" } });
    let s = play(level, ["A"]);
    expect(valueOf(s, "x")).toBe(0);
    expect(legalMoves(s).map((m) => formatMove(level.program, m))).toEqual(["A", "B", "A:flush"]);
    s = play(level, ["A:flush"], s);
    expect(valueOf(s, "x")).toBe(1);
  });

  it("the program is not finished until every buffer is empty", () => {
    const level = mini({ ...dekker, win: ALL, options: { memoryModel: "tso" } });
    const s = play(level, ["A", "A", "A", "B", "B", "B"]); // x = 1; then r[0] = y is a read and a write
    expect(s.outcome).toBeNull();
    expect(play(level, ["A:flush", "A:flush", "B:flush", "B:flush"], s).outcome?.kind).toBe("finished");
  });

  it("a fence drains the buffer in its own step", () => {
    const level = mini({ shared: { x: 0 }, threads: ["x = 1;\nfence();"], win: ALL, options: { memoryModel: "tso" } });
    const s = play(level, ["A", "A"]);
    expect(valueOf(s, "x")).toBe(1);
    expect(s.outcome?.kind).toBe("finished");
  });
});
