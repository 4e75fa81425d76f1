// The store of the player's own levels: a vanilla zustand store (no React), saved by `persist`
// with a version, `migrate` and validation, like progress. A failed write (storage full or
// forbidden) is not swallowed: `saveProblem` says so, and the editor shows it. A level the game
// could not open is set aside (set-aside.ts) with a notice, so that nothing opens it again.

import { createStore } from "zustand/vanilla";
import { persist, type StateStorage } from "zustand/middleware";
import {
  corruptDraftsNotice, draftSummary, DRAFTS_CORRUPT_KEY, DRAFTS_KEY, DRAFTS_VERSION, migrateDrafts, newDraftId, validateDrafts,
  type Draft, type DraftId, type DraftOrigin, type SavedDrafts,
} from "./drafts";
import { words, type Words } from "../../i18n/words";
import { savedStorage } from "./saved-storage";
import { leftOutNotice, readSetAside, setAsideNotice, writeSetAside, type SetAsideDraft } from "./set-aside";

/** Something the player is told about their levels, until dismissed. */
export interface DraftNotice {
  id: number;
  text: Words;
}

export interface DraftState {
  drafts: Record<DraftId, Draft>;
  /** The levels set aside (mirrors the set-aside key). */
  setAside: Record<DraftId, SetAsideDraft>;
  /** Levels that could not be opened, nor set aside (storage full): left out of lists for this visit, with why. */
  leftOut: Record<DraftId, string>;
  /** Levels made or changed in this visit: the player's work in hand, shown with what fails, never set aside unasked. */
  editedNow: Record<DraftId, true>;
  /** Not persisted. */
  notices: DraftNotice[];
  /** Why the last save failed, until one succeeds; not persisted. */
  saveProblem: Words | null;
  /** Makes a draft with this text; returns its id. */
  createDraft(text: string, origin?: DraftOrigin): DraftId;
  /** Saves a draft's text (making the draft again if another tab deleted it meanwhile). */
  saveDraft(id: DraftId, text: string): void;
  deleteDraft(id: DraftId): void;
  /**
   * Takes a draft the game could not open out of the list, into the set-aside key; `why` is for the
   * player. A draft made or changed in this visit is set aside only when the player `asked`.
   */
  setAsideDraft(id: DraftId, why: string, asked?: boolean): void;
  /** Brings a set-aside (or left-out) draft back among the player's levels; returns its id there, or null. */
  putBack(id: DraftId): DraftId | null;
  dismissNotice(id: number): void;
}

export interface DraftStoreOptions {
  storage: StateStorage;
  now?: () => Date;
  newId?: () => DraftId;
}

export const SAVE_PROBLEM: Words = words("common.drafts.saveProblem");

/** A draft, looked up by an id that may come from the address bar: never from the prototype. */
export function draftNamed<T>(drafts: Record<DraftId, T>, id: string): T | undefined {
  return Object.hasOwn(drafts, id) ? drafts[id] : undefined;
}

