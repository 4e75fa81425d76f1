// What the campaign screen shows of each level before it is opened: its title and summary, read
// at build time by vite-plugin-level-cards.ts. A module of its own so that only the campaign
// screen carries the cards of 60-odd levels; a level screen loads content.ts without them.
// Their words in another language are a small file per language, loaded for the player's.

import { useEffect, useState } from "react";
import cards, { translations } from "virtual:level-cards";
import { languageOf, localizedText, type LevelTranslation } from "../engine/translations";
import { currentLocale } from "../i18n/index";

const loaded = new Map<string, Record<string, LevelTranslation>>();

/** Loads the cards' words in the language of `locale`, when the levels have any; English stays if it fails. */
async function loadCardWords(locale: string): Promise<void> {
  const language = languageOf(locale);
  const load = translations.get(language);
  if (!load || loaded.has(language)) return;
  try {
    loaded.set(language, (await load()).default);
  } catch {
    // Offline before that file was ever fetched: the cards stay in English.
  }
}

// Start loading as soon as the campaign screen's code arrives, while it first renders.
void loadCardWords(currentLocale());

/** Re-renders once the cards' words in `locale` have loaded (at start, or after a switch of language). */
export function useCardWords(locale: string): void {
  const language = languageOf(locale);
  // What this render had; the same words again after loading do not render anew.
  const [, setWords] = useState(() => loaded.get(language));
  useEffect(() => {
    let live = true;
    void loadCardWords(locale).then(() => live && setWords(loaded.get(language)));
    return () => {
      live = false;
    };
  }, [locale, language]);
}

/** What the campaign screen shows of a level: its title and summary in the language of `locale`
 *  (English where it has no translation); null when its file is broken. */
export function levelCard(id: string, locale = "en"): { title: string; summary: string } | null {
  const card = Object.hasOwn(cards, id) ? cards[id] : null;
  if (!card) return null;
  const words = loaded.get(languageOf(locale));
  const translated = words && Object.hasOwn(words, id) ? words[id] : undefined;
  const { title, summary } = localizedText({ ...card, ...(translated && { translations: { [languageOf(locale)]: translated } }) }, locale);
  return { title, summary };
}
