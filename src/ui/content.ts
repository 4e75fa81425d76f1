// The campaign's levels as shipped: each levels/<id>.json as a chunk of its own, fetched and
// parsed by the engine when the level is opened, and their order (read at build time by
// vite-plugin-level-cards.ts; campaign-file.ts parses campaign.json for the campaign screen).
// A broken file becomes a list of errors to show, never a crash.

import { useEffect, useState } from "react";
import order from "virtual:campaign-order";
import { parseLevel, type Level, type LevelError, type Result } from "../engine/index";

const files = import.meta.glob<string>(["../../levels/*.json", "!../../levels/campaign.json", "!../../levels/*.schema.json"], {
  query: "?raw",
  import: "default",
});

/** Loaders of each level file's text, by id (the file's name). */
const textLoaders: ReadonlyMap<string, () => Promise<string>> = new Map(
  Object.entries(files).map(([path, load]) => [path.slice(path.lastIndexOf("/") + 1, -".json".length), load]),
);

/** The text of a campaign level's file; undefined when there is no such level. */
export async function levelText(id: string): Promise<string | undefined> {
  return textLoaders.get(id)?.();
}

export type LevelLoad = Result<Level, LevelError[]> & { text: string };

const parsedLevels = new Map<string, LevelLoad>();

/** Parses a campaign level's text, checking that its id matches its file name. */
function parseCampaignLevel(id: string, text: string): LevelLoad {
  let result: Result<Level, LevelError[]> = parseLevel(text, `levels/${id}.json`);
  if (result.ok && result.value.spec.id !== id) {
    result = { ok: false, error: [{ code: "id-mismatch", message: `the file is levels/${id}.json, but its "id" is "${result.value.spec.id}"`, path: "id" }] };
  }
  return { ...result, text };
}

/** The campaign level with this id, parsed (once); undefined when there is no such file. */
export async function campaignLevel(id: string): Promise<LevelLoad | undefined> {
  const cached = parsedLevels.get(id);
  if (cached) return cached;
  const text = await levelText(id);
  if (text === undefined) return undefined;
  const load = parsedLevels.get(id) ?? parseCampaignLevel(id, text);
  parsedLevels.set(id, load);
  return load;
}

export type CampaignLevelState = { status: "loading" } | { status: "missing" } | { status: "failed"; message: string } | { status: "loaded"; load: LevelLoad };

/** A campaign level for a screen: at once when it was opened before, else after its file arrives. */
export function useCampaignLevel(id: string): CampaignLevelState {
  const known = (): CampaignLevelState => {
    const cached = parsedLevels.get(id);
    return cached ? { status: "loaded", load: cached } : textLoaders.has(id) ? { status: "loading" } : { status: "missing" };
  };
  const [state, setState] = useState<{ id: string; value: CampaignLevelState }>(() => ({ id, value: known() }));
  const current = state.id === id ? state.value : known();
  useEffect(() => {
    if (current.status !== "loading") return;
    let live = true;
    campaignLevel(id).then(
      (load) => live && setState({ id, value: load ? { status: "loaded", load } : { status: "missing" } }),
      // The chunk could not be fetched (offline, or a new deployment replaced it).
      (e: unknown) => live && setState({ id, value: { status: "failed", message: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      live = false;
    };
  }, [id, current.status]);
  return current;
}

/** The ids of the campaign's level files. */
export function levelFileIds(): ReadonlySet<string> {
  return new Set(textLoaders.keys());
}

/** Level ids in the order the campaign plays them. */
export function campaignOrder(): readonly string[] {
  return order;
}

/** The level after `id` in the campaign, or null after the last one. */
export function nextLevelId(id: string): string | null {
  const order = campaignOrder();
  const at = order.indexOf(id);
  return at >= 0 && at + 1 < order.length ? order[at + 1] : null;
}
