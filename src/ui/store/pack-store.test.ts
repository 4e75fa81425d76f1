import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StateStorage } from "zustand/middleware";
import { parseLevel, parseMove } from "../../engine/index";
import { memoryStorage, PROGRESS_KEY } from "./progress";
import { corruptKey, packProgressKey, packTextKey, PACKS_KEY, readPackProgress, readRememberedPacks } from "./pack-saves";
import { createPackStore } from "./pack-store";
import { createAppStore } from "./store";
import type { LoadedLevel } from "./game-slice";
import { say } from "../../i18n/index";

const NOW = new Date("2030-01-02T03:04:05.000Z");
const H1 = `sha256-${"1".repeat(64)}`;
const H2 = `sha256-${"2".repeat(64)}`;
const WEEK3 = { id: "os-week3", hash: H1 };

function stores(saved: Record<string, string> = {}) {
  const storage = memoryStorage(saved);
  const packs = createPackStore({ storage, now: () => NOW });
  const app = createAppStore({ storage, now: () => NOW, recordPackWin: (p, id, s) => packs.getState().recordSolved(p, id, s) });
  return { storage, packs, app };
}

const text = readFileSync(new URL("../../../levels/first-steps.json", import.meta.url), "utf8");
const parsed = parseLevel(text);
if (!parsed.ok) throw new Error("first-steps.json does not parse");
const firstSteps = (pack: { id: string; hash: string }): LoadedLevel => ({ id: "first-steps", text, level: parsed.value, source: "pack", pack });

function win(app: ReturnType<typeof stores>["app"], loaded: LoadedLevel) {
  app.getState().openLevel(loaded);
  for (const m of ["Clerk Ada", "Clerk Bo"]) expect(app.getState().play(parseMove(loaded.level.program, m)!)).toBeNull();
  expect(app.getState().game?.outcome?.win).toBe(true);
}

