// Checking a level pack, wherever it came from (pack-source.ts): the course's loadPack (its
// shape, every embedded level parsed by the engine, then every hash). A pack that fails is a
// list of errors with file, line and column, and nothing of it runs. The checking code loads on
// demand, so that the screens that only list packs do not carry it.

import type { LevelError } from "../engine/play";
import { t } from "../i18n/index";
import type { Pack, PackLevel } from "../course/pack";
import type { PackRef } from "./store/pack-saves";

export interface OpenedPack {
  pack: Pack;
  ref: PackRef;
  text: string;
  levels: ReadonlyMap<string, PackLevel>;
  /** Level ids in the order the chapters play them. */
  order: string[];
}

export type PackLoad = { ok: true; value: OpenedPack } | { ok: false; error: LevelError[]; file: string };

// The same text is checked once a visit: the pack screen and each of its levels share the result.
const loads = new Map<string, Promise<PackLoad>>();

/** Checks a pack's text. Never rejects: a failure is a list of errors. */
export function loadPackOnce(text: string, file: string): Promise<PackLoad> {
  const key = `${file}\n${text}`;
  let load = loads.get(key);
  if (!load) {
    load = check(text, file).catch((e: unknown): PackLoad => ({ ok: false, file, error: [{ code: "failed", message: t("packs.checkFailed", { error: e instanceof Error ? e.message : String(e) }) }] }));
    if (loads.size > 20) loads.clear();
    loads.set(key, load);
  }
  return load;
}

async function check(text: string, file: string): Promise<PackLoad> {
  // The pack reader (and the engine's parser under it) loads with the first pack opened.
  const { loadPack } = await import("../course/pack");
  const loaded = await loadPack(text, file);
  if (!loaded.ok) return { ok: false, file, error: loaded.error };
  const pack = loaded.value;
  const levels = new Map(pack.levels.map((l) => [l.id, l]));
  const order = pack.chapters.flatMap((c) => c.levels).filter((id) => levels.has(id));
  return { ok: true, value: { pack, ref: { id: pack.id, hash: pack.hash }, text, levels, order } };
}
