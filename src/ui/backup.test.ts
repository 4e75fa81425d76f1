import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { switchLocale } from "../i18n/index";
import { BACKUP_FORMAT, exportBackup, readBackup, restoreBackup } from "./backup";
import { DRAFTS_KEY } from "./store/drafts";
import { FIXES_KEY } from "./store/fixes";
import { PROGRESS_KEY } from "./store/progress";
import { readFileSync } from "node:fs";
import { STUDENT_KEY } from "./pack-record";
import { packStudentKey } from "./pack-student";
import { PACKS_KEY, packProgressKey, packTextKey } from "./store/pack-saves";
import { SETTINGS_KEY } from "./store/settings";

/** localStorage's interface over a Map, with the key order of insertion. */
function fakeStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

const progress = { state: { solved: { "lost-update": { solvedAt: "2026-12-01T10:00:00.000Z", moves: ["Teller Al", "Teller Bea"] }, "first-steps": { solvedAt: "2026-12-01T09:00:00.000Z", moves: [] } } }, version: 1 };
const fixes = { version: 1, fixes: { "fix-lost-update": { code: { "Teller Al": "lock(m);" }, savedAt: "2026-12-02T10:00:00.000Z" } } };
const drafts = { state: { drafts: { abcd1234: { text: '{"id":"mine"}', createdAt: "2026-12-03T10:00:00.000Z", updatedAt: "2026-12-03T10:00:00.000Z", origin: { kind: "template", name: "blank" } } } }, version: 1 };
const settings = { state: { language: "interleave", tourDone: true, timelineOpen: false }, version: 1 };

function browserWithSaves() {
  return fakeStorage({
    [PROGRESS_KEY]: JSON.stringify(progress),
    [FIXES_KEY]: JSON.stringify(fixes),
    [DRAFTS_KEY]: JSON.stringify(drafts),
    [SETTINGS_KEY]: JSON.stringify(settings),
    "another-site": "not ours",
  });
}

const examplePack = JSON.parse(readFileSync("public/packs/example.json", "utf8")) as { id: string; hash: string; title: string };

function browserWithPack() {
  const { id, hash, title } = examplePack;
  return fakeStorage({
    [PACKS_KEY]: JSON.stringify({ version: 1, packs: [{ id, hash, title, openedAt: "2026-12-05T10:00:00.000Z", from: "src", src: "packs/example.json" }] }),
    [packTextKey(id)]: JSON.stringify(examplePack),
    [packProgressKey(id, hash)]: JSON.stringify({ version: 1, solved: { "lost-update": { solvedAt: "2026-12-05T10:05:00.000Z", schedule: ["Teller Al"] } } }),
    [STUDENT_KEY]: "Ada Lovelace",
    [packStudentKey(id)]: "Ada Lovelace",
  });
}

