// The game slice's part in what a player sees after a game ends and when they claim a level
// cannot break: the final state stays on the board when the outcome dialog is closed, a claim
// needs a try first, a right claim solves the level, and a wrong one costs the win.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel, parseMove, replay, type Level, type Move } from "../../engine/index";
import { outcomeSchedule, underTSO } from "../../solver/outcome-schedule";
import type { LoadedLevel } from "./game-slice";
import { memoryStorage } from "./progress";
import { createAppStore } from "./store";

function campaign(id: string): LoadedLevel {
  const text = readFileSync(new URL(`../../../levels/${id}.json`, import.meta.url), "utf8");
  const parsed = parseLevel(text);
  if (!parsed.ok) throw new Error(`${id}.json does not parse`);
  return { id, text, level: parsed.value, source: "campaign" };
}

const firstSteps = campaign("first-steps");
const peterson = campaign("peterson");
const moves = (loaded: LoadedLevel, names: string[]): Move[] => names.map((n) => parseMove(loaded.level.program, n)!);

function open(loaded: LoadedLevel) {
  const store = createAppStore({ storage: memoryStorage({}) });
  store.getState().openLevel(loaded);
  return store;
}

describe("after a game ends", () => {
  it("closing the outcome keeps the final state on the board; Undo still takes the move back", () => {
    const store = open(firstSteps);
    for (const m of moves(firstSteps, ["Clerk Ada", "Clerk Bo"])) store.getState().play(m);
    const won = store.getState().game!;
    expect(won.outcome?.kind).toBe("mutual-exclusion");
    store.getState().closeOutcome();
    expect(store.getState().game).toBe(won);
    expect(store.getState().closedOutcome).toBe(won);
    // Stepping stays impossible while it is over: the engine says so.
    expect(store.getState().play(moves(firstSteps, ["Clerk Ada"])[0])?.message).toBe("The game is over: undo or reset to play on.");
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().game!.schedule).toHaveLength(1);
    // Redo comes back to the same ended game, whose dialog stays closed; "Show the outcome" reopens it.
    store.getState().redo();
    expect(store.getState().closedOutcome).toBe(store.getState().game);
    store.getState().reopenOutcome();
    expect(store.getState().closedOutcome).toBeNull();
  });

  it("a game that has not ended has no outcome to close", () => {
    const store = open(firstSteps);
    store.getState().closeOutcome();
    expect(store.getState().closedOutcome).toBeNull();
  });
});

describe("the claim that a level cannot break", () => {
  it("is allowed once every thread has moved (a try), and a right claim solves a prove-it level", () => {
    const store = open(peterson);
    expect(store.getState().tried).toBe(false);
    store.getState().play(moves(peterson, ["Keeper 0"])[0]);
    expect(store.getState().tried).toBe(false);
    store.getState().play(moves(peterson, ["Keeper 1"])[0]);
    expect(store.getState().tried).toBe(true);
    // A reset does not take the try back.
    store.getState().reset();
    expect(store.getState().tried).toBe(true);
    store.getState().settleClaim({ right: true, states: 1234 });
    expect(store.getState().claim).toEqual({ right: true, states: 1234 });
    expect(Object.keys(store.getState().solved)).toEqual(["peterson"]);
  });

  it("a thread that cannot move does not hold the try back", () => {
    const text = JSON.stringify({
      format: 1, id: "one-lock", title: "One Lock", summary: "A lock that works.", win: ["mutual-exclusion"], breakable: false,
      shared: { m: { type: "mutex" } },
      threads: [{ name: "P", code: "m.lock();\ncritical_section();\nm.unlock();" }, { name: "Q", code: "m.lock();\ncritical_section();\nm.unlock();" }],
    });
    const parsed = parseLevel(text);
    if (!parsed.ok) throw new Error("the level does not parse");
    const store = open({ id: "one-lock", text, level: parsed.value, source: "link" });
    store.getState().play({ kind: "step", thread: 0 }); // P takes m: Q is blocked, and has tried all it can
    expect(store.getState().tried).toBe(true);
  });

  it("a wrong claim costs the win: breaking the code afterwards does not solve the level", () => {
    const store = open(firstSteps);
    const schedule = moves(firstSteps, ["Clerk Ada", "Clerk Bo"]);
    store.getState().settleClaim({ right: false, outcome: "mutual-exclusion", schedule });
    for (const m of schedule) store.getState().play(m);
    expect(store.getState().game!.outcome?.win).toBe(true);
    expect(store.getState().solved).toEqual({});
    // The first answer stands: a second claim changes nothing.
    store.getState().settleClaim({ right: true, states: 1 });
    expect(store.getState().claim).toEqual({ right: false, outcome: "mutual-exclusion", schedule });
  });

  it("without a claim, breaking the code solves the level; opening another level forgets claim and try", () => {
    const store = open(firstSteps);
    for (const m of moves(firstSteps, ["Clerk Ada", "Clerk Bo"])) store.getState().play(m);
    expect(Object.keys(store.getState().solved)).toEqual(["first-steps"]);
    expect(store.getState().tried).toBe(true);
    store.getState().settleClaim({ right: false, outcome: "mutual-exclusion", schedule: [] });
    store.getState().openLevel(peterson);
    expect(store.getState()).toMatchObject({ tried: false, claim: null, closedOutcome: null });
  });
});