export function createDraftStore({ storage, now = () => new Date(), newId = () => newDraftId() }: DraftStoreOptions) {
  let writeFailed = false;
  let setProblem: (problem: Words | null) => void = () => {};
  let noticeIds = 0;
  const notice = (text: Words): DraftNotice => ({ id: ++noticeIds, text });
  let setAsideWritable = true;
  const saved = savedStorage<SavedDrafts>(storage, {
    corruptKey: DRAFTS_CORRUPT_KEY,
    keepEarlier: true,
    onWriteError: () => {
      writeFailed = true;
      setProblem(SAVE_PROBLEM);
    },
    onWrite: () => {
      writeFailed = false;
      setProblem(null);
    },
  });
  const store = createStore<DraftState>()(
    persist<DraftState, [], [], SavedDrafts>(
      (set, get) => {
        setProblem = (problem) => {
          // While the store is being made (hydration), there is no state to compare yet: merge reads writeFailed.
          const state = get() as DraftState | undefined;
          if (state && state.saveProblem !== problem) set({ saveProblem: problem });
        };
        const freeId = () => {
          let id = newId();
          while (draftNamed(get().drafts, id) || draftNamed(get().setAside, id)) id = newId();
          return id;
        };
        return {
          drafts: {},
          setAside: {},
          leftOut: {},
          editedNow: {},
          notices: [],
          saveProblem: null,
          createDraft: (text, origin) => {
            const id = freeId();
            const at = now().toISOString();
            const draft: Draft = { text, createdAt: at, updatedAt: at, ...(origin ? { origin } : {}) };
            set({ drafts: { ...get().drafts, [id]: draft }, editedNow: { ...get().editedNow, [id]: true } });
            return id;
          },
          saveDraft: (id, text) => {
            const before = draftNamed(get().drafts, id);
            if (before?.text === text) return;
            const at = now().toISOString();
            const draft: Draft = before ? { ...before, text, updatedAt: at } : { text, createdAt: at, updatedAt: at };
            set({ drafts: { ...get().drafts, [id]: draft }, editedNow: { ...get().editedNow, [id]: true } });
          },
          deleteDraft: (id) => {
            if (!draftNamed(get().drafts, id)) return;
            const { [id]: _gone, ...rest } = get().drafts;
            set({ drafts: rest });
          },
          setAsideDraft: (id, why, asked = false) => {
            const draft = draftNamed(get().drafts, id);
            if (!draft || Object.hasOwn(get().leftOut, id) || (!asked && Object.hasOwn(get().editedNow, id))) return;
            const title = draftSummary(draft.text).title ?? words("common.untitledLevel");
            // The copy is written first: only once it is kept does the draft leave the save.
            const entry: SetAsideDraft = { ...draft, why, setAsideAt: now().toISOString() };
            const setAside = { ...readSetAside(storage).drafts, [id]: entry };
            if (!setAsideWritable || !writeSetAside(storage, setAside)) {
              set({ leftOut: { ...get().leftOut, [id]: why }, notices: [...get().notices, notice(leftOutNotice(title, why))] });
              return;
            }
            const { [id]: _moved, ...rest } = get().drafts;
            set({ drafts: rest, setAside, notices: [...get().notices, notice(setAsideNotice(title, why))] });
          },
          putBack: (id) => {
            if (Object.hasOwn(get().leftOut, id)) {
              // Never moved out of the save: it only comes back into the lists.
              const { [id]: _back, ...leftOut } = get().leftOut;
              set({ leftOut, editedNow: { ...get().editedNow, [id]: true } });
              return draftNamed(get().drafts, id) ? id : null;
            }
            const entry = draftNamed(get().setAside, id);
            if (!entry) return null;
            const { why: _why, setAsideAt: _at, ...draft } = entry;
            const to = draftNamed(get().drafts, id) ? freeId() : id;
            // Brought back to be worked on: the lists show what fails instead of setting it aside again.
            set({ drafts: { ...get().drafts, [to]: draft }, editedNow: { ...get().editedNow, [to]: true } });
            if (writeFailed) return to; // not saved among the drafts: the copy set aside stays
            const { [id]: _back, ...setAside } = readSetAside(storage).drafts;
            if (writeSetAside(storage, setAside)) set({ setAside });
            return to;
          },
          dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
        };
      },
      {
        name: DRAFTS_KEY,
        version: DRAFTS_VERSION,
        storage: saved.storage,
        partialize: (s): SavedDrafts => ({ drafts: s.drafts }),
        migrate: migrateDrafts as (persisted: unknown, version: number) => SavedDrafts,
        merge: (persisted, current) => {
          saved.release(); // each reading of the save decides anew (another tab may have replaced it)
          const aside = readSetAside(storage);
          setAsideWritable = aside.writable;
          const base = { ...current, setAside: aside.drafts };
          if (persisted === undefined && !saved.unreadable) return base; // nothing saved yet
          const loaded = persisted === undefined ? null : validateDrafts(persisted);
          if (loaded && loaded.dropped.length === 0) return { ...base, drafts: loaded.drafts };
          const keptAside = saved.keepAside(DRAFTS_KEY);
          const drafts = loaded?.drafts ?? {};
          // Save the drafts that could be read at once: until then they would live in memory only.
          if (loaded && keptAside.kept) saved.storage.setItem(DRAFTS_KEY, { state: { drafts }, version: DRAFTS_VERSION });
          const told = notice(corruptDraftsNotice(loaded ? loaded.dropped : "all", keptAside));
          return { ...base, drafts, notices: [...current.notices, told], saveProblem: writeFailed ? SAVE_PROBLEM : null };
        },
      },
    ),
  );
  return store;
}

export type DraftStore = ReturnType<typeof createDraftStore>;

/** Drafts, newest first. */
export function draftsByDate<T extends { updatedAt: string }>(drafts: Record<DraftId, T>): [DraftId, T][] {
  return Object.entries(drafts).sort(([, a], [, b]) => b.updatedAt.localeCompare(a.updatedAt));
}
