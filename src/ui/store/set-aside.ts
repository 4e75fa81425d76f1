// Levels of the player's that the game could not open, set aside under a key of their own so that
// nothing runs them again at startup, and never deleted by the game. The key is read as hostile
// input like every save; one that cannot be read in full is never written over.

import type { StateStorage } from "zustand/middleware";
import { words, type Words } from "../../i18n/words";
import { clip, DRAFT_FIELDS, DRAFTS_KEY, readDraftId, type DraftId } from "./drafts";
import { INVALID, object, text, type Read } from "./save-check";

export const SET_ASIDE_KEY = `${DRAFTS_KEY}.set-aside`;
export const SET_ASIDE_VERSION = 1;

const readSetAsideDraft = object(
  {
    ...DRAFT_FIELDS,
    /** What happened when the game tried to open it, in words for the player. */
    why: text({ max: 2000 }),
    setAsideAt: text({ date: true }),
  },
  { optional: ["origin"] },
);
export type SetAsideDraft = Read<typeof readSetAsideDraft>;

/** The drafts set aside, and whether the key may be written (false when it holds something unreadable). */
export interface SetAsideSave {
  drafts: Record<DraftId, SetAsideDraft>;
  writable: boolean;
}

export function readSetAside(storage: StateStorage): SetAsideSave {
  let raw: string | null;
  try {
    raw = storage.getItem(SET_ASIDE_KEY) as string | null;
  } catch {
    return { drafts: {}, writable: false };
  }
  if (raw === null) return { drafts: {}, writable: true };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { drafts: {}, writable: false };
  }
  const all = typeof value === "object" && value !== null ? (value as { version?: unknown; drafts?: unknown }) : {};
  if (all.version !== SET_ASIDE_VERSION || typeof all.drafts !== "object" || all.drafts === null || Array.isArray(all.drafts)) {
    return { drafts: {}, writable: false };
  }
  const kept: [DraftId, SetAsideDraft][] = [];
  let broken = false;
  for (const [id, entry] of Object.entries(all.drafts)) {
    const draft = readSetAsideDraft(entry);
    if (draft !== INVALID && readDraftId(id) !== INVALID) kept.push([id, draft]);
    else broken = true;
  }
  // A broken entry would be lost by the next write: show the others, write nothing.
  return { drafts: Object.fromEntries(kept), writable: !broken };
}

/** Writes the drafts set aside; false when the browser refused (storage full or forbidden). */
export function writeSetAside(storage: StateStorage, drafts: Record<DraftId, SetAsideDraft>): boolean {
  try {
    if (Object.keys(drafts).length === 0) storage.removeItem(SET_ASIDE_KEY);
    else storage.setItem(SET_ASIDE_KEY, JSON.stringify({ version: SET_ASIDE_VERSION, drafts }));
    return true;
  } catch {
    return false;
  }
}

/** `title` is the level's own, or words for a level without one. */
export function setAsideNotice(title: string | Words, why: string): Words {
  return words("common.drafts.setAside", { title: typeof title === "string" ? clip(title) : title, why, key: SET_ASIDE_KEY });
}

export function leftOutNotice(title: string | Words, why: string): Words {
  return words("common.drafts.leftOut", { title: typeof title === "string" ? clip(title) : title, why });
}
