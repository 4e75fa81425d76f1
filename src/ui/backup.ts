// Back up and move progress: one JSON file with every save the game keeps in this browser (the
// campaign's progress, the fix-it code, the player's own levels, the settings, the packs opened,
// each pack's progress and the student's name for records), read back only when every save in it reads in full with the reader the game itself
// uses at startup. Nothing is written until the player has confirmed (BackupScreen); then each
// save is replaced, and a save the file does not have is removed, so the browser ends up with
// exactly what was backed up.

import type { StateStorage } from "zustand/middleware";
import { parsePack } from "../course/pack";
import { parseJsonDocument } from "../engine/index";
import { say, t, type MessageId } from "../i18n/index";
import { MAX_STUDENT_CHARS, STUDENT_KEY } from "./pack-record";
import { DRAFTS_KEY, DRAFTS_VERSION, readDraftsSave } from "./store/drafts";
import { FIXES_KEY, parse as parseFixes } from "./store/fixes";
import { migrateProgress, PROGRESS_KEY, PROGRESS_VERSION, readProgress } from "./store/progress";
import { isHash, isPackId, PACKS_KEY, readPackProgress, readRememberedPacks } from "./store/pack-saves";
import { readSettings, SETTINGS_KEY, SETTINGS_VERSION } from "./store/settings";

export const BACKUP_FORMAT = "interleave-backup";
export const BACKUP_VERSION = 1;
/** A backup holds what localStorage can (about 5 MB of text): anything larger is not one of ours. */
export const MAX_BACKUP_CHARS = 16 << 20;

/** One kind of save: its key (or keys), and how to count what a save of it holds, or say why it cannot be read. */
interface SavePart {
  /** Whether `key` is a save of this kind. */
  owns(key: string): boolean;
  /** What the save holds, counted ("3 solved levels"), or why it cannot be read. */
  read(value: unknown): { ok: true; count: number } | { ok: false; why: string };
  /** "12 solved levels", "2 levels of your own": what the confirmation says of `count` of it; null for a save not worth a mention. */
  noun: MessageId | null;
  /** The save is plain text, not JSON: the backup holds it as a JSON string. */
  text?: boolean;
}

/** The `<id>.<hash>` of a pack progress key, when the rest of the key is one. */
const PACK_PROGRESS = /^interleave-pack-progress\.([a-z0-9-]+)\.(sha256-[0-9a-f]{64})$/;
const PACK_TEXT = /^interleave-pack\.([a-z0-9-]+)$/;
/** The student's name in one pack (pack-student.ts): its parameterised levels' numbers follow from it. */
const PACK_STUDENT = /^interleave-pack-student\.([a-z0-9-]+)$/;
const isName = (value: unknown) => typeof value === "string" && value.length <= MAX_STUDENT_CHARS;

/** A zustand `persist` envelope: `{ state, version }`. */
function envelope(value: unknown, current: number): { ok: true; state: unknown; version: number } | { ok: false; why: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, why: t("campaign.backup.why.notSave") };
  const { state, version } = value as { state?: unknown; version?: unknown };
  if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 0) return { ok: false, why: t("campaign.backup.why.noVersion") };
  if (version > current) return { ok: false, why: t("campaign.backup.why.newerSave", { version }) };
  return { ok: true, state, version };
}

const PARTS: readonly SavePart[] = [
  {
    owns: (key) => key === PROGRESS_KEY,
    noun: "campaign.backup.holds.solved",
    read(value) {
      const e = envelope(value, PROGRESS_VERSION);
      if (!e.ok) return e;
      const read = readProgress(e.version === PROGRESS_VERSION ? e.state : migrateProgress(e.state, e.version));
      if (!read) return { ok: false, why: t("campaign.backup.why.notProgress") };
      if (read.broken > 0) return { ok: false, why: t("campaign.backup.why.brokenSolved", { count: read.broken }) };
      return { ok: true, count: Object.keys(read.progress.solved).length };
    },
  },
  {
    owns: (key) => key === FIXES_KEY,
    noun: "campaign.backup.holds.fixes",
    read(value) {
      const fixes = parseFixes(JSON.stringify(value));
      const all = typeof value === "object" && value !== null ? (value as { fixes?: unknown }).fixes : undefined;
      if (!fixes || typeof all !== "object" || all === null) return { ok: false, why: t("campaign.backup.why.notFixes") };
      const broken = Object.keys(all).length - Object.keys(fixes).length;
      if (broken > 0) return { ok: false, why: t("campaign.backup.why.brokenFixes", { count: broken }) };
      return { ok: true, count: Object.keys(fixes).length };
    },
  },
  {
    owns: (key) => key === DRAFTS_KEY,
    noun: "campaign.backup.holds.levels",
    read(value) {
      const e = envelope(value, DRAFTS_VERSION);
      if (!e.ok) return e;
      const read = readDraftsSave(e.state, e.version);
      if (!read) return { ok: false, why: t("campaign.backup.why.notLevels") };
      if (read.dropped.length > 0) return { ok: false, why: t("campaign.backup.why.brokenLevels", { count: read.dropped.length }) };
      return { ok: true, count: Object.keys(read.drafts).length };
    },
  },
  {
    owns: (key) => key === SETTINGS_KEY,
    noun: "campaign.backup.holds.settings",
    read(value) {
      const e = envelope(value, SETTINGS_VERSION);
      if (!e.ok) return e;
      const { unread } = readSettings(e.state);
      if (unread.length > 0) return { ok: false, why: t("campaign.backup.why.settings", { fields: unread.map((w) => say(w)).join(", ") }) };
      return { ok: true, count: 1 };
    },
  },
  {
    owns: (key) => key === PACKS_KEY,
    noun: "campaign.backup.holds.packs",
    read(value) {
      const read = readRememberedPacks(JSON.stringify(value));
      if (!read.whole || read.broken > 0) return { ok: false, why: t("campaign.backup.why.notPacks") };
      return { ok: true, count: read.value.length };
    },
  },
  {
    owns: (key) => {
      const m = PACK_PROGRESS.exec(key);
      return m !== null && isPackId(m[1]) && isHash(m[2]);
    },
    noun: "campaign.backup.holds.packProgress",
    read(value) {
      const read = readPackProgress(JSON.stringify(value));
      if (!read.whole) return { ok: false, why: t("campaign.backup.why.notPackProgress") };
      if (read.broken > 0) return { ok: false, why: t("campaign.backup.why.brokenSolved", { count: read.broken }) };
      return { ok: true, count: read.value.size };
    },
  },
  {
    owns: (key) => {
      const m = PACK_TEXT.exec(key);
      return m !== null && isPackId(m[1]);
    },
    noun: null,
    read(value) {
      const parsed = parsePack(JSON.stringify(value), "the pack");
      return parsed.ok ? { ok: true, count: 1 } : { ok: false, why: t("campaign.backup.why.packErrors", { error: parsed.error[0]?.message ?? t("campaign.backup.why.unreadable") }) };
    },
  },
  {
    owns: (key) => key === STUDENT_KEY,
    noun: "campaign.backup.holds.student",
    text: true,
    read: (value) => (isName(value) ? { ok: true, count: 1 } : { ok: false, why: t("campaign.backup.why.notName") }),
  },
  {
    owns: (key) => {
      const m = PACK_STUDENT.exec(key);
      return m !== null && isPackId(m[1]);
    },
    noun: null,
    text: true,
    read: (value) => (isName(value) ? { ok: true, count: 1 } : { ok: false, why: t("campaign.backup.why.notName") }),
  },
];

