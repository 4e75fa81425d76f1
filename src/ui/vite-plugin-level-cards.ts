// A Vite plugin for the campaign screen: `virtual:level-cards` is, for every levels/<id>.json,
// just its title and summary (and their translations), read at build time. The campaign lists 60-odd levels; bundling
// every file's text to show two lines of each put ~30 kB gzip on every screen. The level screen
// loads the one file it plays on its own (content.ts). `virtual:campaign-order` is the campaign's
// level ids in order, for a level screen's "Next level" without campaign.json and its parser
// (the campaign screen still parses and checks campaign.json itself, and shows its errors).
// `virtual:campaign` is campaign.json as the engine's parseCampaign reads it at build time (its
// chapters, or its errors for the campaign screen to show), so no screen carries that parser.
// `virtual:campaign-levels` maps each level id to a loader of `virtual:campaign-level/<id>`, a chunk
// of its own: the level file's text and the level as the engine's parseLevel reads it at build
// time (parsed, checked and compiled, or its errors), so a level screen plays a campaign level
// with no parser (the trusted fast path; packs, links and the player's levels still parse).
//
//   // vite.config.ts
//   import { levelCards } from "./src/ui/vite-plugin-level-cards";
//   plugins: [react(), levelCards()],

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runnerImport, type Plugin } from "vite";
import { valueModule } from "./compiled-level-module.js";
import { fileURLToPath } from "node:url";
import type { Campaign, Level, LevelError, Result } from "../engine/index.js";
import { defaultVariant, readParams, substitute } from "../engine/params.js";
import { LANGUAGE_TAG, MAX_TRANSLATIONS } from "../engine/translations.js";

export const LEVEL_CARDS_MODULE = "virtual:level-cards";
const RESOLVED = `\0${LEVEL_CARDS_MODULE}`;
export const CAMPAIGN_ORDER_MODULE = "virtual:campaign-order";
const RESOLVED_ORDER = `\0${CAMPAIGN_ORDER_MODULE}`;
export const CAMPAIGN_MODULE = "virtual:campaign";
const RESOLVED_CAMPAIGN = `\0${CAMPAIGN_MODULE}`;
export const CAMPAIGN_LEVELS_MODULE = "virtual:campaign-levels";
const RESOLVED_LEVELS = `\0${CAMPAIGN_LEVELS_MODULE}`;
const LEVEL_MODULE_PREFIX = "virtual:campaign-level/";
const RESOLVED_LEVEL_PREFIX = `\0${LEVEL_MODULE_PREFIX}`;
/** Files in levels/ that are not levels: the campaign's index and the JSON Schemas (level, pack, record). */
const notALevel = (file: string) => file === "campaign.json" || file.endsWith(".schema.json");

/** A card's words in one language; a field left out is shown in English. */
export type CardTranslation = { title?: string; summary?: string };
/** What the campaign shows of a level before it is opened; null when the file is not readable JSON with both. */
export type LevelCard = { title: string; summary: string; translations?: Record<string, CardTranslation> } | null;

/** Reads the cards of every level file in `dir`, by id (the file's name). */
export function readLevelCards(dir: string): Record<string, LevelCard> {
  const cards: Record<string, LevelCard> = {};
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".json") || notALevel(file)) continue;
    cards[file.slice(0, -".json".length)] = cardOf(readFileSync(join(dir, file), "utf8"));
  }
  return cards;
}

function cardOf(text: string): LevelCard {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return null;
    // A parameterised level's card shows its default variant's numbers, as its level screen does.
    const { params } = readParams((value as { params?: unknown }).params);
    const { title, summary, translations } = (params.length === 0 ? value : defaultText(value, params)) as Record<string, unknown>;
    if (typeof title !== "string" || typeof summary !== "string") return null;
    const translated = cardTranslations(translations);
    return translated ? { title, summary, translations: translated } : { title, summary };
  } catch {
    return null;
  }
}

