// What the campaign screen shows of each level before it is opened: its title and summary, read
// at build time by vite-plugin-level-cards.ts. A module of its own so that only the campaign
// screen carries the cards of 60-odd levels; a level screen loads content.ts without them.

import cards from "virtual:level-cards";

/** What the campaign screen shows of a level: its title and summary; null when its file is broken. */
export function levelCard(id: string): { title: string; summary: string } | null {
  return (Object.hasOwn(cards, id) ? cards[id] : null) ?? null;
}