const partOf = (key: string) => PARTS.find((p) => p.owns(key));

/** A backup file's saves, each read in full, and what they hold in words for the confirmation. */
export interface Backup {
  exportedAt: string;
  /** Each save's key and the exact text to store under it. */
  saves: Map<string, string>;
  /** "12 solved levels", "2 levels of your own", ... in the order of PARTS. */
  holds: string[];
}

export type BackupRead = { ok: true; backup: Backup } | { ok: false; message: string };

/** Every save of ours in `storage`, as the text of a backup file. Unreadable saves are left out. */
export function exportBackup(storage: Pick<Storage, "length" | "key" | "getItem">, now: Date): string {
  const saves: [string, unknown][] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    const part = key === null ? undefined : partOf(key);
    if (key === null || !part) continue;
    const raw = storage.getItem(key);
    if (raw === null) continue;
    try {
      saves.push([key, part.text ? raw : JSON.parse(raw)]);
    } catch {
      // A save that is not JSON is one the game has not read either: it stays out of the backup.
    }
  }
  saves.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), saves: Object.fromEntries(saves) }, null, 2)}\n`;
}

/** Reads a backup file; any problem refuses the whole file, with the reason. */
export function readBackup(text: string, file: string): BackupRead {
  const refuse = (why: string): BackupRead => ({ ok: false, message: t("campaign.backup.refused", { file, why }) });
  if (text.length > MAX_BACKUP_CHARS) return refuse(t("campaign.backup.why.tooLarge"));
  const doc = parseJsonDocument(text);
  if (!doc.ok) {
    const e = doc.error[0];
    return { ok: false, message: `${file}:${e.line ?? 1}:${e.column ?? 1}: ${e.message}` };
  }
  const value = doc.value.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return refuse(t("campaign.backup.why.notBackup"));
  const { format, version, exportedAt, saves } = value as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) return refuse(t("campaign.backup.why.wrongFormat"));
  if (typeof version !== "number" || !Number.isSafeInteger(version)) return refuse(t("campaign.backup.why.noVersion"));
  if (version > BACKUP_VERSION) return refuse(t("campaign.backup.why.newerBackup", { version }));
  if (typeof exportedAt !== "string" || Number.isNaN(Date.parse(exportedAt))) return refuse(t("campaign.backup.why.noDate"));
  if (typeof saves !== "object" || saves === null || Array.isArray(saves)) return refuse(t("campaign.backup.why.noSaves"));
  const read = new Map<string, string>();
  const counts = new Map<SavePart, number>();
  for (const [key, save] of Object.entries(saves)) {
    const part = partOf(key);
    if (!part) return refuse(t("campaign.backup.why.unknownSave", { key: key.slice(0, 60) }));
    const r = part.read(save);
    if (!r.ok) return refuse(t("campaign.backup.why.saveUnreadable", { key, why: r.why }));
    counts.set(part, (counts.get(part) ?? 0) + r.count);
    read.set(key, part.text ? (save as string) : JSON.stringify(save));
  }
  const holds = PARTS.flatMap(({ noun }, i) => {
    const n = counts.get(PARTS[i]);
    if (n === undefined || !noun) return [];
    return [t(noun, { count: n })];
  });
  return { ok: true, backup: { exportedAt, saves: read, holds } };
}

/** Replaces every save of ours in `storage` with the backup's: a kind of save it lacks is removed.
 *  Returns false when the browser refused a write (storage full or forbidden). */
export function restoreBackup(storage: Pick<Storage, "length" | "key"> & StateStorage, backup: Backup): boolean {
  const ours: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && partOf(key) && !backup.saves.has(key)) ours.push(key);
  }
  try {
    for (const key of ours) storage.removeItem(key);
    for (const [key, text] of backup.saves) storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}
