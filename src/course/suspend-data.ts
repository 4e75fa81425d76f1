// The pack's progress in SCORM 1.2's cmi.suspend_data, which holds at most 4,096 characters: a
// compact JSON form that names each solved level by its place in the pack and a prefix of its
// hash, with its time and, while they fit, its winning moves (a table of distinct moves and one
// character per move), fixed code or proof. When the whole does not fit, fixed code goes first,
// then schedules, then times: what is left still says which levels are solved (for the score),
// and the full record stays downloadable. Decoding trusts nothing and never throws.

import type { FixCode } from "../engine/index";
import type { PackLevel } from "./pack";
import { MAX_SCHEDULE_MOVES, type SolvedLevel } from "./record";

/** SCORM 1.2's limit on cmi.suspend_data (CMIString4096). */
export const SUSPEND_DATA_MAX = 4096;
const VERSION = 1;
const PACK_PREFIX = 12;
const LEVEL_PREFIX = 8;
const MAX_TABLE = 200;

type Entry = [index: number, hash: string, time?: string, kind?: "s" | "f" | "p", payload?: unknown];

/** A hash's hex digits, the first `n` of them ("sha256-" left off). */
const prefix = (hash: string, n: number) => hash.replace(/^sha256-/, "").slice(0, n);

/** What a pack's suspend_data restores: the levels whose proof came back whole, and every level it says is solved. */
export interface Resumed {
  solved: SolvedLevel[];
  solvedIds: string[];
}

/**
 * The compact form of `solved` for `pack`, never longer than `max` characters (4,096): as much of
 * each solve as fits, dropping fixed code, then schedules, then times, then (only if the pack is
 * huge) the last levels. `alsoSolved`: levels known to be solved without their proof (an earlier
 * suspend_data that had to drop it), kept as solved.
 */
export function encodeSuspendData(
  pack: { hash: string; levels: readonly Pick<PackLevel, "id" | "hash">[] },
  solved: Iterable<SolvedLevel>,
  { max = SUSPEND_DATA_MAX, alsoSolved = [] }: { max?: number; alsoSolved?: Iterable<string> } = {},
): string {
  const at = new Map(pack.levels.map((l, i) => [l.id, i]));
  const full: { entry: Entry; kind: "s" | "f" | "p" | "" }[] = [];
  const done = new Set<number>();
  for (const s of solved) {
    const i = at.get(s.id);
    if (i === undefined || done.has(i)) continue;
    done.add(i);
    const h = prefix(pack.levels[i].hash, LEVEL_PREFIX);
    const seconds = Date.parse(s.solvedAt) / 1000;
    const t = Number.isFinite(seconds) && seconds >= 0 ? Math.floor(seconds).toString(36) : "0";
    if ("schedule" in s) full.push({ entry: [i, h, t, "s", packSchedule(s.schedule)], kind: "s" });
    else if ("fix" in s) full.push({ entry: [i, h, t, "f", Object.fromEntries(Object.entries(s.fix))], kind: "f" });
    else full.push({ entry: [i, h, t, "p"], kind: "p" });
  }
  for (const id of alsoSolved) {
    const i = at.get(id);
    if (i === undefined || done.has(i)) continue;
    done.add(i);
    full.push({ entry: [i, prefix(pack.levels[i].hash, LEVEL_PREFIX)], kind: "" });
  }
  full.sort((a, b) => a.entry[0] - b.entry[0]);
  const text = (entries: Entry[]) => JSON.stringify({ v: VERSION, p: prefix(pack.hash, PACK_PREFIX), l: entries });
  const bare = (e: Entry): Entry => [e[0], e[1], e[2]];
  const tries: Entry[][] = [
    full.map((f) => f.entry),
    full.map((f) => (f.kind === "f" ? bare(f.entry) : f.entry)),
    full.map((f) => (f.kind === "p" || f.kind === "" ? f.entry : bare(f.entry))),
    full.map((f) => [f.entry[0], f.entry[1]] as Entry),
  ];
  for (const entries of tries) {
    const t = text(entries);
    if (t.length <= max) return t;
  }
  const last = tries[tries.length - 1];
  while (last.length > 0 && text(last).length > max) last.pop();
  return text(last);
}

