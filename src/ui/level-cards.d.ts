// The virtual module made by vite-plugin-level-cards.ts.
declare module "virtual:level-cards" {
  const cards: Record<string, { title: string; summary: string } | null>;
  export default cards;
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
