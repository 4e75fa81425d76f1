// The campaign as shipped: every levels/<id>.json and levels/campaign.json, bundled as text and
// parsed by the engine on first use. A broken file becomes a list of errors to show, never a crash.

import campaignText from "../../levels/campaign.json?raw";
import { parseCampaign, type Campaign } from "../engine/campaign";
import { parseLevel, type Level, type LevelError, type Result } from "../engine/index";

const files = import.meta.glob<string>(["../../levels/*.json", "!../../levels/campaign.json", "!../../levels/level.schema.json"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Level file text by id (the file's name). */
export const levelTexts: ReadonlyMap<string, string> = new Map(
  Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf("/") + 1, -".json".length), text]),
);

export type LevelLoad = Result<Level, LevelError[]> & { text: string };

const parsedLevels = new Map<string, LevelLoad>();

/** The campaign level with this id, parsed; undefined when there is no such file. */
export function campaignLevel(id: string): LevelLoad | undefined {
  const cached = parsedLevels.get(id);
  if (cached) return cached;
  const text = levelTexts.get(id);
  if (text === undefined) return undefined;
  let result: Result<Level, LevelError[]> = parseLevel(text, `levels/${id}.json`);
  if (result.ok && result.value.spec.id !== id) {
    result = { ok: false, error: [{ code: "id-mismatch", message: `the file is levels/${id}.json, but its "id" is "${result.value.spec.id}"`, path: "id" }] };
  }
  const load = { ...result, text };
  parsedLevels.set(id, load);
  return load;
}

let campaign: Result<Campaign, LevelError[]> | undefined;

export function loadCampaign(): Result<Campaign, LevelError[]> {
  campaign ??= parseCampaign(campaignText, new Set(levelTexts.keys()));
  return campaign;
}

/** Level ids in the order the campaign plays them. */
export function campaignOrder(): string[] {
  const c = loadCampaign();
  return c.ok ? c.value.chapters.flatMap((ch) => ch.levels) : [];
}

/** The level after `id` in the campaign, or null after the last one. */
export function nextLevelId(id: string): string | null {
  const order = campaignOrder();
  const at = order.indexOf(id);
  return at >= 0 && at + 1 < order.length ? order[at + 1] : null;
}
