// The solver, as a table per level (verdict, outcome, shortest schedule, reachable states), and
// as properties: every schedule it returns replays through the engine to the outcome it claims.

import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currentCode, formatMove, initialState, legalMoves, parseLevel, parseMove, replay, step, type Level, type Move } from "../engine/index";
import { mini } from "../engine/testing/levels";
import { randomLevel } from "../engine/testing/random-levels";
import { judge } from "./judge";
import { solve } from "./solve";

const levelFiles = readdirSync("levels").filter((f) => f.endsWith(".json") && f !== "campaign.json" && !f.endsWith(".schema.json"));

function load(file: string): Level {
  const parsed = parseLevel(readFileSync(`levels/${file}`, "utf8"), file);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.map((e) => e.message).join("; ")}`);
  return parsed.value;
}

describe("solver table: one row per level", () => {
  const TABLE: Record<string, { verdict: string; outcome?: string; shortest?: number; states: number }> = {
    // First Steps
    "first-steps": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 2, states: 7 },
    "one-statement-two-steps": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 6, states: 37 },
    "closing-time": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 5, states: 42 },
    // Races
    "lost-update": { verdict: "breakable", outcome: "assertion", shortest: 7, states: 20 },
    "fix-lost-update": { verdict: "fix-it", outcome: "assertion", shortest: 7, states: 23 },
    "fix-lost-update-atomic": { verdict: "fix-it", outcome: "deadlock", shortest: 8, states: 11 },
    "last-ticket": { verdict: "breakable", outcome: "assertion", shortest: 7, states: 31 },
    "fix-last-ticket": { verdict: "fix-it", outcome: "assertion", shortest: 7, states: 25 },
    "flag-guard": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 6, states: 23 },
    "two-counters": { verdict: "breakable", outcome: "assertion", shortest: 13, states: 102 },
    "harvest-tally": { verdict: "breakable", outcome: "assertion", shortest: 15, states: 244 },
    // Locks
    "half-a-lock": { verdict: "breakable", outcome: "assertion", shortest: 17, states: 65 },
    "locked-out": { verdict: "breakable", outcome: "deadlock", shortest: 4, states: 9 },
    "card-declined": { verdict: "breakable", outcome: "deadlock", shortest: 9, states: 50 },
    "try-the-vault": { verdict: "breakable", outcome: "exception", shortest: 5, states: 25 },
    "crossed-transfers": { verdict: "breakable", outcome: "deadlock", shortest: 6, states: 31 },
    "fix-crossed-transfers": { verdict: "fix-it", outcome: "deadlock", shortest: 8, states: 260 },
    "richest-first": { verdict: "breakable", outcome: "deadlock", shortest: 20, states: 877 },
    // Semaphores
    "dj-booth": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 4, states: 26 },
    "wrong-way-round": { verdict: "breakable", outcome: "assertion", shortest: 2, states: 3 },
    "fix-wrong-way-round": { verdict: "fix-it", outcome: "assertion", shortest: 4, states: 9 },
    "soundcheck": { verdict: "breakable", outcome: "assertion", shortest: 4, states: 10 },
    "bouncer": { verdict: "breakable", outcome: "assertion", shortest: 15, states: 619 },
    // Producers and Consumers
    "busy-hatch": { verdict: "breakable", outcome: "assertion", shortest: 44, states: 413 },
    "crossed-bells": { verdict: "breakable", outcome: "assertion", shortest: 23, states: 144 },
    "two-cooks": { verdict: "breakable", outcome: "assertion", shortest: 27, states: 760 },
    "fix-two-cooks": { verdict: "fix-it", outcome: "assertion", shortest: 35, states: 10816 },
    "lock-before-bell": { verdict: "breakable", outcome: "deadlock", shortest: 26, states: 141 },
    // Condition Variables
    "wrong-lock": { verdict: "breakable", outcome: "exception", shortest: 3, states: 7 },
    "lost-wakeup": { verdict: "breakable", outcome: "deadlock", shortest: 7, states: 25 },
    "fix-lost-wakeup": { verdict: "fix-it", outcome: "deadlock", shortest: 7, states: 18 },
    "spurious-wakeup": { verdict: "breakable", outcome: "assertion", shortest: 6, states: 16 },
    "barging": { verdict: "breakable", outcome: "exception", shortest: 15, states: 116 },
    "fix-barging": { verdict: "fix-it", outcome: "exception", shortest: 17, states: 171 },
    "level-crossing": { verdict: "breakable", outcome: "deadlock", shortest: 14, states: 69 },
    "one-bell": { verdict: "breakable", outcome: "deadlock", shortest: 24, states: 346 },
    // Readers and Writers
    "reading-room": { verdict: "breakable", outcome: "assertion", shortest: 8, states: 174 },
    "fix-reading-room": { verdict: "fix-it", outcome: "assertion", shortest: 9, states: 352 },
    "late-notice": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 18, states: 80 },
    "fair-if": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 14, states: 69 },
    // Dining Philosophers
    "five-philosophers": { verdict: "breakable", outcome: "deadlock", shortest: 10, states: 2075 },
    "fix-philosophers": { verdict: "fix-it", outcome: "deadlock", shortest: 6, states: 1124 },
    "table-lock": { verdict: "breakable", outcome: "deadlock", shortest: 11, states: 1367 },
    "lowest-fork-first": { verdict: "safe", states: 82336 },
    "left-handed": { verdict: "safe", states: 17063 },
    // Mutual Exclusion Without Locks
    "test-then-set": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 6, states: 23 },
    "spinlock": { verdict: "safe", states: 32 },
    "cas-counter": { verdict: "safe", states: 367 },
    "after-you": { verdict: "breakable", outcome: "deadlock", shortest: 4, states: 17 },
    "peterson": { verdict: "safe", states: 58 },
    "peterson-three": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 13, states: 626 },
    "filter-lock": { verdict: "safe", states: 9203 },
    // High-Level Primitives
    "short-pulse": { verdict: "breakable", outcome: "deadlock", shortest: 4, states: 25 },
    "short-count": { verdict: "breakable", outcome: "assertion", shortest: 6, states: 34 },
    "suit-up": { verdict: "breakable", outcome: "assertion", shortest: 5, states: 30 },
    "telemetry-queue": { verdict: "breakable", outcome: "exception", shortest: 4, states: 13 },
    "counting-twice": { verdict: "breakable", outcome: "exception", shortest: 8, states: 52 },
    "flight-plan": { verdict: "breakable", outcome: "assertion", shortest: 18, states: 75 },
    // The Memory Model
    "dekker-by-mail": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 6, states: 60 },
    "ships-in-the-night": { verdict: "breakable", outcome: "assertion", shortest: 13, states: 194 },
    "wait-for-the-mailboat": { verdict: "safe", states: 138 },
    "message-in-order": { verdict: "safe", states: 8 },
    "peterson-by-mail": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 8, states: 136 },
    "fix-peterson-by-mail": { verdict: "fix-it", outcome: "mutual-exclusion", shortest: 6, states: 211 },
    "fence-in-the-middle": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 13, states: 291 },
    "the-right-fence": { verdict: "safe", states: 234 },
    // Boss Fights
    "payday": { verdict: "breakable", outcome: "deadlock", shortest: 9, states: 45 },
    "hotel-barber": { verdict: "breakable", outcome: "mutual-exclusion", shortest: 31, states: 379 },
    "once-round-the-hotel": { verdict: "breakable", outcome: "deadlock", shortest: 43, states: 1236 },
  };

  it("covers every level file", () => {
    expect(levelFiles.map((f) => f.replace(/\.json$/, "")).sort()).toEqual(Object.keys(TABLE).sort());
  });

  it.each(Object.entries(TABLE))("%s", (id, row) => {
    const level = load(`${id}.json`);
    if (row.verdict === "fix-it") {
      // A fix-it row: the forbidden outcome the broken code reaches, and the states of the reference fix's proof.
      const { spec } = level;
      const broken = judge(spec, currentCode(spec));
      const reference = judge(spec, spec.fix!.reference);
      const brokenRow = broken.verdict === "broken" ? { outcome: broken.outcome, shortest: broken.schedule.length } : {};
      expect({ verdict: reference.verdict === "fixed" ? "fix-it" : reference.verdict, ...brokenRow, states: "states" in reference ? reference.states : 0 }).toEqual(row);
      return;
    }
    const result = solve(level.program);
    expect({ verdict: result.verdict, outcome: result.outcome, shortest: result.schedule?.length, states: result.states }).toEqual(row);
  });
});

describe("every level", () => {
  it.each(levelFiles)("%s: its solution replays to a win, and so does the solver's schedule (or it is proved safe)", (file) => {
    const level = load(file);
    const solved = solve(level.program);
    if (level.spec.breakable === false) {
      expect(solved.verdict).toBe("safe");
      expect(level.spec.solution).toBeUndefined();
      return;
    }
    const moves = (level.spec.solution ?? []).map((m) => parseMove(level.program, m));
    expect(moves.every((m) => m !== null)).toBe(true);
    const played = replay(level.program, moves as Move[]);
    expect(played.error).toBeUndefined();
    expect(played.state.outcome?.win).toBe(true);
    const again = replay(level.program, solved.schedule!);
    expect(again.state.outcome).toMatchObject({ kind: solved.outcome, win: true });
  });
});

describe("proofs", () => {
  it("proves Peterson's algorithm for two threads safe", () => {
    const peterson = (me: number, other: number) =>
      `flag[${me}] = true;\nturn = ${other};\nwhile (flag[${other}] && turn == ${other}) {\n}\ncritical_section();\nflag[${me}] = false;`;
    const level = mini({ shared: { flag: [false, false], turn: 0 }, threads: [peterson(0, 1), peterson(1, 0)], win: ["mutual-exclusion"] });
    const result = solve(level.program);
    expect(result.verdict).toBe("safe");
    expect(result.states).toBeGreaterThan(10);
  });

  it("gives the same answers when the values do not fit in 16 bits", () => {
    // States are stored in 16 bits while every value fits; 100,000 does not, and widens the store.
    const level = (start: number) =>
      mini({ shared: { x: start }, threads: ["int t = x;\nx = t + 1;", "int t = x;\nx = t + 1;", `assert(x != ${start + 1});`], win: ["assertion"] });
    const small = solve(level(0).program);
    const large = solve(level(100_000).program);
    expect(small).toMatchObject({ verdict: "breakable", outcome: "assertion" });
    expect(large.bytesPerState).toBeGreaterThan(small.bytesPerState);
    expect([large.verdict, large.outcome, large.schedule, large.states]).toEqual([small.verdict, small.outcome, small.schedule, small.states]);
  });

  it("says unknown when the state budget runs out", () => {
    const level = mini({ shared: { x: 0 }, threads: ["while (true) {\n  x++;\n}", "while (true) {\n  x--;\n}"], win: ["assertion"] });
    expect(solve(level.program, { maxStates: 500 }).verdict).toBe("unknown");
  });

  it("finds store buffering under TSO but not under SC, and a fence forbids it", () => {
    const code = (mine: string, theirs: string, slot: number, fence: boolean) =>
      `${mine} = 1;\n${fence ? "fence();\n" : ""}r[${slot}] = ${theirs};`;
    const checker = "while (!(doneA && doneB)) {\n}\nassert(!(r[0] == 0 && r[1] == 0));";
    const make = (tso: boolean, fence: boolean) =>
      mini({
        shared: { x: 0, y: 0, r: [1, 1], doneA: false, doneB: false },
        threads: [
          `${code("x", "y", 0, fence)}\ndoneA = true;\nfence();`,
          `${code("y", "x", 1, fence)}\ndoneB = true;\nfence();`,
          checker,
        ],
        win: ["assertion"],
        options: { memoryModel: tso ? "tso" : "sc" },
      });
    expect(solve(make(false, false).program).verdict).toBe("safe");
    const tso = solve(make(true, false).program);
    expect(tso.verdict).toBe("breakable");
    // Each thread reads the other's flag while its own write still sits in its buffer.
    expect(tso.schedule!.map((m) => formatMove(make(true, false).program, m)).join(" ")).toBe("A A A A B B A B B B C C C C");
    expect(solve(make(true, true).program).verdict).toBe("safe");
  });

  it("finds a win that needs a spurious wakeup", () => {
    const level = mini({
      shared: { m: { type: "mutex" }, c: { type: "condition", mutex: "m" }, ready: false },
      threads: ["m.lock();\nif (!ready) {\n  c.wait();\n}\nassert(ready);\nm.unlock();"],
      win: ["assertion"],
      options: { spuriousWakeups: true },
    });
    const result = solve(level.program);
    expect(result.schedule!.map((m) => formatMove(level.program, m))).toEqual(["A", "A", "A", "A:wake", "A", "A"]);
  });
});

describe("properties", () => {
  it("every schedule the solver returns replays through step to the outcome it claims", () => {
    fc.assert(
      fc.property(randomLevel, (level) => {
        const result = solve(level.program, { maxStates: 20_000 });
        if (result.verdict !== "breakable") return;
        const played = replay(level.program, result.schedule!);
        expect(played.error).toBeUndefined();
        expect(played.state.outcome).toMatchObject({ kind: result.outcome, win: true });
        // Shortest: no prefix already won.
        if (result.schedule!.length > 0) expect(replay(level.program, result.schedule!.slice(0, -1)).state.outcome).toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it("random schedules never make step throw", () => {
    fc.assert(
      fc.property(randomLevel, fc.array(fc.nat(), { maxLength: 40 }), (level, picks) => {
        let state = initialState(level.program);
        const n = level.program.threads.length;
        for (const pick of picks) {
          // Mostly legal moves, some illegal ones: both must come back as values.
          const legal = legalMoves(state);
          const move: Move = pick % 4 === 0 || legal.length === 0
            ? { kind: (["step", "wake", "flush"] as const)[pick % 3], thread: pick % (n + 1) }
            : legal[pick % legal.length];
          const next = step(state, move);
          if (next.ok) state = next.value;
        }
      }),
      { numRuns: 200 },
    );
  });
});
