// The store of the player's own levels: a vanilla zustand store (no React), saved by `persist`
// with a version, `migrate` and validation, like progress. A failed write (storage full or
// forbidden) is not swallowed: `saveProblem` says so, and the editor shows it.

import { createStore } from "zustand/vanilla";
import { persist, type StateStorage } from "zustand/middleware";
import {
  corruptDraftsNotice, DRAFTS_CORRUPT_KEY, DRAFTS_KEY, DRAFTS_VERSION, migrateDrafts, newDraftId, validateDrafts,
  type Draft, type DraftId, type DraftOrigin, type SavedDrafts,
} from "./drafts";
import { savedStorage } from "./saved-storage";

export interface DraftState {
  drafts: Record<DraftId, Draft>;
  /** Shown once when saved levels could not be read; not persisted. */
  notice: string | null;
  /** Why the last save failed, until one succeeds; not persisted. */
  saveProblem: string | null;
  /** Makes a draft with this text; returns its id. */
  createDraft(text: string, origin?: DraftOrigin): DraftId;
  /** Saves a draft's text (making the draft again if another tab deleted it meanwhile). */
  saveDraft(id: DraftId, text: string): void;
  deleteDraft(id: DraftId): void;
  dismissNotice(): void;
}

export interface DraftStoreOptions {
  storage: StateStorage;
  now?: () => Date;
  newId?: () => DraftId;
}

export const SAVE_PROBLEM = "Your levels could not be saved: this browser's storage is full or turned off. Export the level to keep it.";

export function createDraftStore({ storage, now = () => new Date(), newId = () => newDraftId() }: DraftStoreOptions) {
  let writeFailed = false;
  let setProblem: (problem: string | null) => void = () => {};
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
        return {
          drafts: {},
          notice: null,
          saveProblem: null,
          createDraft: (text, origin) => {
            let id = newId();
            while (get().drafts[id]) id = newId();
            const at = now().toISOString();
            const draft: Draft = { text, createdAt: at, updatedAt: at, ...(origin ? { origin } : {}) };
            set({ drafts: { ...get().drafts, [id]: draft } });
            return id;
          },
          saveDraft: (id, text) => {
            const before = get().drafts[id];
            if (before?.text === text) return;
            const at = now().toISOString();
            const draft: Draft = before ? { ...before, text, updatedAt: at } : { text, createdAt: at, updatedAt: at };
            set({ drafts: { ...get().drafts, [id]: draft } });
          },
          deleteDraft: (id) => {
            if (!get().drafts[id]) return;
            const { [id]: _gone, ...rest } = get().drafts;
            set({ drafts: rest });
          },
          dismissNotice: () => set({ notice: null }),
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
          if (persisted === undefined && !saved.unreadable) return current; // nothing saved yet
          const loaded = persisted === undefined ? null : validateDrafts(persisted);
          if (loaded && loaded.dropped === 0) return { ...current, drafts: loaded.drafts };
          const aside = saved.keepAside(DRAFTS_KEY);
          const drafts = loaded?.drafts ?? {};
          // Save the drafts that could be read at once: until then they would live in memory only.
          if (loaded && aside.kept) saved.storage.setItem(DRAFTS_KEY, { state: { drafts }, version: DRAFTS_VERSION });
          const notice = corruptDraftsNotice(loaded ? loaded.dropped : "all", aside);
          return { ...current, drafts, notice, saveProblem: writeFailed ? SAVE_PROBLEM : null };
        },
      },
    ),
  );
  return store;
}

export type DraftStore = ReturnType<typeof createDraftStore>;

/** Drafts, newest first. */
export function draftsByDate(drafts: Record<DraftId, Draft>): [DraftId, Draft][] {
  return Object.entries(drafts).sort(([, a], [, b]) => b.updatedAt.localeCompare(a.updatedAt));
}