describe("a schedule loaded to step through (hardware mode's schedule for an outcome)", () => {
  it("starts over with the moves on the redo stack; Redo plays them to the outcome without solving the level", () => {
    const store = open(firstSteps);
    store.getState().play(moves(firstSteps, ["Clerk Bo"])[0]);
    expect(store.getState().loadSchedule(moves(firstSteps, ["Clerk Ada", "Clerk Bo"]))).toBeNull();
    expect(store.getState().game!.schedule).toEqual([]);
    expect(store.getState().redo()).toBe(true);
    expect(store.getState().game!.schedule).toEqual(moves(firstSteps, ["Clerk Ada"]));
    expect(store.getState().redo()).toBe(true);
    expect(store.getState().game!.outcome?.kind).toBe("mutual-exclusion");
    expect(store.getState().redo()).toBe(false);
    expect(store.getState().solved["first-steps"]).toBeUndefined();
  });

  it("refuses a schedule the level cannot play, and keeps the game", () => {
    const store = open(firstSteps);
    const before = store.getState().game;
    expect(store.getState().loadSchedule([{ kind: "flush", thread: 0 }])?.code).toBe("empty-buffer");
    expect(store.getState().game).toBe(before);
  });
});

describe("a schedule found only under TSO, on an SC level", () => {
  it("plays on the level's TSO twin, solves nothing, and goes back to the level as written", () => {
    const store = open(peterson);
    const answer = outcomeSchedule(peterson.level, { kind: "mutual-exclusion" }, { maxStates: 200_000 });
    if (answer.status !== "found") throw new Error("no schedule under TSO");
    expect(answer.model).toBe("tso");
    const twin: Level = { spec: { ...peterson.level.spec, options: { ...peterson.level.spec.options, memoryModel: "tso" } }, program: underTSO(peterson.level.spec)! };
    // As written, the same moves do not end this way: the writes they read past are not buffered.
    expect(replay(peterson.level.program, answer.schedule).state.outcome?.kind).not.toBe("mutual-exclusion");
    expect(store.getState().loadSchedule(answer.schedule, twin)).toBeNull();
    const { loaded, game } = store.getState();
    expect(loaded!.level).toBe(twin);
    expect(loaded!.twinOf).toBe(peterson.level);
    expect(game!.program.tso).toBe(true);
    while (store.getState().redo());
    expect(store.getState().game!.outcome).toMatchObject({ kind: "mutual-exclusion", win: true });
    // Playing the winning move by hand on the twin does not solve the level either.
    store.getState().undo();
    expect(store.getState().play(answer.schedule[answer.schedule.length - 1])).toBeNull();
    expect(store.getState().game!.outcome?.win).toBe(true);
    expect(store.getState().solved["peterson"]).toBeUndefined();
    store.getState().leaveTwin();
    expect(store.getState().loaded!.level).toBe(peterson.level);
    expect(store.getState().loaded!.twinOf).toBeUndefined();
    expect(store.getState().game!.program).toBe(peterson.level.program);
    expect(store.getState().past).toEqual([]);
  });
});
