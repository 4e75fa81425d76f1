// The player's saved progress: which levels are solved, when, and with which moves. Saved in
// localStorage by zustand's `persist`; everything loaded is validated, and a save that cannot be
// read is kept aside under CORRUPT_KEY (never silently thrown away) before progress is reset.

import type { StateStorage } from "zustand/middleware";
import * as z from "zod/mini";
import { savedStorage } from "./saved-storage";

export const PROGRESS_KEY = "interleave-progress";
export const CORRUPT_KEY = `${PROGRESS_KEY}.corrupt`;
export const PROGRESS_VERSION = 1;

export const SolvedLevelSchema = z.object({
  /** ISO 8601 time of the first win. */
  solvedAt: z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), "not a date")),
  /** The winning schedule, as `solution` writes moves. */
  moves: z.array(z.string()).check(z.maxLength(100_000)),
});
export type SolvedLevel = z.output<typeof SolvedLevelSchema>;

export const ProgressSchema = z.object({
  solved: z.record(z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)), SolvedLevelSchema),
});
export type Progress = z.output<typeof ProgressSchema>;

export const CORRUPT_SAVE_NOTICE =
  `Your saved progress could not be read, so it has been reset. The old save is kept in this browser's storage under "${CORRUPT_KEY}".`;

/** Brings a save written by an older version up to this one; null when it cannot. */
export function migrateProgress(persisted: unknown, version: number): unknown {
  // Version 0 is what `persist` records when no version was set: the same shape as version 1.
  if (version === 0) return persisted;
  return null; // a newer game's save, or nonsense: not ours to guess at
}

/** Validates what was loaded (after migration); `null` means the save was unusable. */
export function validateProgress(persisted: unknown): Progress | null {
  const parsed = ProgressSchema.safeParse(persisted);
  return parsed.success ? parsed.data : null;
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

/** The storage `persist` saves progress through; an unreadable save goes to CORRUPT_KEY (saved-storage.ts). */
export function progressStorage(backing: StateStorage) {
  return savedStorage<Progress>(backing, { corruptKey: CORRUPT_KEY });
}
