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
