// The packs the student has opened and their progress, on zustand's vanilla store (no React).
// Saved by hand through pack-saves.ts, because each pack's progress has a key of its own (pack id
// and hash): a pack never sees the campaign's progress nor another pack's, and a new version of a
// pack (another hash) starts with its own. Storage that is full or forbidden costs the saving,
// never the game: what could not be saved lives in memory for the visit, and a notice says so.

import { createStore } from "zustand/vanilla";
import { words, type Words } from "../../i18n/words";
import type { StateStorage } from "zustand/middleware";
import {
  corruptKey, packProgressKey, packSaveNotice, packTextKey, PACKS_KEY, readPackProgress, readRememberedPacks, writePackProgress,
  writeRememberedPacks, type PackFrom, type PackRef, type PackSolution, type PackSolved, type RememberedPack,
} from "./pack-saves";

export interface PackNotice {
  key: string;
  text: Words;
}

export interface PackState {
  /** The packs opened in this browser, newest first. */
  packs: RememberedPack[];
  /** Progress of the packs read so far, by `progressId(ref)`. */
  progress: ReadonlyMap<string, ReadonlyMap<string, PackSolved>>;
  notices: PackNotice[];
  /** Keeps the pack (its text too) for the list; false when its text could not be stored. */
  remember(pack: PackRef & { title: string }, text: string, from: PackFrom, src?: string): boolean;
  /** Takes a pack off the list (its progress stays, under its id and hash). */
  forget(id: string): void;
  /** The text of the remembered pack with this id, or null. */
  textOf(id: string): string | null;
  /** Reads a pack's progress from the save (once a visit; another tab's changes when asked again). */
  loadProgress(ref: PackRef): ReadonlyMap<string, PackSolved>;
  /** Records a solved level; the first win's time and the shortest schedule are kept. */
  recordSolved(ref: PackRef, levelId: string, solution: PackSolution): void;
  dismissNotice(key: string): void;
}

export const progressId = (ref: PackRef) => `${ref.id} ${ref.hash}`;

export interface PackStoreOptions {
  storage: StateStorage;
  now?: () => Date;
}

export function createPackStore({ storage, now = () => new Date() }: PackStoreOptions) {
  // Texts that could not be stored live here for the visit.
  const memoryTexts = new Map<string, string>();
  const get = (key: string): string | null => {
    try {
      return storage.getItem(key) as string | null;
    } catch {
      return null;
    }
  };
  const put = (key: string, value: string): boolean => {
    try {
      storage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  };
  /** Copies an unreadable save aside (an earlier copy is kept: .corrupt.2, .3 ...); the key it went to, or null. */
  const keepAside = (key: string, raw: string): string | null => {
    let aside = corruptKey(key);
    for (let n = 2; get(aside) !== null && n < 1000; n++) aside = `${corruptKey(key)}.${n}`;
    return put(aside, raw) ? aside : null;
  };

  const noticesFor = (key: string, what: "packs" | "progress", raw: string | null, read: { broken: number; whole: boolean }): PackNotice[] => {
    if (raw === null || (read.whole && read.broken === 0)) return [];
    return [{ key, text: packSaveNotice(what, read, keepAside(key, raw)) }];
  };

  const packsRaw = get(PACKS_KEY);
  const packsRead = readRememberedPacks(packsRaw);

  return createStore<PackState>()((set, getState) => {
    const notify = (notice: PackNotice) => set((s) => ({ notices: [...s.notices.filter((n) => n.key !== notice.key), notice] }));
    const savePacks = (packs: RememberedPack[]) => {
      if (!put(PACKS_KEY, writeRememberedPacks(packs))) {
        notify({ key: PACKS_KEY, text: words("common.packs.listNotSaved") });
      }
    };
    return {
      packs: packsRead.value,
      progress: new Map(),
      notices: noticesFor(PACKS_KEY, "packs", packsRaw, packsRead),
      remember(pack, text, from, src) {
        const entry: RememberedPack = { id: pack.id, hash: pack.hash, title: pack.title, openedAt: now().toISOString(), from, ...(src === undefined ? {} : { src }) };
        const packs = [entry, ...getState().packs.filter((p) => p.id !== pack.id)];
        set({ packs });
        savePacks(packs);
        memoryTexts.set(pack.id, text);
        const kept = get(packTextKey(pack.id)) === text || put(packTextKey(pack.id), text);
        if (!kept) {
          notify({ key: packTextKey(pack.id), text: words("common.packs.textNotKept", { title: pack.title }) });
        }
        return kept;
      },
      forget(id) {
        const packs = getState().packs.filter((p) => p.id !== id);
        set({ packs });
        savePacks(packs);
        memoryTexts.delete(id);
        try {
          storage.removeItem(packTextKey(id));
        } catch {
          // Forbidden storage: nothing was kept there anyway.
        }
      },
      textOf(id) {
        return memoryTexts.get(id) ?? get(packTextKey(id));
      },
      loadProgress(ref) {
        const key = packProgressKey(ref.id, ref.hash);
        const raw = get(key);
        const read = readPackProgress(raw);
        const notices = noticesFor(key, "progress", raw, read);
        // Save what could be read, without the broken entries (the whole save is kept aside first).
        if (notices.length > 0) put(key, writePackProgress(read.value));
        const progress = new Map(getState().progress);
        progress.set(progressId(ref), read.value);
        set({ progress });
        for (const n of notices) notify(n);
        return read.value;
      },
      recordSolved(ref, levelId, solution) {
        const id = progressId(ref);
        const solved = new Map(getState().progress.get(id) ?? getState().loadProgress(ref));
        const before = solved.get(levelId);
        // Keep the first win's time; a shorter winning schedule replaces a longer one.
        if (before) {
          const shorter = "schedule" in solution && "schedule" in before && solution.schedule.length < before.schedule.length;
          if (!shorter) return;
        }
        solved.set(levelId, { ...solution, solvedAt: before?.solvedAt ?? now().toISOString() });
        const progress = new Map(getState().progress);
        progress.set(id, solved);
        set({ progress });
        if (!put(packProgressKey(ref.id, ref.hash), writePackProgress(solved))) {
          notify({ key: `unsaved ${id}`, text: words("common.packs.progressNotSaved") });
        }
      },
      dismissNotice(key) {
        set((s) => ({ notices: s.notices.filter((n) => n.key !== key) }));
      },
    };
  });
}

export type PackStore = ReturnType<typeof createPackStore>;
