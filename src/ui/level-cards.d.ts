// The virtual module made by vite-plugin-level-cards.ts.
declare module "virtual:level-cards" {
  const cards: Record<string, { title: string; summary: string } | null>;
  export default cards;
}
