// Saved fixes: what a student typed on a fix-it level comes back after a reload; a damaged entry
// costs only itself; an unreadable save is kept aside, not lost; a full storage is reported.

import { describe, expect, it } from "vitest";
import { createFixStore, FIXES_CORRUPT_KEY, FIXES_KEY } from "./fixes";
import { say } from "../../i18n/index";

function memory(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

const CODE = { "Teller Al": "m.lock();", "Teller Bea": "m.unlock();" };
const THREADS = ["Teller Al", "Teller Bea"];

describe("saved fixes", () => {
  it("keep the code typed for a level, and only for its editable threads", () => {
    const storage = memory();
    const fixes = createFixStore(storage, () => new Date("2026-11-29T08:00:00Z"));
    expect(fixes.get("fix-lost-update", THREADS)).toBeNull();
    expect(fixes.save("fix-lost-update", CODE)).toBe(true);
    expect(createFixStore(storage).get("fix-lost-update", THREADS)).toEqual(CODE);
    expect(createFixStore(storage).get("fix-lost-update", ["Teller Al"])).toBeNull();
    expect(JSON.parse(storage.items.get(FIXES_KEY)!)).toEqual({
      version: 1, fixes: { "fix-lost-update": { code: CODE, savedAt: "2026-11-29T08:00:00.000Z" } },
    });
  });

  it("have nothing saved for a level id that a plain object answers to", () => {
    const fixes = createFixStore(memory());
    expect(fixes.get("constructor", THREADS)).toBeNull();
    expect(fixes.save("constructor", CODE)).toBe(true);
    expect(fixes.get("constructor", THREADS)).toEqual(CODE);
  });

  it("forget a level's fix on reset, and keep the others", () => {
    const storage = memory();
    const fixes = createFixStore(storage);
    fixes.save("fix-lost-update", CODE);
    fixes.save("fix-other", { A: "x++;" });
    fixes.clear("fix-lost-update");
    expect(fixes.get("fix-lost-update", THREADS)).toBeNull();
    expect(fixes.get("fix-other", ["A"])).toEqual({ A: "x++;" });
  });

  it("find no fix under a name from the prototype", () => {
    const fixes = createFixStore(memory());
    fixes.save("fix-lost-update", CODE);
    for (const id of ["constructor", "toString", "__proto__"]) expect(fixes.get(id, ["A"])).toBeNull();
  });

  it("keep a linked or own level's fix apart from a campaign level's of the same id", () => {
    const fixes = createFixStore(memory());
    fixes.save("fix-lost-update", CODE);
    fixes.save("link:fix-lost-update", { ...CODE, "Teller Al": "" });
    expect(fixes.get("fix-lost-update", THREADS)).toEqual(CODE);
    expect(fixes.get("link:fix-lost-update", THREADS)).toEqual({ ...CODE, "Teller Al": "" });
  });

  it("drop a damaged entry and keep the rest", () => {
    const save = { version: 1, fixes: { "fix-lost-update": { code: CODE, savedAt: "2026-11-29T08:00:00Z" }, "fix-other": { code: 42 } } };
    const fixes = createFixStore(memory({ [FIXES_KEY]: JSON.stringify(save) }));
    expect(fixes.get("fix-lost-update", THREADS)).toEqual(CODE);
    expect(fixes.get("fix-other", ["A"])).toBeNull();
    expect(fixes.notice).toBeNull();
  });

  it.each([["not JSON", "{oops"], ["a newer version", JSON.stringify({ version: 2, fixes: {} })], ["not an object", "[1]"]])(
    "keep an unreadable save (%s) aside and say so",
    (_what, raw) => {
      const storage = memory({ [FIXES_KEY]: raw });
      const fixes = createFixStore(storage);
      expect(fixes.get("fix-lost-update", THREADS)).toBeNull();
      expect(storage.items.get(FIXES_CORRUPT_KEY)).toBe(raw);
      expect(storage.items.has(FIXES_KEY)).toBe(false);
      expect(say(fixes.notice!)).toBe(
        `Your saved fixes could not be read, so the code starts as the level wrote it. The save as it was is kept in this browser's storage under "${FIXES_CORRUPT_KEY}".`,
      );
    },
  );

  it("report a save the browser refuses", () => {
    const storage = memory();
    storage.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    expect(createFixStore(storage).save("fix-lost-update", CODE)).toBe(false);
  });
});
