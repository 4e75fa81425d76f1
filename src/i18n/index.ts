// The interface's words in the player's language. Components call `t("area.key", values)`; the
// messages are ICU MessageFormat (plurals, numbers), compiled at build time (vite-plugin-messages),
// and one language's catalog is downloaded: the main bundle at start, a lazily loaded screen's
// own bundle (the editor's, grading's) with that screen. Lingui's runtime formats them.
//
// Switching language re-renders the whole interface at once (main.tsx keys the app on it), so a
// component does not have to subscribe: reading `t` while rendering is enough.

import { i18n } from "@lingui/core";
import { loaders } from "virtual:messages";
import type { Locale } from "./locales";
import { currentLocale } from "./say";

export type { MessageId } from "./ids";
export { words, type Values, type Words } from "./words";
export { currentLocale, formatDate, formatNumber, say, t } from "./say";
export { LOCALES, LOCALE_NAMES, isLocale, pickLocale, type Locale } from "./locales";

/** Bundles the running page has needed so far; a switch of language loads each of them anew. */
const wanted = new Set<string>(["main"]);

async function loadInto(locale: Locale, bundle: string): Promise<void> {
  const load = loaders.get(`${locale}/${bundle}`);
  if (!load) throw new Error(`no message bundle "${bundle}" for ${locale}`);
  const { default: messages } = await load();
  i18n.load(locale, messages);
}

/** Loads what the page needs in `locale` and switches the interface to it. */
export async function switchLocale(locale: Locale): Promise<void> {
  await Promise.all([...wanted].map((b) => loadInto(locale, b)));
  i18n.activate(locale);
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

/** Loads a lazily loaded screen's own messages (in the current language) before it shows. */
export async function loadBundle(bundle: "play" | "editor" | "grade"): Promise<void> {
  wanted.add(bundle);
  await loadInto(currentLocale(), bundle);
}

/** Calls `listener` after every switch of language; returns how to stop. */
export function onLocaleChange(listener: () => void): () => void {
  return i18n.on("change", listener);
}