/** A schedule as [distinct moves, one base-36 digit per move] (comma-separated numbers past 36 distinct moves). */
function packSchedule(schedule: readonly string[]): [string[], string] {
  const table: string[] = [];
  const index = new Map<string, number>();
  const digits = schedule.map((move) => {
    let i = index.get(move);
    if (i === undefined) {
      i = table.push(move) - 1;
      index.set(move, i);
    }
    return i.toString(36);
  });
  return [table, table.length <= 36 ? digits.join("") : digits.join(",")];
}

/**
 * Reads suspend_data written for `pack` (by encodeSuspendData). Never throws: text that is not
 * this pack's (another pack or version, or garbage) restores nothing, and an entry that does not
 * check out (unknown place, another level hash, a bad schedule) is left out.
 */
export function decodeSuspendData(pack: { hash: string; levels: readonly Pick<PackLevel, "id" | "hash">[] }, text: unknown): Resumed {
  const none: Resumed = { solved: [], solvedIds: [] };
  if (typeof text !== "string" || text.length === 0 || text.length > SUSPEND_DATA_MAX * 4) return none;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return none;
  }
  if (!isObject(data) || data.v !== VERSION || data.p !== prefix(pack.hash, PACK_PREFIX) || !Array.isArray(data.l)) return none;
  const solved: SolvedLevel[] = [];
  const solvedIds: string[] = [];
  const seen = new Set<number>();
  for (const raw of (data.l as unknown[]).slice(0, pack.levels.length)) {
    if (!Array.isArray(raw) || raw.length < 2) continue;
    const [i, hash, time, kind, payload] = raw as unknown[];
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= pack.levels.length || seen.has(i)) continue;
    const level = pack.levels[i];
    if (hash !== prefix(level.hash, LEVEL_PREFIX)) continue;
    seen.add(i);
    solvedIds.push(level.id);
    const solvedAt = timeOf(time);
    if (solvedAt === null) continue;
    const base = { id: level.id, solvedAt };
    if (kind === "p" && payload === undefined) solved.push({ ...base, proof: true });
    else if (kind === "s") {
      const schedule = unpackSchedule(payload);
      if (schedule) solved.push({ ...base, schedule });
    } else if (kind === "f") {
      const fix = fixOf(payload);
      if (fix) solved.push({ ...base, fix });
    }
  }
  return { solved, solvedIds };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function timeOf(time: unknown): string | null {
  if (typeof time !== "string" || !/^[0-9a-z]{1,8}$/.test(time)) return null;
  const date = new Date(parseInt(time, 36) * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function unpackSchedule(payload: unknown): string[] | null {
  if (!Array.isArray(payload) || payload.length !== 2) return null;
  const [table, digits] = payload as unknown[];
  if (!Array.isArray(table) || table.length > MAX_TABLE || !table.every((m) => typeof m === "string" && m.length <= 200)) return null;
  if (typeof digits !== "string" || digits.length > SUSPEND_DATA_MAX) return null;
  const parts = digits === "" ? [] : table.length <= 36 ? [...digits] : digits.split(",");
  if (parts.length > MAX_SCHEDULE_MOVES) return null;
  const moves: string[] = [];
  for (const part of parts) {
    const i = /^[0-9a-z]{1,2}$/.test(part) ? parseInt(part, 36) : -1;
    if (i < 0 || i >= table.length) return null;
    moves.push(table[i] as string);
  }
  return moves;
}

function fixOf(payload: unknown): FixCode | null {
  if (!isObject(payload)) return null;
  const entries = Object.entries(payload);
  if (entries.length > 50 || !entries.every(([name, code]) => name.length <= 200 && typeof code === "string")) return null;
  // fromEntries defines own properties: a thread named "__proto__" stays a thread.
  return Object.fromEntries(entries) as FixCode;
}
