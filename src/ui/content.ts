// The campaign's levels as shipped: each level a chunk of its own, read, checked and compiled by
// the engine at build time (vite-plugin-level-cards.ts), so that opening one loads no parser; and
// their order (read at build time too). A broken file becomes a list of errors to show, never a crash.

import { useEffect, useState } from "react";
import order from "virtual:campaign-order";
import levelLoaders from "virtual:campaign-levels";
import type { Level, LevelError, Result } from "../engine/play";

/** The text of a campaign level's file; undefined when there is no such level. */
export async function levelText(id: string): Promise<string | undefined> {
  return (await levelLoaders.get(id)?.())?.text;
}

export type LevelLoad = Result<Level, LevelError[]> & { text: string };

const parsedLevels = new Map<string, LevelLoad>();

/** The campaign level with this id, as the build read it (once a visit); undefined when there is no such file. */
export async function campaignLevel(id: string): Promise<LevelLoad | undefined> {
  const cached = parsedLevels.get(id);
  if (cached) return cached;
  const load = await levelLoaders.get(id)?.();
  if (load === undefined) return undefined;
  const kept = parsedLevels.get(id) ?? load;
  parsedLevels.set(id, kept);
  return kept;
}

export type CampaignLevelState = { status: "loading" } | { status: "missing" } | { status: "failed"; message: string } | { status: "loaded"; load: LevelLoad };

/** A campaign level for a screen: at once when it was opened before, else after its file arrives. */
export function useCampaignLevel(id: string): CampaignLevelState {
  const known = (): CampaignLevelState => {
    const cached = parsedLevels.get(id);
    return cached ? { status: "loaded", load: cached } : levelLoaders.has(id) ? { status: "loading" } : { status: "missing" };
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
