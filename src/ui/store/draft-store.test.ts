import { describe, expect, it } from "vitest";
import type { StateStorage } from "zustand/middleware";
import { createDraftStore, draftsByDate, SAVE_PROBLEM } from "./draft-store";
import { DRAFTS_CORRUPT_KEY, DRAFTS_KEY, draftSummary, newDraftId } from "./drafts";
import { memoryStorage } from "./progress";
import { say } from "../../i18n/index";

const T0 = new Date("2030-01-02T03:04:05.000Z");
const LEVEL = '{ "format": 1, "id": "my-race", "title": "My Race" }';

function freshStore(saved: Record<string, string> = {}) {
  const storage = memoryStorage(saved);
  let clock = T0.getTime();
  let ids = 0;
  const store = createDraftStore({
    storage,
    now: () => new Date((clock += 1000)),
    newId: () => `draft${++ids}`,
  });
  return { store, storage };
}

/** The notices' words, in order. */
const noticesOf = (store: ReturnType<typeof createDraftStore>) => store.getState().notices.map((n) => say(n.text));
const saved = (storage: ReturnType<typeof memoryStorage>) => JSON.parse(storage.dump()[DRAFTS_KEY]);
const envelope = (drafts: unknown, version = 1) => JSON.stringify({ version, state: { drafts } });
const draft = (text: string, at = T0.toISOString()) => ({ text, createdAt: at, updatedAt: at });

