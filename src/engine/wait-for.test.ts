// The wait-for graph at the end of the campaign's deadlock levels (their solutions), and of small
// levels for the objects the campaign does not deadlock on.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel, parseMove, replay, type Move } from "./index";
import { mini, play } from "./testing/levels";
import { waitForGraph, type WaitForGraph } from "./wait-for";

function solved(id: string) {
  const parsed = parseLevel(readFileSync(new URL(`../../levels/${id}.json`, import.meta.url), "utf8"));
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  const p = parsed.value.program;
  const { state } = replay(p, parsed.value.spec.solution!.map((m) => parseMove(p, m) as Move));
  expect(state.outcome?.kind).toBe("deadlock");
  return waitForGraph(state);
}

const texts = (g: WaitForGraph) => g.waits.map((w) => w.text);
const marked = (g: WaitForGraph) => ({
  nodes: g.nodes.filter((n) => n.inCycle).map((n) => n.id),
  edges: g.edges.filter((e) => e.inCycle).map((e) => `${e.from} ${e.label} ${e.to}`),
});

describe("waitForGraph on the campaign's deadlocks", () => {
  it("crossed-transfers: two tellers, each holding the account the other waits for", () => {
    const g = solved("crossed-transfers");
    expect(g.summary).toBe("Cycle: Teller 0 waits for acct[1], held by Teller 1; Teller 1 waits for acct[0], held by Teller 0.");
    expect(g.cycle).toEqual([{ thread: 0, object: "acct[1]" }, { thread: 1, object: "acct[0]" }]);
    expect(marked(g)).toEqual({
      nodes: ["t0", "t1", "o:acct[1]", "o:acct[0]"],
      edges: ["t0 waits for o:acct[1]", "t1 waits for o:acct[0]", "o:acct[0] held by t0", "o:acct[1] held by t1"],
    });
  });

  it("five-philosophers: the cycle goes round all five forks", () => {
    const g = solved("five-philosophers");
    expect(g.cycle!.map((c) => `${c.thread}:${c.object}`)).toEqual(["0:forks[1]", "1:forks[2]", "2:forks[3]", "3:forks[4]", "4:forks[0]"]);
    expect(marked(g).edges).toHaveLength(10);
  });

  it("locked-out: a thread waiting for a mutex it holds is a cycle of one; the thread behind it is not in it", () => {
    const g = solved("locked-out");
    expect(g.summary).toBe("Cycle: Depositor waits for m, held by Depositor itself.");
    expect(marked(g)).toEqual({ nodes: ["t0", "o:m"], edges: ["t0 waits for o:m", "o:m held by t0"] });
    expect(texts(g)).toEqual(["Depositor waits for m, held by Depositor itself (a mutex is not re-entrant)", "Withdrawer waits for m, held by Depositor"]);
  });

  it("table-lock: only the two philosophers in the cycle are marked, not the three queued for the table", () => {
    const g = solved("table-lock");
    expect(g.summary).toBe("Cycle: Philosopher 0 waits for table, held by Philosopher 1; Philosopher 1 waits for forks[1], held by Philosopher 0.");
    expect(marked(g).nodes).toEqual(["t0", "t1", "o:table", "o:forks[1]"]);
  });

  it("payday: a chain that ends in a condition nobody can signal has no cycle", () => {
    const g = solved("payday");
    expect(g.cycle).toBeNull();
    expect(g.summary).toBe(
      "A lost wake-up. Nobody is left to signal funds. Paymaster waits on funds for a signal; no thread can signal it. Treasurer waits for companyLock, held by Auditor. Auditor waits for staffLock, held by Paymaster.",
    );
    expect(marked(g)).toEqual({ nodes: [], edges: [] });
  });

  it("card-declined: a finished thread still holds the lock", () => {
    const g = solved("card-declined");
    expect(texts(g)).toEqual(["Manager waits for m, held by ATM 1, which has finished", "ATM 1 finished while still holding m, so nobody can take it"]);
    expect(g.nodes.find((n) => n.id === "t1")).toMatchObject({ status: "finished", detail: "finished" });
    expect(g.edges.map((e) => `${e.from} ${e.label} ${e.to}`)).toEqual(["t2 waits for o:m", "o:m held by t1"]);
  });

  it("after-you: busy-waiting threads spin on their loop's condition", () => {
    const g = solved("after-you");
    expect(texts(g)).toEqual([
      "Keeper 0 spins on while (wants[1 - id]): waits for wants[1 - id] to become false; no thread can clear it",
      "Keeper 1 spins on while (wants[1 - id]): waits for wants[1 - id] to become false; no thread can clear it",
    ]);
    expect(g.nodes.filter((n) => n.kind === "spin").map((n) => [n.id, n.label])).toEqual([["spin0", "while (wants[1 - id])"], ["spin1", "while (wants[1 - id])"]]);
    expect(g.edges.map((e) => `${e.from} ${e.label} ${e.to}`)).toEqual(["t0 spins on spin0", "t1 spins on spin1"]);
  });

  it("short-pulse and level-crossing: waits on an event and a condition", () => {
    expect(texts(solved("short-pulse"))).toEqual(["Booster 0 waits for ignite to be set; no thread can set it", "Booster 1 waits for ignite to be set; no thread can set it"]);
    expect(texts(solved("level-crossing"))).toEqual(["Cart 1 waits on gate for a signal; no thread can signal it"]);
  });
});