/** The title and summary of each well-formed translation (the level screen reports a broken one). */
function cardTranslations(translations: unknown): Record<string, CardTranslation> | undefined {
  if (typeof translations !== "object" || translations === null || Array.isArray(translations)) return undefined;
  const out: Record<string, CardTranslation> = {};
  for (const [language, words] of Object.entries(translations).slice(0, MAX_TRANSLATIONS)) {
    if (!LANGUAGE_TAG.test(language) || typeof words !== "object" || words === null) continue;
    const { title, summary } = words as Record<string, unknown>;
    const card: CardTranslation = {};
    if (typeof title === "string" && title !== "") card.title = title;
    if (typeof summary === "string" && summary !== "") card.summary = summary;
    if (card.title !== undefined || card.summary !== undefined) out[language] = card;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function defaultText(value: object, params: ReturnType<typeof readParams>["params"]): unknown {
  const values = new Map(Object.entries(defaultVariant(params)));
  return substitute(value, values, new Set(values.keys())).value;
}

/**
 * The level ids of `dir`/campaign.json in campaign order; empty when the file is not a campaign
 * (not JSON, no chapters, a level id twice or without its file), as the parser would refuse it.
 */
export function readCampaignOrder(dir: string): string[] {
  try {
    const value: unknown = JSON.parse(readFileSync(join(dir, "campaign.json"), "utf8"));
    const chapters: unknown = typeof value === "object" && value !== null ? (value as { chapters?: unknown }).chapters : undefined;
    if (!Array.isArray(chapters) || chapters.length === 0) return [];
    const files = new Set(readdirSync(dir));
    const order: string[] = [];
    for (const chapter of chapters) {
      const levels: unknown = typeof chapter === "object" && chapter !== null ? (chapter as { levels?: unknown }).levels : undefined;
      if (!Array.isArray(levels) || levels.length === 0) return [];
      for (const id of levels) {
        if (typeof id !== "string" || order.includes(id) || notALevel(`${id}.json`) || !files.has(`${id}.json`)) return [];
        order.push(id);
      }
    }
    return order;
  } catch {
    return [];
  }
}

/**
 * The cards module: the English cards, and a loader for each language the levels are translated
 * into, so that a player downloads the words of one language (`virtual:level-cards/de`), not all.
 */
function cardsModule(cards: Record<string, LevelCard>): string {
  const english = Object.fromEntries(Object.entries(cards).map(([id, card]) => [id, card && { title: card.title, summary: card.summary }]));
  const languages = [...new Set(Object.values(cards).flatMap((card) => Object.keys(card?.translations ?? {})))].sort();
  const loaders = languages.map((l) => `[${JSON.stringify(l)}, () => import(${JSON.stringify(`${LEVEL_CARDS_MODULE}/${l}`)})]`);
  return `export default ${JSON.stringify(english)};\nexport const translations = new Map([${loaders.join(", ")}]);\n`;
}

/** Each card's words in one language, by level id: what `virtual:level-cards/<language>` holds. */
export function cardWords(cards: Record<string, LevelCard>, language: string): Record<string, CardTranslation> {
  const words: Record<string, CardTranslation> = {};
  for (const [id, card] of Object.entries(cards)) {
    const translated = card?.translations && Object.hasOwn(card.translations, language) ? card.translations[language] : undefined;
    if (translated) words[id] = translated;
  }
  return words;
}

type Engine = typeof import("../engine/index.js");

/** The engine, loaded at build time through Vite (its TypeScript as the game's build reads it),
 *  so that the config, which imports this plugin, does not bundle it. */
let engine: Promise<Engine> | undefined;
const loadEngine = () => (engine ??= runnerImport<Engine>(fileURLToPath(new URL("../engine/index.ts", import.meta.url))).then((r) => r.module));

/** `dir`/campaign.json parsed and checked by the engine's `parseCampaign`, every level it names a file of `dir`. */
export function readCampaign(dir: string, parseCampaign: Engine["parseCampaign"]): Result<Campaign, LevelError[]> {
  let text: string;
  try {
    text = readFileSync(join(dir, "campaign.json"), "utf8");
  } catch (e) {
    return { ok: false, error: [{ code: "unreadable", message: `levels/campaign.json could not be read: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return parseCampaign(text, new Set(levelIds(dir)));
}

/** The ids of the level files of `dir`. */
function levelIds(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".json") && !notALevel(f)).map((f) => f.slice(0, -".json".length)).sort();
}

/** A campaign level as a level screen gets it: parsed by `parseLevel`, its "id" its file's name; and the file's text. */
export type CampaignLevelLoad = Result<Level, LevelError[]> & { text: string };

export function campaignLevelLoad(id: string, text: string, parseLevel: Engine["parseLevel"]): CampaignLevelLoad {
  let result: Result<Level, LevelError[]> = parseLevel(text, `levels/${id}.json`);
  if (result.ok && result.value.spec.id !== id) {
    result = { ok: false, error: [{ code: "id-mismatch", message: `the file is levels/${id}.json, but its "id" is "${result.value.spec.id}"`, path: "id" }] };
  }
  return { ...result, text };
}

export function levelCards(levelsDir = join(process.cwd(), "levels")): Plugin {
  return {
    name: "interleave:level-cards",
    resolveId: (id) =>
      id === LEVEL_CARDS_MODULE || (id.startsWith(`${LEVEL_CARDS_MODULE}/`) && LANGUAGE_TAG.test(id.slice(LEVEL_CARDS_MODULE.length + 1))) ? `\0${id}`
      : id === CAMPAIGN_ORDER_MODULE ? RESOLVED_ORDER
      : id === CAMPAIGN_MODULE ? RESOLVED_CAMPAIGN
      : id === CAMPAIGN_LEVELS_MODULE ? RESOLVED_LEVELS
      : id.startsWith(LEVEL_MODULE_PREFIX) ? `\0${id}`
      : null,
    load: async (id) =>
      id === RESOLVED ? cardsModule(readLevelCards(levelsDir))
      : id.startsWith(`${RESOLVED}/`) ? `export default ${JSON.stringify(cardWords(readLevelCards(levelsDir), id.slice(RESOLVED.length + 1)))};`
      : id === RESOLVED_ORDER ? `export default ${JSON.stringify(readCampaignOrder(levelsDir))};`
      : id === RESOLVED_CAMPAIGN ? `export default ${JSON.stringify(readCampaign(levelsDir, (await loadEngine()).parseCampaign))};`
      : id === RESOLVED_LEVELS ? levelLoaders(levelIds(levelsDir))
      : id.startsWith(RESOLVED_LEVEL_PREFIX) ? await levelModule(levelsDir, id.slice(RESOLVED_LEVEL_PREFIX.length))
      : null,
    // `npm start`: a level file written, added or removed reloads the page with new cards.
    configureServer(server) {
      server.watcher.add(levelsDir);
      server.watcher.on("all", (_event, file) => {
        if (!file.startsWith(levelsDir) || !file.endsWith(".json")) return;
        const level = `${RESOLVED_LEVEL_PREFIX}${file.slice(file.lastIndexOf("/") + 1, -".json".length)}`;
        const ours = (id: string) => [RESOLVED, RESOLVED_ORDER, RESOLVED_CAMPAIGN, RESOLVED_LEVELS, level].includes(id) || id.startsWith(`${RESOLVED}/`);
        const modules = [...server.moduleGraph.idToModuleMap].filter(([id]) => ours(id)).map(([, m]) => m);
        if (modules.length === 0) return;
        for (const module of modules) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: "full-reload" });
      });
    },
  };
}

/** `virtual:campaign-levels`: each level id with the loader of its module, a chunk of its own. */
function levelLoaders(ids: readonly string[]): string {
  const entries = ids.map((id) => `[${JSON.stringify(id)}, () => import(${JSON.stringify(LEVEL_MODULE_PREFIX + id)}).then((m) => m.default)]`);
  return `export default new Map([\n${entries.join(",\n")}\n]);\n`;
}

/** `virtual:campaign-level/<id>`: the level read and compiled at build time (campaignLevelLoad). */
async function levelModule(dir: string, id: string): Promise<string | null> {
  if (!levelIds(dir).includes(id)) return null;
  const text = readFileSync(join(dir, `${id}.json`), "utf8");
  return valueModule(campaignLevelLoad(id, text, (await loadEngine()).parseLevel));
}