describe("the draft store", () => {
  it("creates, saves and deletes drafts, writing each change at once", () => {
    const { store, storage } = freshStore();
    const id = store.getState().createDraft(LEVEL, { kind: "template", name: "race" });
    expect(id).toBe("draft1");
    expect(saved(storage)).toEqual({
      version: 1,
      state: { drafts: { draft1: { text: LEVEL, createdAt: "2030-01-02T03:04:06.000Z", updatedAt: "2030-01-02T03:04:06.000Z", origin: { kind: "template", name: "race" } } } },
    });
    store.getState().saveDraft(id, `${LEVEL}\n`);
    expect(saved(storage).state.drafts.draft1).toMatchObject({ text: `${LEVEL}\n`, createdAt: "2030-01-02T03:04:06.000Z", updatedAt: "2030-01-02T03:04:07.000Z" });
    store.getState().deleteDraft(id);
    expect(saved(storage).state.drafts).toEqual({});
  });

  it("saving the same text again changes nothing, not even the time", () => {
    const { store, storage } = freshStore();
    const id = store.getState().createDraft(LEVEL);
    const before = storage.dump()[DRAFTS_KEY];
    store.getState().saveDraft(id, LEVEL);
    expect(storage.dump()[DRAFTS_KEY]).toBe(before);
  });

  it("saving a draft another tab deleted makes it again, so typing is never lost", () => {
    const { store } = freshStore();
    store.getState().saveDraft("gone1234", LEVEL);
    expect(store.getState().drafts.gone1234.text).toBe(LEVEL);
  });

  it("survives a reload, newest first", () => {
    const { store, storage } = freshStore();
    const a = store.getState().createDraft("a");
    const b = store.getState().createDraft("b");
    store.getState().saveDraft(a, "a2");
    const reloaded = createDraftStore({ storage });
    expect(draftsByDate(reloaded.getState().drafts).map(([id, d]) => [id, d.text])).toEqual([[a, "a2"], [b, "b"]]);
    expect(noticesOf(reloaded)).toEqual([]);
  });

  it("migrates a version-0 save (written before versions were set)", () => {
    const { store, storage } = freshStore({ [DRAFTS_KEY]: envelope({ old12345: draft(LEVEL) }, 0) });
    expect(store.getState().drafts.old12345.text).toBe(LEVEL);
    expect(saved(storage).version).toBe(1);
  });

  it("keeps the readable drafts when one is damaged, sets the save aside and says so", () => {
    const raw = envelope({ good1234: draft(LEVEL), bad12345: { text: 42 }, "NOT AN ID": draft("x"), late1234: draft('{ "title": "Late" }', "last tuesday") });
    const { store, storage } = freshStore({ [DRAFTS_KEY]: raw });
    expect(Object.keys(store.getState().drafts)).toEqual(["good1234"]);
    expect(noticesOf(store)).toEqual([
      `3 of your saved levels could not be read (“bad12345”, “NOT AN ID”, “Late”), so they are left out. The save as it was is kept in this browser's storage under "${DRAFTS_CORRUPT_KEY}".`,
    ]);
    expect(storage.dump()[DRAFTS_CORRUPT_KEY]).toBe(raw);
    // The readable drafts are saved again at once, not only at the next change.
    expect(saved(storage)).toEqual({ version: 1, state: { drafts: { good1234: draft(LEVEL) } } });
    store.getState().dismissNotice(store.getState().notices[0].id);
    expect(noticesOf(store)).toEqual([]);
  });

  const unusable: [string, string][] = [
    ["text that is not JSON", "{not json"],
    ["JSON without the envelope", JSON.stringify({ drafts: {} })],
    ["drafts that are not an object", envelope([draft(LEVEL)])],
    ["a save from a newer version of the game", envelope({ new12345: draft(LEVEL) }, 7)],
  ];
  it.each(unusable)("%s is kept aside, the list starts empty, and a notice is shown", (_name, raw) => {
    const { store, storage } = freshStore({ [DRAFTS_KEY]: raw });
    expect(store.getState().drafts).toEqual({});
    expect(noticesOf(store)).toEqual([`Your saved levels could not be read, so the list starts empty. The save as it was is kept in this browser's storage under "${DRAFTS_CORRUPT_KEY}".`]);
    expect(storage.dump()[DRAFTS_CORRUPT_KEY]).toBe(raw);
    // New drafts are saved in the usual place; the old save stays aside.
    store.getState().createDraft(LEVEL);
    expect(Object.keys(saved(storage).state.drafts)).toHaveLength(1);
    expect(storage.dump()[DRAFTS_CORRUPT_KEY]).toBe(raw);
  });

  it("never overwrites an earlier save that was set aside", () => {
    const { storage } = freshStore({ [DRAFTS_KEY]: "{first", [DRAFTS_CORRUPT_KEY]: "{earlier" });
    expect(storage.dump()[DRAFTS_CORRUPT_KEY]).toBe("{earlier");
    expect(storage.dump()[`${DRAFTS_CORRUPT_KEY}.2`]).toBe("{first");
  });

  it("leaves a damaged save as it was when no copy of it can be kept, and saves nothing over it", () => {
    const raw = envelope({ good1234: draft(LEVEL), bad12345: { text: 42 } });
    const items = new Map([[DRAFTS_KEY, raw]]);
    const storage: StateStorage = {
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => {
        if (k.startsWith(DRAFTS_CORRUPT_KEY)) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        items.set(k, v);
      },
      removeItem: (k) => void items.delete(k),
    };
    const store = createDraftStore({ storage });
    expect(Object.keys(store.getState().drafts)).toEqual(["good1234"]);
    expect(noticesOf(store)).toEqual([
      "One of your saved levels could not be read (“bad12345”), and this browser's storage is full or turned off, so no copy of the save could be kept. The save is left as it was, and changes to your levels are not saved: free some space in this browser's storage and reload.",
    ]);
    store.getState().createDraft(LEVEL);
    expect(store.getState().saveProblem).toBe(SAVE_PROBLEM);
    expect([...items]).toEqual([[DRAFTS_KEY, raw]]);
  });

  it("says when storage refuses a write, and clears that once a write succeeds", () => {
    let full = true;
    const items = new Map<string, string>();
    const storage: StateStorage = {
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => {
        if (full) throw new DOMException("quota", "QuotaExceededError");
        items.set(k, v);
      },
      removeItem: (k) => void items.delete(k),
    };
    const store = createDraftStore({ storage });
    const id = store.getState().createDraft(LEVEL);
    expect(store.getState().saveProblem).toBe(SAVE_PROBLEM);
    expect(store.getState().drafts[id].text).toBe(LEVEL); // still there, in memory
    full = false;
    store.getState().saveDraft(id, `${LEVEL} `);
    expect(store.getState().saveProblem).toBeNull();
    expect(JSON.parse(items.get(DRAFTS_KEY)!).state.drafts[id].text).toBe(`${LEVEL} `);
  });
});

describe("draft helpers", () => {
  it("reads a draft's title and level id leniently", () => {
    expect(draftSummary(LEVEL)).toEqual({ title: "My Race", levelId: "my-race" });
    expect(draftSummary('{ "title": "  ", "id": "Not Kebab" }')).toEqual({ title: null, levelId: null });
    expect(draftSummary("{ broken")).toEqual({ title: null, levelId: null });
    expect(draftSummary("[1]")).toEqual({ title: null, levelId: null });
  });

  it("makes ids of ten base-36 characters", () => {
    expect(newDraftId()).toMatch(/^[a-z0-9]{10}$/);
    expect(newDraftId((b) => b.fill(35))).toBe("zzzzzzzzzz");
  });
});
