// The player's own levels ("My levels"): level files written in the editor, imported, or copied
// from the campaign, saved in localStorage as text with a version. What is loaded is validated
// draft by draft: one damaged entry costs that entry, not the others, and the save as it was
// read is kept aside first (never silently thrown away).

import { either, INVALID, literal, object, text, type Read } from "./save-check";
import { words, type Words } from "../../i18n/words";
import type { KeptAside } from "./saved-storage";

export const DRAFTS_KEY = "interleave-levels";
export const DRAFTS_CORRUPT_KEY = `${DRAFTS_KEY}.corrupt`;
export const DRAFTS_VERSION = 1;
/** A draft is a level file; the game refuses level links past 1 MiB, so its text stays under that too. */
export const MAX_DRAFT_CHARS = 1 << 20;

/** Draft ids are made by the game (newDraftId): short, lower-case, safe in a URL. */
export const readDraftId = text({ pattern: /^[a-z0-9]{4,32}$/ });
export type DraftId = string;

const isoDate = text({ date: true });

const readDraftOrigin = either(
  object({ kind: literal("template"), name: text({ max: 100 }) }),
  object({ kind: literal("campaign"), id: text({ max: 200 }) }),
  object({ kind: literal("file"), name: text({ max: 300 }) }),
  object({ kind: literal("link") }),
);
export type DraftOrigin = Read<typeof readDraftOrigin>;

/** The fields of a draft, for the readers of drafts and of drafts set aside. */
export const DRAFT_FIELDS = {
  /** The level file, exactly as typed (it may have errors: it is a draft). */
  text: text({ max: MAX_DRAFT_CHARS }),
  createdAt: isoDate,
  updatedAt: isoDate,
  origin: readDraftOrigin,
};
export const readDraft = object(DRAFT_FIELDS, { optional: ["origin"] });
export type Draft = Read<typeof readDraft>;

export interface SavedDrafts {
  drafts: Record<DraftId, Draft>;
}

/** Brings a save written by an older version up to this one; null when it cannot. */
export function migrateDrafts(persisted: unknown, version: number): unknown {
  // Version 0 is what `persist` records when no version was set: the same shape as version 1.
  if (version === 0) return persisted;
  return null; // a newer game's save, or nonsense: not ours to guess at
}

/**
 * Validates what was loaded (after migration), draft by draft. `dropped` names the entries that
 * could not be read (by title when one can be found, else by id); null means the save as a whole
 * was unusable.
 */
export function validateDrafts(persisted: unknown): { drafts: Record<DraftId, Draft>; dropped: string[] } | null {
  if (typeof persisted !== "object" || persisted === null) return null;
  const all = (persisted as { drafts?: unknown }).drafts;
  if (typeof all !== "object" || all === null || Array.isArray(all)) return null;
  const kept: [DraftId, Draft][] = [];
  const dropped: string[] = [];
  for (const [id, value] of Object.entries(all)) {
    const draft = readDraft(value);
    if (readDraftId(id) !== INVALID && draft !== INVALID) kept.push([id, draft]);
    else dropped.push(nameOfBroken(id, value));
  }
  // fromEntries defines own properties: no id could reach the prototype.
  return { drafts: Object.fromEntries(kept), dropped };
}

/** A save of drafts as `persist` stored it (its state and version), read draft by draft; null when unusable. */
export function readDraftsSave(state: unknown, version: number): { drafts: Record<DraftId, Draft>; dropped: string[] } | null {
  if (version > DRAFTS_VERSION) return null;
  return validateDrafts(version === DRAFTS_VERSION ? state : migrateDrafts(state, version));
}

/** What the player would know a broken entry by: its level's title if its text has one, else its id. */
function nameOfBroken(id: string, value: unknown): string {
  const text = typeof value === "object" && value !== null ? (value as { text?: unknown }).text : undefined;
  const title = typeof text === "string" && text.length <= MAX_DRAFT_CHARS ? draftSummary(text).title : null;
  return `“${clip(title ?? id, 60)}”`;
}

/** Clips a text from a save for a sentence: a title may be as long as its file. */
export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function corruptDraftsNotice(dropped: string[] | "all", aside: KeptAside): Words {
  if (dropped === "all") return aside.kept ? words("common.drafts.unread.kept", { key: aside.key }) : words("common.drafts.unread.refused");
  const names = dropped.length <= 5 ? dropped.join(", ") : words("common.drafts.namesAndMore", { names: dropped.slice(0, 4).join(", "), more: dropped.length - 4 });
  const count = dropped.length;
  return aside.kept ? words("common.drafts.someUnread.kept", { count, names, key: aside.key }) : words("common.drafts.someUnread.refused", { count, names });
}

/** What a list shows of a draft: its title and level id, read leniently (a draft may be broken JSON). */
export function draftSummary(text: string): { title: string | null; levelId: string | null } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return { title: null, levelId: null };
    const { title, id } = value as { title?: unknown; id?: unknown };
    return {
      title: typeof title === "string" && title.trim() !== "" ? title : null,
      levelId: typeof id === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) ? id : null,
    };
  } catch {
    return { title: null, levelId: null };
  }
}

/** A new draft id: ten random base-36 characters. */
export function newDraftId(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): DraftId {
  const bytes = random(new Uint8Array(10));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join("");
}
