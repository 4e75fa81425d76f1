import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLevel, parseMove, viewState, type Move } from "../../engine/index";
import type { StateStorage } from "zustand/middleware";
import { CORRUPT_KEY, memoryStorage, PROGRESS_KEY } from "./progress";
import { createAppStore } from "./store";
import type { LoadedLevel } from "./game-slice";
import { say } from "../../i18n/index";

const text = readFileSync(new URL("../../../levels/lost-update.json", import.meta.url), "utf8");
const parsed = parseLevel(text);
if (!parsed.ok) throw new Error("lost-update.json does not parse");
const lostUpdate: LoadedLevel = { id: "lost-update", text, level: parsed.value, source: "campaign" };
const AL = 0;
const BEA = 1;
const step = (thread: number): Move => ({ kind: "step", thread });
const NOW = new Date("2030-01-02T03:04:05.000Z");

function freshStore(saved: Record<string, string> = {}) {
  const storage = memoryStorage(saved);
  const store = createAppStore({ storage, now: () => NOW });
  return { store, storage };
}

function balance(store: ReturnType<typeof freshStore>["store"]): number {
  return viewState(store.getState().game!).variables.find((v) => v.name === "balance")!.values[0];
}

describe("the game slice", () => {
  it("steps through the engine and refuses illegal moves with the engine's message", () => {
    const { store } = freshStore();
    store.getState().openLevel(lostUpdate);
    expect(store.getState().play(step(AL))).toBeNull();
    expect(store.getState().play(step(AL))).toBeNull();
    expect(balance(store)).toBe(100);
    expect(store.getState().game!.schedule).toHaveLength(2);
    expect(store.getState().play({ kind: "flush", thread: AL })?.message).toBe("This level has no store buffers.");
    expect(store.getState().game!.schedule).toHaveLength(2);
  });

  it("rewinds to just after a move like pressing Undo until there, so Redo brings the moves back", () => {
    const { store } = freshStore();
    store.getState().openLevel(lostUpdate);
    store.getState().play(step(AL));
    const afterOne = store.getState().game;
    store.getState().play(step(BEA));
    store.getState().play(step(AL));
    const afterThree = store.getState().game;
    expect(store.getState().rewindTo(1)).toBe(true);
    expect(store.getState().game).toBe(afterOne);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().redo()).toBe(true);
    expect(store.getState().redo()).toBe(true);
    expect(store.getState().game).toBe(afterThree);
    expect(store.getState().rewindTo(3)).toBe(false); // already there
    expect(store.getState().rewindTo(7)).toBe(false);
  });

  it("rewinds into the middle of a statement stepped at once, and redo goes to its end", () => {
    const { store } = freshStore();
    store.getState().openLevel(lostUpdate);
    store.getState().playStatement(AL); // balance += 100: read, then write
    const whole = store.getState().game!;
    expect(whole.schedule).toHaveLength(2);
    expect(store.getState().rewindTo(1)).toBe(true);
    expect(store.getState().game!.schedule).toEqual([step(AL)]);
    expect(balance(store)).toBe(0);
    expect(viewState(store.getState().game!).threads[AL].next?.label).toBe("write balance = 100");
    expect(store.getState().redo()).toBe(true);
    expect(store.getState().game).toBe(whole);
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().game!.schedule).toEqual([]);
  });

  it("undoes and redoes moves, keeping the earlier state objects", () => {
    const { store } = freshStore();
    store.getState().openLevel(lostUpdate);
    const start = store.getState().game;
    store.getState().play(step(AL));
    const afterRead = store.getState().game;
    store.getState().play(step(AL));
    expect(balance(store)).toBe(100);

    expect(store.getState().undo()).toBe(true);
    expect(store.getState().game).toBe(afterRead);
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().game).toBe(start);
    expect(store.getState().undo()).toBe(false);

    expect(store.getState().redo()).toBe(true);
    expect(store.getState().redo()).toBe(true);
    expect(balance(store)).toBe(100);
    expect(store.getState().redo()).toBe(false);
  });

  it("a new move clears redo", () => {
    const { store } = freshStore();
    store.getState().openLevel(lostUpdate);
    store.getState().play(step(AL));
    store.getState().undo();
    store.getState().play(step(BEA));
    expect(store.getState().future).toHaveLength(0);
    expect(store.getState().redo()).toBe(false);
  });

  it("step statement is one undoable move", () => {
    const { store } = freshStore();
    store.getState().openLevel(lostUpdate);
    store.getState().playStatement(AL);
    expect(store.getState().game!.schedule).toHaveLength(2);
    expect(balance(store)).toBe(100);
    store.getState().undo();
    expect(store.getState().game!.schedule).toHaveLength(0);
  });

  it("reset goes back to the start and can itself be undone", () => {
    const { store } = freshStore();
    store.getState().openLevel(lostUpdate);
    store.getState().playStatement(AL);
    expect(store.getState().reset()).toBe(true);
    expect(store.getState().game!.schedule).toHaveLength(0);
    expect(balance(store)).toBe(0);
    expect(store.getState().reset()).toBe(false);
    store.getState().undo();
    expect(balance(store)).toBe(100);
  });

  it("closing the level (after a screen failed) makes opening it again start afresh", () => {
    const { store } = freshStore();
    store.getState().openLevel(lostUpdate);
    store.getState().play(step(AL));
    store.getState().closeLevel();
    expect(store.getState()).toMatchObject({ loaded: null, game: null, past: [], future: [] });
    store.getState().openLevel(lostUpdate);
    expect(store.getState().game!.schedule).toHaveLength(0);
  });

  it("reopening the open level keeps its game; another level starts fresh", () => {
    const { store } = freshStore();
    store.getState().openLevel(lostUpdate);
    store.getState().play(step(AL));
    store.getState().openLevel({ ...lostUpdate });
    expect(store.getState().game!.schedule).toHaveLength(1);
    store.getState().openLevel({ ...lostUpdate, source: "link" });
    expect(store.getState().game!.schedule).toHaveLength(0);
    expect(store.getState().past).toHaveLength(0);
  });
});

