// A level the game cannot open is set aside with a notice, never deleted, and can come back;
// a storage that cannot keep it aside leaves it in the save, out of the list for this visit.

import { describe, expect, it } from "vitest";
import type { StateStorage } from "zustand/middleware";
import { createDraftStore, draftNamed } from "./draft-store";
import { readDraftLevel, errorText } from "./draft-level";
import { DRAFTS_KEY } from "./drafts";
import { memoryStorage } from "./progress";
import { SET_ASIDE_KEY } from "./set-aside";
import { say } from "../../i18n/index";

const T0 = "2030-01-02T03:04:05.000Z";
const TEXT = '{ "format": 1, "id": "boom", "title": "Boom", "threads": [{ "name": "A", "code": "toString();" }] }';
const WHY = "the game failed while reading it (TypeError: Cannot read properties of undefined (reading 'length'))";
const envelope = (drafts: unknown) => JSON.stringify({ version: 1, state: { drafts } });
const draft = (text: string) => ({ text, createdAt: T0, updatedAt: T0 });

function storeWith(saved: Record<string, string>, storage: StateStorage & { dump(): Record<string, string> } = memoryStorage(saved)) {
  let ids = 0;
  const store = createDraftStore({ storage, now: () => new Date("2030-02-03T04:05:06.000Z"), newId: () => `fresh${++ids}` });
  return { store, storage };
}

describe("setting a draft aside", () => {
  it("moves it, whole, to a key of its own, and tells the player which level and why", () => {
    const { store, storage } = storeWith({ [DRAFTS_KEY]: envelope({ boom1234: draft(TEXT), fine1234: draft("{}") }) });
    store.getState().setAsideDraft("boom1234", WHY);
    expect(Object.keys(store.getState().drafts)).toEqual(["fine1234"]);
    expect(JSON.parse(storage.dump()[DRAFTS_KEY]).state.drafts).toEqual({ fine1234: draft("{}") });
    expect(JSON.parse(storage.dump()[SET_ASIDE_KEY])).toEqual({
      version: 1,
      drafts: { boom1234: { ...draft(TEXT), why: WHY, setAsideAt: "2030-02-03T04:05:06.000Z" } },
    });
    expect(store.getState().notices.map((n) => say(n.text))).toEqual([
      `Your level “Boom” could not be opened: ${WHY}. It is set aside, so it is not opened again: kept in this browser's storage under "${SET_ASIDE_KEY}", and listed under “Set aside” in My levels, where you can download it or open it in the editor.`,
    ]);
    // A reload lists it as set aside, not among the levels, and says nothing more.
    const again = createDraftStore({ storage }).getState();
    expect(Object.keys(again.drafts)).toEqual(["fine1234"]);
    expect(Object.keys(again.setAside)).toEqual(["boom1234"]);
    expect(again.notices).toEqual([]);
  });

  it("leaves a level made or changed in this visit alone, unless the player asks", () => {
    const { store } = storeWith({});
    const id = store.getState().createDraft(TEXT);
    store.getState().setAsideDraft(id, WHY);
    expect(Object.keys(store.getState().drafts)).toEqual([id]);
    expect(store.getState().notices).toEqual([]);
    store.getState().setAsideDraft(id, WHY, true);
    expect(Object.keys(store.getState().drafts)).toEqual([]);
    expect(Object.keys(store.getState().setAside)).toEqual([id]);
  });

  it("doing it twice (a second render, another screen) changes nothing more", () => {
    const { store, storage } = storeWith({ [DRAFTS_KEY]: envelope({ boom1234: draft(TEXT) }) });
    store.getState().setAsideDraft("boom1234", WHY);
    const after = storage.dump();
    store.getState().setAsideDraft("boom1234", "again");
    expect(storage.dump()).toEqual(after);
    expect(store.getState().notices).toHaveLength(1);
  });

  it("puts a set-aside draft back among the player's levels, under a new id if its own was taken", () => {
    const { store, storage } = storeWith({
      [DRAFTS_KEY]: envelope({ boom1234: draft(TEXT) }),
      [SET_ASIDE_KEY]: JSON.stringify({ version: 1, drafts: { boom1234: { ...draft("old"), why: WHY, setAsideAt: T0 } } }),
    });
    expect(store.getState().putBack("boom1234")).toBe("fresh1");
    expect(store.getState().drafts).toEqual({ boom1234: draft(TEXT), fresh1: draft("old") });
    expect(store.getState().setAside).toEqual({});
    expect(storage.dump()[SET_ASIDE_KEY]).toBeUndefined();
    expect(JSON.parse(storage.dump()[DRAFTS_KEY]).state.drafts.fresh1).toEqual(draft("old"));
    expect(store.getState().putBack("boom1234")).toBeNull();
  });

  it("leaves the draft in the save, out of the list for this visit, when storage cannot keep it aside", () => {
    const saved = { [DRAFTS_KEY]: envelope({ boom1234: draft(TEXT) }) };
    const items = new Map(Object.entries(saved));
    const full: StateStorage & { dump(): Record<string, string> } = {
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => {
        if (k === SET_ASIDE_KEY) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        items.set(k, v);
      },
      removeItem: (k) => void items.delete(k),
      dump: () => Object.fromEntries(items),
    };
    const { store } = storeWith(saved, full);
    store.getState().setAsideDraft("boom1234", WHY);
    expect(Object.keys(full.dump())).toEqual([DRAFTS_KEY]);
    expect(JSON.parse(full.dump()[DRAFTS_KEY]).state.drafts).toEqual({ boom1234: draft(TEXT) });
    expect(Object.keys(store.getState().drafts)).toEqual(["boom1234"]);
    expect(store.getState().leftOut).toEqual({ boom1234: WHY });
    expect(store.getState().notices.map((n) => say(n.text))).toEqual([
      `Your level “Boom” could not be opened: ${WHY}. This browser's storage is full or turned off, so it could not be set aside either: it stays in your save, and until the page is reloaded My levels lists it under “Set aside”, where you can download it or open it in the editor.`,
    ]);
    expect(store.getState().putBack("boom1234")).toBe("boom1234");
    expect(store.getState().leftOut).toEqual({});
    expect(Object.keys(store.getState().drafts)).toEqual(["boom1234"]);
  });

  it("never writes over a set-aside key it cannot read", () => {
    const { store, storage } = storeWith({ [DRAFTS_KEY]: envelope({ boom1234: draft(TEXT) }), [SET_ASIDE_KEY]: "{torn" });
    store.getState().setAsideDraft("boom1234", WHY);
    expect(storage.dump()[SET_ASIDE_KEY]).toBe("{torn");
    expect(Object.keys(store.getState().leftOut)).toEqual(["boom1234"]);
  });
});