describe("a pack's progress", () => {
  it("records a pack level's win in that pack's own save, not the campaign's", () => {
    const { storage, packs, app } = stores();
    win(app, firstSteps(WEEK3));
    expect(app.getState().solved).toEqual({});
    expect(JSON.parse(storage.dump()[PROGRESS_KEY]).state.solved).toEqual({});
    expect(packs.getState().loadProgress(WEEK3).get("first-steps")).toEqual({ schedule: ["Clerk Ada", "Clerk Bo"], solvedAt: NOW.toISOString() });
    expect(JSON.parse(storage.dump()[packProgressKey("os-week3", H1)])).toEqual({
      version: 1,
      solved: { "first-steps": { schedule: ["Clerk Ada", "Clerk Bo"], solvedAt: NOW.toISOString() } },
    });
  });

  it("records a proof and a fix for a pack level, and nothing for a level from a link", () => {
    const { packs, app } = stores();
    app.getState().openLevel(firstSteps(WEEK3));
    app.getState().recordWin(firstSteps(WEEK3), { fix: { "Clerk Ada": "lock(m);" } });
    app.getState().recordWin({ ...firstSteps(WEEK3), id: "peterson" }, { proof: true });
    app.getState().recordWin({ ...firstSteps(WEEK3), source: "link", id: "other" }, { proof: true });
    expect([...packs.getState().loadProgress(WEEK3)]).toEqual([
      ["first-steps", { fix: { "Clerk Ada": "lock(m);" }, solvedAt: NOW.toISOString() }],
      ["peterson", { proof: true, solvedAt: NOW.toISOString() }],
    ]);
    expect(app.getState().solved).toEqual({});
  });

  it("records a right claim on a pack's prove-it level as a proof", () => {
    const { packs, app } = stores();
    const petersonText = readFileSync(new URL("../../../levels/peterson.json", import.meta.url), "utf8");
    const peterson = parseLevel(petersonText);
    if (!peterson.ok) throw new Error("peterson.json does not parse");
    app.getState().openLevel({ id: "peterson", text: petersonText, level: peterson.value, source: "pack", pack: WEEK3 });
    app.getState().settleClaim({ right: true, states: 10 });
    expect(packs.getState().loadProgress(WEEK3).get("peterson")).toEqual({ proof: true, solvedAt: NOW.toISOString() });
  });

  it("keeps each pack, and each version of a pack, apart", () => {
    const { packs, app } = stores();
    win(app, firstSteps(WEEK3));
    expect(packs.getState().loadProgress({ id: "os-week3", hash: H2 }).size).toBe(0);
    expect(packs.getState().loadProgress({ id: "os-week4", hash: H1 }).size).toBe(0);
    expect(packs.getState().loadProgress(WEEK3).size).toBe(1);
  });

  it("keeps the first win's time and a shorter schedule; fixes and proofs are kept as won", () => {
    const later = new Date("2031-01-01T00:00:00.000Z");
    let now = NOW;
    const packs = createPackStore({ storage: memoryStorage(), now: () => now });
    packs.getState().recordSolved(WEEK3, "lost-update", { schedule: ["A", "A", "B", "B", "A"] });
    now = later;
    packs.getState().recordSolved(WEEK3, "lost-update", { schedule: ["A", "B", "B", "A"] });
    packs.getState().recordSolved(WEEK3, "lost-update", { schedule: ["A", "B", "B", "A", "A", "B"] });
    packs.getState().recordSolved(WEEK3, "fix-lost-update", { fix: { "Teller Al": "lock(m);" } });
    packs.getState().recordSolved(WEEK3, "peterson", { proof: true });
    const progress = packs.getState().loadProgress(WEEK3);
    expect(progress.get("lost-update")).toEqual({ schedule: ["A", "B", "B", "A"], solvedAt: NOW.toISOString() });
    expect(progress.get("fix-lost-update")).toEqual({ fix: { "Teller Al": "lock(m);" }, solvedAt: later.toISOString() });
    expect(progress.get("peterson")).toEqual({ proof: true, solvedAt: later.toISOString() });
  });

  it("drops broken entries one by one, keeps the save aside, and says so", () => {
    const key = packProgressKey("os-week3", H1);
    const raw = JSON.stringify({
      version: 1,
      solved: {
        "first-steps": { schedule: ["Clerk Ada", "Clerk Bo"], solvedAt: "2030-01-01T00:00:00.000Z" },
        "lost-update": { schedule: "Al", solvedAt: "2030-01-01T00:00:00.000Z" },
        "BAD ID": { proof: true, solvedAt: "2030-01-01T00:00:00.000Z" },
        ...(JSON.parse('{"__proto__": { "proof": true, "solvedAt": "2030-01-01T00:00:00.000Z" }}') as object),
        both: { proof: true, schedule: [], solvedAt: "2030-01-01T00:00:00.000Z" },
        when: { proof: true, solvedAt: "yesterday" },
      },
    });
    const { storage, packs } = stores({ [key]: raw });
    expect([...packs.getState().loadProgress(WEEK3).keys()]).toEqual(["first-steps"]);
    expect(packs.getState().notices.map((n) => say(n.text))).toEqual([
      `5 entries of your progress in this pack could not be read and were left out. The save as it was is kept in this browser's storage under "${corruptKey(key)}".`,
    ]);
    expect(storage.dump()[corruptKey(key)]).toBe(raw);
    expect(Object.keys(JSON.parse(storage.dump()[key]).solved)).toEqual(["first-steps"]);
  });

  it("starts afresh on a save that is not one, keeping it aside", () => {
    const key = packProgressKey("os-week3", H1);
    const { storage, packs } = stores({ [key]: "{not json", [corruptKey(key)]: "an earlier one" });
    expect(packs.getState().loadProgress(WEEK3).size).toBe(0);
    expect(say(packs.getState().notices[0].text)).toBe(
      `Your progress in this pack could not be read, so it starts afresh. The save as it was is kept in this browser's storage under "${corruptKey(key)}.2".`,
    );
    expect(storage.dump()[corruptKey(key)]).toBe("an earlier one");
    expect(storage.dump()[`${corruptKey(key)}.2`]).toBe("{not json");
  });

  it("plays on in memory when the storage refuses, and says the progress is not saved", () => {
    const refusing: StateStorage = { getItem: () => null, setItem: () => { throw new Error("quota"); }, removeItem: () => {} };
    const packs = createPackStore({ storage: refusing, now: () => NOW });
    packs.getState().recordSolved(WEEK3, "first-steps", { schedule: ["Clerk Ada", "Clerk Bo"] });
    expect(packs.getState().progress.get(`os-week3 ${H1}`)?.has("first-steps")).toBe(true);
    expect(packs.getState().notices.map((n) => say(n.text))).toEqual([
      "This browser's storage is full or turned off, so your progress in this pack is not saved: download your record before you leave the page.",
    ]);
    expect(packs.getState().remember({ ...WEEK3, title: "Week 3" }, "{}", "file")).toBe(false);
    expect(packs.getState().textOf("os-week3")).toBe("{}");
  });

  it("never throws on any save, and keeps only well-formed entries", () => {
    const entry = fc.oneof(
      fc.anything(),
      fc.record({ solvedAt: fc.oneof(fc.string(), fc.constant("2030-01-01T00:00:00.000Z")), schedule: fc.anything(), fix: fc.anything(), proof: fc.anything() }, { requiredKeys: [] }),
    );
    const save = fc.oneof(fc.anything(), fc.record({ version: fc.oneof(fc.constant(1), fc.anything()), solved: fc.dictionary(fc.string(), entry) }));
    fc.assert(
      fc.property(fc.oneof(fc.string(), save.map((s) => JSON.stringify(s) ?? "null")), (raw) => {
        const read = readPackProgress(raw);
        for (const [id, solved] of read.value) {
          expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(["schedule" in solved, "fix" in solved, "proof" in solved].filter(Boolean)).toHaveLength(1);
        }
        const packs = createPackStore({ storage: memoryStorage({ [packProgressKey("p", H1)]: raw, [PACKS_KEY]: raw }) });
        packs.getState().loadProgress({ id: "p", hash: H1 });
        expect(() => readRememberedPacks(raw)).not.toThrow();
      }),
    );
  });
});