const winning = () => (JSON.parse(text).solution as string[]).map((m) => parseMove(lostUpdate.level.program, m)!);
const win = (moves: string[]) => ({ solvedAt: NOW.toISOString(), moves });

describe("progress", () => {

  it("a win records the level, its time and its moves, and saves only progress", () => {
    const { store, storage } = freshStore();
    store.getState().openLevel(lostUpdate);
    for (const m of winning()) store.getState().play(m);
    expect(store.getState().game!.outcome?.kind).toBe("assertion");
    expect(store.getState().solved["lost-update"]).toEqual({ solvedAt: NOW.toISOString(), moves: JSON.parse(text).solution });
    const saved = JSON.parse(storage.dump()[PROGRESS_KEY]);
    expect(saved).toEqual({ version: 1, state: { solved: { "lost-update": { solvedAt: NOW.toISOString(), moves: JSON.parse(text).solution } } } });
  });

  it("a level played from a link records nothing", () => {
    const { store } = freshStore();
    store.getState().openLevel({ ...lostUpdate, source: "link" });
    for (const m of winning()) store.getState().play(m);
    expect(store.getState().solved).toEqual({});
  });

  it("survives a reload", () => {
    const { store, storage } = freshStore();
    store.getState().openLevel(lostUpdate);
    for (const m of winning()) store.getState().play(m);
    const reloaded = createAppStore({ storage });
    expect(Object.keys(reloaded.getState().solved)).toEqual(["lost-update"]);
    expect(reloaded.getState().progressNotice).toBeNull();
  });

  it("clearing progress forgets every level", () => {
    const good = JSON.stringify({ version: 1, state: { solved: { "first-steps": { solvedAt: NOW.toISOString(), moves: ["A"] } } } });
    const { store, storage } = freshStore({ [PROGRESS_KEY]: good });
    store.getState().clearProgress();
    expect(store.getState().solved).toEqual({});
    expect(JSON.parse(storage.dump()[PROGRESS_KEY]).state).toEqual({ solved: {} });
  });

  it("migrates a version-0 save (written before versions were set)", () => {
    const v0 = JSON.stringify({ version: 0, state: { solved: { "first-steps": { solvedAt: NOW.toISOString(), moves: ["Clerk Ada"] } } } });
    const { store, storage } = freshStore({ [PROGRESS_KEY]: v0 });
    expect(Object.keys(store.getState().solved)).toEqual(["first-steps"]);
    expect(JSON.parse(storage.dump()[PROGRESS_KEY]).version).toBe(1);
  });

  const unreadable: [string, string][] = [
    ["text that is not JSON", "{not json"],
    ["JSON without the envelope", JSON.stringify({ solved: {} })],
    ["solved levels that are not a record", JSON.stringify({ version: 1, state: { solved: 42 } })],
    ["solved levels in a list", JSON.stringify({ version: 1, state: { solved: [{ solvedAt: NOW.toISOString(), moves: [] }] } })],
  ];
  it.each(unreadable)("%s is kept aside, progress reset, and a notice shown", (_name, raw) => {
    const { store, storage } = freshStore({ [PROGRESS_KEY]: raw });
    expect(store.getState().solved).toEqual({});
    expect(say(store.getState().progressNotice!)).toBe(
      `Your saved progress could not be read, so it has been reset. The old save is kept in this browser's storage under "${CORRUPT_KEY}".`,
    );
    expect(storage.dump()[CORRUPT_KEY]).toBe(raw);
    // Reset: nothing saved, or (after a failed migration) an empty save.
    const left = storage.dump()[PROGRESS_KEY];
    if (left !== undefined) expect(JSON.parse(left)).toEqual({ version: 1, state: { solved: {} } });
    store.getState().dismissProgressNotice();
    expect(store.getState().progressNotice).toBeNull();
    // Playing on saves fresh progress in the usual place.
    store.getState().openLevel(lostUpdate);
    for (const m of winning()) store.getState().play(m);
    expect(JSON.parse(storage.dump()[PROGRESS_KEY]).state.solved["lost-update"].moves).toHaveLength(7);
    expect(storage.dump()[CORRUPT_KEY]).toBe(raw);
  });

  it("keeps the levels that can be read when some entries are broken, and sets the save aside", () => {
    const raw = JSON.stringify({
      version: 1,
      state: {
        solved: {
          "first-steps": win(["Clerk Ada", "Clerk Bo"]),
          "lost-update": { solvedAt: "yesterday-ish", moves: ["Teller Al"] },
          __proto__x: win([]),
          "one-statement": win(["A", "B"]),
          "bad-moves": { solvedAt: NOW.toISOString(), moves: 3 },
        },
      },
    });
    const { store, storage } = freshStore({ [PROGRESS_KEY]: raw });
    expect(Object.keys(store.getState().solved)).toEqual(["first-steps", "one-statement"]);
    expect(say(store.getState().progressNotice!)).toBe(
      `3 of your solved levels could not be read, so they are no longer marked solved; the other 2 are kept. The save as it was is kept in this browser's storage under "${CORRUPT_KEY}".`,
    );
    expect(storage.dump()[CORRUPT_KEY]).toBe(raw);
    // The levels that could be read are saved again at once, not only at the next win.
    expect(JSON.parse(storage.dump()[PROGRESS_KEY])).toEqual({
      version: 1,
      state: { solved: { "first-steps": win(["Clerk Ada", "Clerk Bo"]), "one-statement": win(["A", "B"]) } },
    });
    // A reload reads the repaired save without a word.
    expect(createAppStore({ storage }).getState().progressNotice).toBeNull();
  });

  it("says so when the only broken entry was the only one", () => {
    const raw = JSON.stringify({ version: 1, state: { solved: { "first-steps": { solvedAt: "yesterday-ish", moves: 3 } } } });
    const { store } = freshStore({ [PROGRESS_KEY]: raw });
    expect(store.getState().solved).toEqual({});
    expect(say(store.getState().progressNotice!)).toBe(
      `One of your solved levels could not be read, so it is no longer marked solved. The save as it was is kept in this browser's storage under "${CORRUPT_KEY}".`,
    );
  });

  it("never overwrites an earlier copy that was set aside", () => {
    const { storage } = freshStore({ [PROGRESS_KEY]: "{second", [CORRUPT_KEY]: "{first" });
    expect(storage.dump()[CORRUPT_KEY]).toBe("{first");
    expect(storage.dump()[`${CORRUPT_KEY}.2`]).toBe("{second");
  });

  it("leaves a newer game's save untouched, saves nothing over it, and says the game is older", () => {
    const raw = JSON.stringify({ version: 2, state: { solved: { "first-steps": win(["Clerk Ada", "Clerk Bo"]) }, streak: 3 } });
    const { store, storage } = freshStore({ [PROGRESS_KEY]: raw });
    expect(store.getState().solved).toEqual({});
    expect(say(store.getState().progressNotice!)).toBe(
      "This game is older than your saved progress: the save was made by a newer version of Interleave (save version 2; this one reads version 1). The save is kept as it was, and the levels you solve here are not saved. Reload the page to get the newest version of the game.",
    );
    store.getState().openLevel(lostUpdate);
    for (const m of winning()) store.getState().play(m);
    expect(Object.keys(store.getState().solved)).toEqual(["lost-update"]); // this visit only
    expect(storage.dump()).toEqual({ [PROGRESS_KEY]: raw });
    // Clearing progress is the player's choice to start afresh: then progress is saved again.
    store.getState().clearProgress();
    expect(store.getState().progressNotice).toBeNull();
    expect(JSON.parse(storage.dump()[PROGRESS_KEY])).toEqual({ version: 1, state: { solved: {} } });
  });
});

