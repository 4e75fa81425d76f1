// The virtual modules made by vite-plugin-level-cards.ts.
declare module "virtual:level-cards" {
  /** Each level's card in English, by id; null when its file is broken. */
  const cards: Record<string, { title: string; summary: string } | null>;
  export default cards;
  /** For each language the levels are translated into, a loader of its cards' words. */
  export const translations: ReadonlyMap<string, () => Promise<{ default: Record<string, { title?: string; summary?: string }> }>>;
}

// The campaign's level ids in order (vite-plugin-level-cards.ts).
declare module "virtual:campaign-order" {
  const order: readonly string[];
  export default order;
}

// campaign.json as the engine reads it, at build time (vite-plugin-level-cards.ts).
declare module "virtual:campaign" {
  import type { Campaign, LevelError, Result } from "../engine/index";
  const campaign: Result<Campaign, LevelError[]>;
  export default campaign;
}

// Each campaign level, read and compiled at build time, by id (vite-plugin-level-cards.ts).
declare module "virtual:campaign-levels" {
  import type { Level, LevelError, Result } from "../engine/play";
  const loaders: ReadonlyMap<string, () => Promise<Result<Level, LevelError[]> & { text: string }>>;
  export default loaders;
}