describe("the opened packs", () => {
  it("remembers packs newest first, one per id, with their text, and forgets one", () => {
    const { storage, packs } = stores();
    packs.getState().remember({ id: "os-week3", hash: H1, title: "Week 3" }, "week 3 text", "src", "packs/os-week3.json");
    packs.getState().remember({ id: "os-week4", hash: H1, title: "Week 4" }, "week 4 text", "file");
    packs.getState().remember({ id: "os-week3", hash: H2, title: "Week 3, again" }, "week 3 v2", "link");
    expect(packs.getState().packs.map((p) => [p.id, p.hash, p.title, p.from])).toEqual([
      ["os-week3", H2, "Week 3, again", "link"],
      ["os-week4", H1, "Week 4", "file"],
    ]);
    const again = createPackStore({ storage });
    expect(again.getState().packs).toEqual(packs.getState().packs);
    expect(again.getState().textOf("os-week3")).toBe("week 3 v2");
    again.getState().forget("os-week3");
    expect(again.getState().packs.map((p) => p.id)).toEqual(["os-week4"]);
    expect(storage.dump()[packTextKey("os-week3")]).toBeUndefined();
  });

  it("drops a broken list entry and keeps the others", () => {
    const good = { id: "os-week3", hash: H1, title: "Week 3", openedAt: NOW.toISOString(), from: "file" };
    const raw = JSON.stringify({ version: 1, packs: [good, { ...good, id: "../../etc" }, { ...good, from: "ftp" }, good] });
    const { packs } = stores({ [PACKS_KEY]: raw });
    expect(packs.getState().packs).toEqual([good]);
    expect(packs.getState().notices.map((n) => say(n.text))).toEqual([
      `3 entries of your list of opened packs could not be read and were left out. The save as it was is kept in this browser's storage under "${corruptKey(PACKS_KEY)}".`,
    ]);
  });
});