describe("progress in a full storage", () => {
  /** A storage that refuses to write under keys ending in `.corrupt` (or .corrupt.N), as a full one would for a large copy. */
  function storageFullFor(saved: Record<string, string>) {
    const items = new Map(Object.entries(saved));
    const storage: StateStorage & { dump(): Record<string, string> } = {
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => {
        if (/\.corrupt(\.\d+)?$/.test(k)) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        items.set(k, v);
      },
      removeItem: (k) => void items.delete(k),
      dump: () => Object.fromEntries(items),
    };
    return storage;
  }
  const WHAT_TO_DO =
    "The save is left as it was, and the levels you solve now are not saved. To carry on with progress saved, free some space in this browser's storage (other sites' data, for one) and reload, or choose Clear progress to start afresh (that deletes the old save).";

  it("says the copy could not be kept, and leaves the unreadable save where it was", () => {
    const raw = `{"state": {"solved": "${"x".repeat(50_000)}"`;
    const storage = storageFullFor({ [PROGRESS_KEY]: raw });
    const store = createAppStore({ storage, now: () => NOW });
    expect(say(store.getState().progressNotice!)).toBe(
      `Your saved progress could not be read, and this browser's storage is full or turned off, so no copy of the save could be kept. ${WHAT_TO_DO}`,
    );
    expect(storage.dump()).toEqual({ [PROGRESS_KEY]: raw });
    store.getState().openLevel(lostUpdate);
    for (const m of winning()) store.getState().play(m);
    expect(storage.dump()).toEqual({ [PROGRESS_KEY]: raw });
    store.getState().clearProgress();
    expect(JSON.parse(storage.dump()[PROGRESS_KEY])).toEqual({ version: 1, state: { solved: {} } });
  });

  it("keeps showing the readable levels, but saves nothing over the save it could not copy", () => {
    const raw = JSON.stringify({ version: 1, state: { solved: { "first-steps": win(["Clerk Ada", "Clerk Bo"]), "lost-update": { moves: 3 } } } });
    const storage = storageFullFor({ [PROGRESS_KEY]: raw });
    const store = createAppStore({ storage, now: () => NOW });
    expect(Object.keys(store.getState().solved)).toEqual(["first-steps"]);
    expect(say(store.getState().progressNotice!)).toBe(
      `One of your solved levels could not be read, and this browser's storage is full or turned off, so no copy of the save could be kept. ${WHAT_TO_DO}`,
    );
    expect(storage.dump()).toEqual({ [PROGRESS_KEY]: raw });
  });
});

describe("the store module", () => {
  it("imports no React: only zustand's vanilla store and middleware, zod/mini, the engine and the interface's words", () => {
    const dir = new URL("./", import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const source = readFileSync(new URL(file, dir), "utf8");
      const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      for (const from of imports) {
        expect(from, `${file} imports ${from}`).toMatch(/^(zustand\/vanilla|zustand\/middleware|zod\/mini|\.\/.*|\.\.\/\.\.\/engine\/.*|\.\.\/\.\.\/i18n\/(index|locales|words|ids))$/);
      }
    }
  });
});
