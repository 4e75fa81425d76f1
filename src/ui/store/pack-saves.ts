// What the game keeps in the browser about level packs, read as hostile input: the list of packs
// the student has opened (to return to them), each pack's text (to open it again without its
// link), and each pack's progress, kept per pack id AND hash, apart from the campaign's and from
// every other pack's. Everything is validated entry by entry: a broken entry costs that entry,
// and a save that cannot be read at all is copied aside before the game starts afresh.

import { either, INVALID, list, literal, object, oneOf, record, text } from "./save-check";
import { words, type Words } from "../../i18n/words";

export const PACKS_KEY = "interleave-packs";
export const PACKS_VERSION = 1;
export const PACK_PROGRESS_VERSION = 1;
/** Where a pack's text is kept: one key per pack id (the newest version opened). */
export const packTextKey = (id: string) => `interleave-pack.${id}`;
/** Where a pack's progress is kept: one key per pack id and hash. */
export const packProgressKey = (id: string, hash: string) => `interleave-pack-progress.${id}.${hash}`;
export const corruptKey = (key: string) => `${key}.corrupt`;

const LEVEL_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HASH = /^sha256-[0-9a-f]{64}$/;
/** No more levels than a pack may hold (the contract's limit). */
const MAX_LEVELS = 200;
const MAX_FIX_CHARS = 100_000;

export const isPackId = (s: unknown): s is string => typeof s === "string" && s.length <= 200 && LEVEL_ID.test(s);
export const isHash = (s: unknown): s is string => typeof s === "string" && HASH.test(s);

/** A pack, as the saves name it. */
export interface PackRef {
  id: string;
  hash: string;
}

/** How a pack level was solved: the winning schedule, the fixed code, or a proof that ran. */
export type PackSolution = { schedule: string[] } | { fix: Record<string, string> } | { proof: true };
export type PackSolved = PackSolution & { solvedAt: string };

const date = text({ max: 100, date: true });
const readSolved = either(
  object({ solvedAt: date, schedule: list(text({ max: 400 }), { max: 100_000 }) }, { strict: true }),
  object({ solvedAt: date, fix: record(text({ max: 200 }), text({ max: MAX_FIX_CHARS })) }, { strict: true }),
  object({ solvedAt: date, proof: literal(true) }, { strict: true }),
);

export type PackFrom = "file" | "link" | "src";

/** A pack the student opened, for the list on the campaign screen. */
export interface RememberedPack extends PackRef {
  title: string;
  openedAt: string;
  from: PackFrom;
  /** The path on this host it was opened from (`from: "src"`). */
  src?: string;
}

const readRemembered = object(
  {
    id: text({ pattern: LEVEL_ID, max: 200 }),
    hash: text({ pattern: HASH }),
    title: text({ max: 1000 }),
    openedAt: date,
    from: oneOf(["file", "link", "src"]),
    src: text({ max: 2000 }),
  },
  { optional: ["src"], strict: true },
);

/** What a save held, read entry by entry; `broken` counts the entries that could not be read,
 *  and `whole` is false when the save as a whole was not one of ours. */
export interface Read<T> {
  value: T;
  broken: number;
  whole: boolean;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A pack's progress: solved levels by id. Never throws. */
export function readPackProgress(raw: string | null): Read<Map<string, PackSolved>> {
  const value = new Map<string, PackSolved>();
  if (raw === null) return { value, broken: 0, whole: true };
  const saved = parseJson(raw);
  if (!isObject(saved) || saved.version !== PACK_PROGRESS_VERSION || !isObject(saved.solved)) return { value, broken: 0, whole: false };
  let broken = 0;
  for (const [id, entry] of Object.entries(saved.solved)) {
    const solved = readSolved(entry);
    if (solved !== INVALID && LEVEL_ID.test(id) && value.size < MAX_LEVELS) value.set(id, solved);
    else broken++;
  }
  return { value, broken, whole: true };
}

export function writePackProgress(solved: ReadonlyMap<string, PackSolved>): string {
  // fromEntries defines own properties: no level id could reach the prototype.
  return JSON.stringify({ version: PACK_PROGRESS_VERSION, solved: Object.fromEntries(solved) });
}

/** The packs the student opened, newest first, one per pack id. Never throws. */
export function readRememberedPacks(raw: string | null): Read<RememberedPack[]> {
  if (raw === null) return { value: [], broken: 0, whole: true };
  const saved = parseJson(raw);
  if (!isObject(saved) || saved.version !== PACKS_VERSION || !Array.isArray(saved.packs)) return { value: [], broken: 0, whole: false };
  const value: RememberedPack[] = [];
  const seen = new Set<string>();
  let broken = 0;
  for (const entry of saved.packs.slice(0, 1000) as unknown[]) {
    const pack = readRemembered(entry);
    if (pack === INVALID || seen.has(pack.id)) {
      broken++;
      continue;
    }
    seen.add(pack.id);
    const { src, ...rest } = pack;
    value.push(src === undefined ? rest : { ...rest, src });
  }
  broken += Math.max(0, saved.packs.length - 1000);
  return { value, broken, whole: true };
}

export function writeRememberedPacks(packs: readonly RememberedPack[]): string {
  return JSON.stringify({ version: PACKS_VERSION, packs });
}

/** What the student is told when a save could not be read in full: the list of packs, or one pack's progress. */
export function packSaveNotice(what: "packs" | "progress", read: { broken: number; whole: boolean }, keptUnder: string | null): Words {
  const told =
    !read.whole ? words(what === "packs" ? "common.packs.unread.list" : "common.packs.unread.progress")
    : words(what === "packs" ? "common.packs.someUnread.list" : "common.packs.someUnread.progress", { count: read.broken });
  return keptUnder ? words("common.savedAsideUnder", { notice: told, key: keptUnder }) : told;
}
