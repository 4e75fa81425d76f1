// The player's saved progress: which levels are solved, when, and with which moves. Saved in
// localStorage by zustand's `persist`; everything loaded is validated entry by entry, and a save
// that cannot be read in full is kept aside under CORRUPT_KEY (never silently thrown away) before
// the entries that could be read are saved again. A newer game's save is left untouched.

import type { StateStorage } from "zustand/middleware";
import { INVALID, list, object, text, type Read } from "./save-check";
import { words, type Words } from "../../i18n/words";
import { savedStorage, type KeptAside } from "./saved-storage";

export const PROGRESS_KEY = "interleave-progress";
export const CORRUPT_KEY = `${PROGRESS_KEY}.corrupt`;
export const PROGRESS_VERSION = 1;
const LEVEL_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const readSolvedLevel = object({
  /** ISO 8601 time of the first win. */
  solvedAt: text({ date: true }),
  /** The winning schedule, as `solution` writes moves. */
  moves: list(text(), { max: 100_000 }),
});
export type SolvedLevel = Read<typeof readSolvedLevel>;

export interface Progress {
  solved: Record<string, SolvedLevel>;
}

/** What a save holds, read entry by entry: the levels that could be read, and how many could not. */
export interface ReadProgress {
  progress: Progress;
  broken: number;
}

/** Brings a save written by an older version up to this one; null when it cannot. */
export function migrateProgress(persisted: unknown, version: number): unknown {
  // Version 0 is what `persist` records when no version was set: the same shape as version 1.
  if (version === 0) return persisted;
  return null; // a newer game's save, or nonsense: not ours to guess at
}

/** A save from a later version of the game than this one: kept untouched, never read or reset. */
export function isNewerVersion(version: number): boolean {
  return Number.isSafeInteger(version) && version > PROGRESS_VERSION;
}

/**
 * Reads what was loaded (after migration) solved level by solved level: one broken entry costs
 * that entry, not the others. `null` means the save as a whole was unusable.
 */
export function readProgress(persisted: unknown): ReadProgress | null {
  if (typeof persisted !== "object" || persisted === null) return null;
  const all: unknown = (persisted as { solved?: unknown }).solved;
  if (typeof all !== "object" || all === null || Array.isArray(all)) return null;
  const kept: [string, SolvedLevel][] = [];
  let broken = 0;
  for (const [id, value] of Object.entries(all)) {
    const entry = readSolvedLevel(value);
    if (entry !== INVALID && LEVEL_ID.test(id)) kept.push([id, entry]);
    else broken++;
  }
  // fromEntries defines own properties: an id like "__proto__" could not reach the prototype.
  return { progress: { solved: Object.fromEntries(kept) }, broken };
}

/** What the player is told when a save could not be read in full: what was lost, and where it is now. */
export function unreadableProgressNotice(read: ReadProgress | null, aside: KeptAside): Words {
  if (!aside.kept) return read ? words("common.progress.someUnread.refused", { broken: read.broken }) : words("common.progress.unread.refused");
  if (!read) return words("common.progress.unread.kept", { key: aside.key });
  const kept = Object.keys(read.progress.solved).length;
  return words("common.progress.someUnread.kept", { broken: read.broken, kept, key: aside.key });
}

/** What the player is told when the save is from a later version of the game. */
export function newerProgressNotice(version: number): Words {
  return words("common.progress.newer", { version, current: PROGRESS_VERSION });
}

/** localStorage when the browser lets us use it, else memory (progress then lasts a visit). */
export function browserStorage(): StateStorage {
  try {
    const ls = globalThis.localStorage;
    const probe = `${PROGRESS_KEY}.probe`;
    ls.setItem(probe, "1");
    ls.removeItem(probe);
    return ls;
  } catch {
    return memoryStorage();
  }
}

/** Rehydrates a persisted store when another tab saves under its key, so tabs stay in step. */
export function followOtherTabs(store: { persist: { rehydrate(): unknown } }, key: string): void {
  if (typeof window === "undefined") return;
  window.addEventListener("storage", (e) => {
    if (e.key === key) void store.persist.rehydrate();
  });
}

export function memoryStorage(initial: Record<string, string> = {}): StateStorage & { dump(): Record<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    dump: () => Object.fromEntries(items),
  };
}

/** The storage `persist` saves progress through; an unreadable save goes to CORRUPT_KEY, or
 *  CORRUPT_KEY.2, .3 ... when an earlier one is kept there (saved-storage.ts). */
export function progressStorage(backing: StateStorage) {
  return savedStorage<Progress>(backing, { corruptKey: CORRUPT_KEY, keepEarlier: true });
}
