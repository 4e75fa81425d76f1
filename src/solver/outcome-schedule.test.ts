// "Show a schedule for this": a shortest schedule to the outcome a hardware trial had, under SC
// first, then TSO; none when neither model reaches it. Every schedule replays through the engine.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatMove, parseLevel, replay, type Level, type Program } from "../engine/index";
import { outcomeSchedule, scheduleForOutcome, underTSO } from "./outcome-schedule";

const loadLevel = (text: string): Level => {
  const parsed = parseLevel(text);
  if (!parsed.ok) throw new Error(parsed.error.map((e) => e.message).join("; "));
  return parsed.value;
};
const loadText = (text: string): Program => loadLevel(text).program;
const lostUpdateText = readFileSync("levels/lost-update.json", "utf8");
const lostUpdate = loadText(lostUpdateText);
const BUDGET = { maxStates: 100_000 };

/** Store buffering: each thread writes its flag, then reads the other's. Both read 0 only under TSO. */
const storeBufferText = JSON.stringify({
  format: 1,
  id: "store-buffer",
  title: "Store buffer",
  summary: "Both read 0?",
  win: ["assertion"],
  breakable: false,
  shared: { x: 0, y: 0, a: 1, b: 1 },
  threads: [
    { name: "Ann", code: "x = 1;\na = y;" },
    { name: "Bob", code: "y = 1;\nb = x;" },
  ],
});
const storeBuffer = loadText(storeBufferText);

const names = (p: Program, moves: ReturnType<typeof replay>["state"]["schedule"]) => moves.map((m) => formatMove(p, m));

describe("scheduleForOutcome", () => {
  it("finds a finished run's final state with a shortest schedule", () => {
    // lost-update finishes with balance 200 when no deposit is lost: Al's 4 steps, then Bea's 5.
    const found = scheduleForOutcome(lostUpdate, { kind: "finished", shared: [200, 1] }, BUDGET);
    expect(found.status).toBe("found");
    if (found.status !== "found") return;
    expect(found.schedule).toHaveLength(7);
    const end = replay(lostUpdate, found.schedule).state;
    expect(end.outcome?.kind).toBe("finished");
    expect(Array.from(end.packed.subarray(0, lostUpdate.sharedLength))).toEqual([200, 1]);
  });

  it("finds the failed assertion of a thread at its line, as the solver's shortest win", () => {
    const found = scheduleForOutcome(lostUpdate, { kind: "assertion", thread: 1, line: 5 }, BUDGET);
    expect(found.status).toBe("found");
    if (found.status !== "found") return;
    expect(names(lostUpdate, found.schedule)).toEqual(["Teller Al", "Teller Bea", "Teller Al", "Teller Al", "Teller Bea", "Teller Bea", "Teller Bea"]);
    const end = replay(lostUpdate, found.schedule).state;
    expect(end.outcome?.kind).toBe("assertion");
  });

  it("says none for an assertion at a line where no thread can fail, after searching every state", () => {
    expect(scheduleForOutcome(lostUpdate, { kind: "assertion", thread: 0, line: 5 }, BUDGET)).toEqual({ status: "none", states: 20 });
    expect(scheduleForOutcome(lostUpdate, { kind: "deadlock" }, BUDGET).status).toBe("none");
  });

  it("says unknown when the budget runs out first", () => {
    expect(scheduleForOutcome(lostUpdate, { kind: "deadlock" }, { maxStates: 5 }).status).toBe("unknown");
  });
});

describe("outcomeSchedule: SC first, then TSO", () => {
  it("answers under SC when SC reaches the outcome", () => {
    const answer = outcomeSchedule(loadLevel(lostUpdateText), { kind: "assertion", thread: 1, line: 5 }, BUDGET);
    expect(answer).toMatchObject({ status: "found", model: "sc" });
  });

  it("finds a TSO-only final state under TSO, with its flushes, as a shortest schedule", () => {
    // a = 0 and b = 0: both reads ran before either write left its store buffer.
    const target = { kind: "finished" as const, shared: [1, 1, 0, 0] };
    expect(scheduleForOutcome(storeBuffer, target, BUDGET).status).toBe("none");
    const answer = outcomeSchedule(loadLevel(storeBufferText), target, BUDGET);
    expect(answer.status).toBe("found");
    if (answer.status !== "found") return;
    expect(answer.model).toBe("tso");
    const tso = underTSO(loadLevel(storeBufferText).spec)!;
    // Both threads' steps (a write into the buffer, a read, the local write), then the four writes leave.
    expect(answer.schedule.map((m) => formatMove(tso, m))).toEqual(["Ann", "Ann", "Ann", "Bob", "Bob", "Bob", "Ann:flush", "Ann:flush", "Bob:flush", "Bob:flush"]);
    const end = replay(tso, answer.schedule).state;
    expect(end.outcome?.kind).toBe("finished");
    expect(Array.from(end.packed.subarray(0, tso.sharedLength))).toEqual([1, 1, 0, 0]);
  });

  it("says none, under both models, when neither reaches the outcome", () => {
    const answer = outcomeSchedule(loadLevel(storeBufferText), { kind: "finished", shared: [1, 1, 7, 7] }, BUDGET);
    expect(answer).toEqual({ status: "none", tried: ["sc", "tso"] });
  });
});
