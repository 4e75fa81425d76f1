// What the campaign screen shows of each level before it is opened: its title and summary, read
// at build time by vite-plugin-level-cards.ts. A module of its own so that only the campaign
// screen carries the cards of 60-odd levels; a level screen loads content.ts without them.

import cards from "virtual:level-cards";
import { localizedText } from "../engine/translations";

/** What the campaign screen shows of a level: its title and summary in the language of `locale`
 *  (English where it has no translation); null when its file is broken. */
export function levelCard(id: string, locale = "en"): { title: string; summary: string } | null {
  const card = Object.hasOwn(cards, id) ? cards[id] : null;
  if (!card) return null;
  const { title, summary } = localizedText(card, locale);
  return { title, summary };
}