describe("backing up progress", () => {
  it("carries the packs opened, each pack's progress and the student's name to a fresh browser", () => {
    const read = readBackup(exportBackup(browserWithPack(), new Date()), "b.json");
    if (!read.ok) throw new Error(read.message);
    expect(read.backup.holds).toEqual(["1 pack opened", "1 level solved in a pack", "your name for records"]);
    const fresh = fakeStorage();
    restoreBackup(fresh, read.backup);
    expect(fresh.items).toEqual(browserWithPack().items);
  });

  it("refuses a pack kept in the backup that does not read as a pack", () => {
    const storage = browserWithPack();
    storage.setItem(packTextKey(examplePack.id), JSON.stringify({ ...examplePack, title: 7 }));
    expect(readBackup(exportBackup(storage, new Date()), "b.json")).toMatchObject({ ok: false, message: expect.stringContaining(`its save "${packTextKey(examplePack.id)}" cannot be read: the pack in it has errors`) });
  });

  it("exports every save of the game, and only the game's", () => {
    const file = JSON.parse(exportBackup(browserWithSaves(), new Date("2026-12-07T12:00:00Z")));
    expect(file.format).toBe(BACKUP_FORMAT);
    expect(file.exportedAt).toBe("2026-12-07T12:00:00.000Z");
    expect(Object.keys(file.saves).sort()).toEqual([DRAFTS_KEY, FIXES_KEY, PROGRESS_KEY, SETTINGS_KEY].sort());
    expect(file.saves[PROGRESS_KEY]).toEqual(progress);
  });

  it("restores into a fresh browser exactly what was exported, and says what it holds", () => {
    const text = exportBackup(browserWithSaves(), new Date("2026-12-07T12:00:00Z"));
    const read = readBackup(text, "backup.json");
    if (!read.ok) throw new Error(read.message);
    expect(read.backup.holds).toEqual(["2 solved levels", "1 fix you typed", "1 level of your own", "settings"]);
    const fresh = fakeStorage();
    expect(restoreBackup(fresh, read.backup)).toBe(true);
    expect(JSON.parse(fresh.getItem(PROGRESS_KEY)!)).toEqual(progress);
    expect(JSON.parse(fresh.getItem(DRAFTS_KEY)!)).toEqual(drafts);
  });

  it("replaces what the browser had: a save the backup lacks is removed, other sites' data is not touched", () => {
    const only = fakeStorage({ [PROGRESS_KEY]: JSON.stringify(progress) });
    const read = readBackup(exportBackup(only, new Date()), "b.json");
    if (!read.ok) throw new Error(read.message);
    const browser = browserWithSaves();
    restoreBackup(browser, read.backup);
    expect(browser.getItem(DRAFTS_KEY)).toBeNull();
    expect(browser.getItem(FIXES_KEY)).toBeNull();
    expect(browser.getItem("another-site")).toBe("not ours");
  });

  it("refuses a file that is not JSON, with its line and column", () => {
    const read = readBackup('{\n  "format": "interleave-backup",\n  oops\n}', "backup.json");
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/^backup\.json:3:\d+: /) });
  });

  it("refuses, with the reason, a backup with a broken save, an unknown save or a newer version", () => {
    const file = (saves: Record<string, unknown>, version = 1) => JSON.stringify({ format: BACKUP_FORMAT, version, exportedAt: "2026-12-07T12:00:00Z", saves });
    const broken = { ...progress, state: { solved: { "lost-update": { solvedAt: "yesterday", moves: [] } } } };
    expect(readBackup(file({ [PROGRESS_KEY]: broken }), "b.json")).toEqual({ ok: false, message: `b.json cannot be imported: its save "${PROGRESS_KEY}" cannot be read: 1 of its solved levels cannot be read` });
    expect(readBackup(file({ "interleave-secrets": {} }), "b.json")).toEqual({ ok: false, message: 'b.json cannot be imported: it holds a save Interleave does not know ("interleave-secrets")' });
    expect(readBackup(file({}, 2), "b.json")).toEqual({ ok: false, message: "b.json cannot be imported: it was made by a newer version of Interleave (backup version 2)" });
    expect(readBackup(file({ [PROGRESS_KEY]: { ...progress, version: 9 } }), "b.json")).toMatchObject({ ok: false, message: expect.stringContaining("newer version of Interleave (save version 9)") });
    expect(readBackup(JSON.stringify({ format: "interleave-pack" }), "b.json")).toMatchObject({ ok: false, message: expect.stringContaining("not an Interleave backup") });
  });

  it("never throws on any input, and names built-in object properties as unknown saves", () => {
    expect(readBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: "2026-12-07T12:00:00Z", saves: JSON.parse('{"__proto__": {}}') }), "b.json")).toMatchObject({ ok: false });
    expect(readBackup(`${"[".repeat(100_000)}`, "b.json")).toMatchObject({ ok: false });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((saves) => JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: "2026-12-07T12:00:00Z", saves }))), (text) => {
        const read = readBackup(text, "b.json");
        expect(typeof read.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});

describe("backing up progress in another language", () => {
  afterEach(async () => {
    await switchLocale("en");
  });

  it("says what a backup holds, and why one is refused, in the player's language", async () => {
    const text = exportBackup(browserWithSaves(), new Date("2026-12-07T12:00:00Z"));
    await switchLocale("de");
    const read = readBackup(text, "backup.json");
    if (!read.ok) throw new Error(read.message);
    expect(read.backup.holds).toEqual(["2 gelöste Level", "1 von dir getippte Korrektur", "1 eigenes Level", "Einstellungen"]);
    const broken = JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: "2026-12-07T12:00:00Z", saves: { [SETTINGS_KEY]: { state: { tourDone: "yes" }, version: 1 } } });
    await switchLocale("es");
    expect(readBackup(broken, "b.json")).toEqual({
      ok: false,
      message: `No se puede importar b.json: no se pueden leer sus datos guardados «${SETTINGS_KEY}»: tiene ajustes que no se pueden leer (si se completó el recorrido)`,
    });
  });
});