describe("reading a draft's level", () => {
  it("turns a throw from the engine into words, whatever was thrown", () => {
    const throwing = (e: unknown) => () => {
      throw e;
    };
    expect(readDraftLevel(TEXT, throwing(new TypeError("Cannot read properties of undefined (reading 'length')")))).toEqual({ kind: "failed", why: WHY });
    expect(readDraftLevel(TEXT, throwing(new RangeError("Maximum call stack size exceeded")))).toEqual({
      kind: "failed",
      why: "the game failed while reading it (RangeError: Maximum call stack size exceeded)",
    });
    const hostile = { toString: () => { throw new Error("no"); } };
    expect(errorText(hostile)).toBe("an error that cannot be shown");
    expect(errorText("just words")).toBe("just words");
    expect(errorText(new Error("x".repeat(1000)))).toHaveLength(300);
  });

  it("passes the engine's errors through", () => {
    const read = readDraftLevel("{ not json");
    expect(read.kind).toBe("errors");
    expect(read.kind === "errors" && read.errors[0].code).toBe("json-syntax");
  });

  it("finds no draft by a name from the prototype", () => {
    const { store } = storeWith({ [DRAFTS_KEY]: envelope({ real1234: draft("{}") }) });
    for (const id of ["constructor", "toString", "__proto__", "hasOwnProperty"]) expect(draftNamed(store.getState().drafts, id)).toBeUndefined();
    expect(draftNamed(store.getState().drafts, "real1234")).toEqual(draft("{}"));
  });
});