describe("the kind of deadlock, named from the state", () => {
  const kinds = (id: string) => {
    const d = solved(id).deadlock!;
    return [d.kind, d.name, d.sentence];
  };

  it("lost-wakeup: the porter sleeps in the wait set and nobody is left to signal it", () => {
    expect(kinds("lost-wakeup")).toEqual(["lost-wake-up", "a lost wake-up", "Nobody is left to signal arrived."]);
    expect(solved("lost-wakeup").summary).toBe(
      "A lost wake-up. Nobody is left to signal arrived. Porter waits on arrived for a signal; no thread can signal it.",
    );
  });

  it("a cycle, a thread waiting for itself, a lock left held, a pulse nobody repeats, spinning", () => {
    expect(kinds("crossed-transfers")).toEqual([
      "cycle", "a cycle of waits", "Cycle: Teller 0 waits for acct[1], held by Teller 1; Teller 1 waits for acct[0], held by Teller 0.",
    ]);
    expect(kinds("locked-out")).toEqual(["self", "a thread waits for itself", "Depositor waits for m, which it holds itself."]);
    expect(kinds("card-declined")).toEqual(["abandoned-lock", "a lock left held", "ATM 1 finished while still holding m, so nobody can take it."]);
    expect(kinds("short-pulse")).toEqual(["no-signal", "a signal that never comes", "Nobody is left to set ignite."]);
    expect(kinds("lock-before-bell")[0]).toBe("no-signal");
    expect(kinds("after-you")).toEqual([
      "busy-wait", "busy-waiting forever", "Keeper 0 and Keeper 1 spin for good: nobody is left to change what they wait for.",
    ]);
  });

  it("is derived from the state, not from the level: a condition nobody can signal in any level is a lost wake-up", () => {
    const level = mini({ shared: { m: { type: "mutex" }, c: { type: "condition", mutex: "m" } }, threads: ["m.lock();\nc.wait();\nm.unlock();"], win: ["deadlock"] });
    const g = waitForGraph(play(level, ["A", "A"]));
    expect(g.deadlock).toEqual({ kind: "lost-wake-up", name: "a lost wake-up", sentence: "Nobody is left to signal c." });
  });

  it("is null while the game goes on", () => {
    const level = mini({ shared: { m: { type: "mutex" } }, threads: ["m.lock();\nm.unlock();", "m.lock();"] });
    expect(waitForGraph(play(level, ["A"])).deadlock).toBeNull();
  });
});

describe("waitForGraph on small levels", () => {
  it("a spin on a negated flag waits for it to become true", () => {
    const level = mini({ shared: { flag: false }, threads: ["while (!flag) {\n}"], win: ["deadlock"] });
    const start = play(level, []);
    expect(start.outcome?.kind).toBe("deadlock"); // it can never leave the loop: stuck from the start
    const g = waitForGraph(start);
    expect(texts(g)).toEqual(["A spins on while (!flag): waits for flag to become true; no thread can set it"]);
  });

  it("semaphores, barriers and countdowns", () => {
    const level = mini({
      shared: { s: { type: "semaphore" }, b: { type: "barrier", parties: 3 }, latch: { type: "countdown", value: 2 } },
      threads: ["s.wait();", "b.wait();", "latch.wait();"],
    });
    const state = play(level, ["B"]);
    expect(state.outcome?.kind).toBe("deadlock");
    const g = waitForGraph(state);
    expect(texts(g)).toEqual([
      "A waits for s (its value is 0); no thread can signal it",
      "B waits at b (1 of 3 arrived); no thread can arrive",
      "C waits for latch to count down to 0 (it is 2); no thread can count it down",
    ]);
    expect(g.nodes.filter((n) => n.kind === "object").map((n) => `${n.label}: ${n.detail}`)).toEqual(["s: value 0", "b: 1 of 3 arrived", "latch: count 2"]);
  });

  it("read-write locks: a writer waits for the readers holding it, in a cycle", () => {
    const level = mini({
      shared: { rw: { type: "rwlock" }, m: { type: "mutex" } },
      threads: ["rw.readLock();\nm.lock();", "m.lock();\nrw.writeLock();"],
    });
    const g = waitForGraph(play(level, ["A", "B"]));
    expect(g.summary).toBe("Cycle: A waits for m, held by B; B waits for rw, held by A.");
    expect(g.edges.map((e) => `${e.from} ${e.label} ${e.to}`)).toEqual(["t0 waits for o:m", "t1 waits for o:rw", "o:rw held by t0", "o:m held by t1"]);
  });

  it("mid-game, a blocked thread waits for the lock's holder, without claiming nobody can help", () => {
    const level = mini({ shared: { m: { type: "mutex" }, s: { type: "semaphore" } }, threads: ["m.lock();\nm.unlock();", "m.lock();", "s.wait();", "s.signal();"] });
    const g = waitForGraph(play(level, ["A"]));
    expect(texts(g)).toEqual(["B waits for m, held by A", "C waits for s (its value is 0)"]);
    expect(g.nodes.slice(0, 4).map((n) => n.status)).toEqual(["can-run", "blocked", "blocked", "can-run"]);
    expect(g.summary).toBe("No cycle. B waits for m, held by A. C waits for s (its value is 0).");
  });
});
