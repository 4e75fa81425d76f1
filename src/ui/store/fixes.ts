// The student's code on fix-it levels, kept in localStorage so a reload or another visit finds it
// as it was typed. One versioned save holds every level's fix; it is validated entry by entry, so
// a damaged entry costs that entry only, and a save that cannot be read at all is copied aside
// (never silently thrown away) before the game starts afresh.

import { INVALID, object, record, text, type Read } from "./save-check";
import type { StateStorage } from "zustand/middleware";
import { words, type Words } from "../../i18n/words";

export const FIXES_KEY = "interleave-fixes";
export const FIXES_CORRUPT_KEY = `${FIXES_KEY}.corrupt`;
export const FIXES_VERSION = 1;
/** A thread's code is typed by hand; anything longer than this is not a fix. */
export const MAX_FIX_CHARS = 100_000;

const readSavedFix = object({
  code: record(text({ max: 200 }), text({ max: MAX_FIX_CHARS })),
  savedAt: text({ date: true }),
});
export type SavedFix = Read<typeof readSavedFix>;

export interface FixStore {
  /** The saved code for this level's editable threads, or null (none saved, or not for these threads). */
  get(levelId: string, threads: readonly string[]): Record<string, string> | null;
  /** Saves the code; false when the browser refused (storage full or forbidden). */
  save(levelId: string, code: Record<string, string>): boolean;
  /** Forgets the level's fix (back to the original code). */
  clear(levelId: string): boolean;
  /** Set once when a save could not be read and was kept aside. */
  notice: Words | null;
}

export function createFixStore(backing: StateStorage, now: () => Date = () => new Date()): FixStore {
  const store: FixStore = {
    notice: null,
    get(levelId, threads) {
      const all = read();
      const fix = Object.hasOwn(all, levelId) ? all[levelId] : undefined;
      if (!fix) return null;
      const keys = Object.keys(fix.code);
      // The level's editable threads changed since this was saved: it no longer fits.
      if (keys.length !== threads.length || !threads.every((t) => Object.hasOwn(fix.code, t))) return null;
      return fix.code;
    },
    save(levelId, code) {
      const all = read();
      all[levelId] = { code: { ...code }, savedAt: now().toISOString() };
      return write(all);
    },
    clear(levelId) {
      const all = read();
      if (!Object.hasOwn(all, levelId)) return true;
      delete all[levelId];
      return write(all);
    },
  };

  function read(): Record<string, SavedFix> {
    let raw: string | null;
    try {
      raw = backing.getItem(FIXES_KEY) as string | null;
    } catch {
      return {};
    }
    if (raw === null) return {};
    const fixes = parse(raw);
    if (fixes) return fixes;
    // Unreadable: keep it aside under a key of its own, then start afresh.
    try {
      if (backing.getItem(FIXES_CORRUPT_KEY) === null) backing.setItem(FIXES_CORRUPT_KEY, raw);
      backing.removeItem(FIXES_KEY);
    } catch {
      // Forbidden storage: nothing more to do.
    }
    store.notice = words("common.fixes.unread", { key: FIXES_CORRUPT_KEY });
    return {};
  }

  function write(fixes: Record<string, SavedFix>): boolean {
    try {
      backing.setItem(FIXES_KEY, JSON.stringify({ version: FIXES_VERSION, fixes }));
      return true;
    } catch {
      return false;
    }
  }

  return store;
}

/** The fixes in a save, entry by entry; null when the save as a whole is not one of ours. */
export function parse(raw: string): Record<string, SavedFix> | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { version, fixes } = value as { version?: unknown; fixes?: unknown };
  if (version !== FIXES_VERSION || typeof fixes !== "object" || fixes === null || Array.isArray(fixes)) return null;
  const out: [string, SavedFix][] = [];
  for (const [id, entry] of Object.entries(fixes)) {
    const fix = readSavedFix(entry);
    // A campaign level's id, or "link:<id>" and "draft:<id>" for levels from a link or the editor,
    // or "pack:<pack id>:<id>" for a pack's level.
    if (fix !== INVALID && /^((link|draft):|pack:[a-z0-9]+(-[a-z0-9]+)*:)?[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) out.push([id, fix]);
  }
  // fromEntries defines own properties: no id could reach the prototype.
  return Object.fromEntries(out);
}
