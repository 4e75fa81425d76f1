// The interface's words in the player's language. Components call `t("area.key", values)`; the
// messages are ICU MessageFormat (plurals, numbers), compiled at build time (vite-plugin-messages),
// and one language's catalog is downloaded: the main bundle at start, a lazily loaded screen's
// own bundle (the editor's, grading's) with that screen. Lingui's runtime formats them.
//
// Switching language re-renders the whole interface at once (main.tsx keys the app on it), so a
// component does not have to subscribe: reading `t` while rendering is enough.

import { i18n } from "@lingui/core";
import { loaders } from "virtual:messages";
import { LOCALES, type Locale, isLocale } from "./locales";
import type { MessageId } from "./ids";
import type { Values, Words } from "./words";

export type { MessageId } from "./ids";
export { words, type Values, type Words } from "./words";
export { LOCALES, LOCALE_NAMES, isLocale, pickLocale, type Locale } from "./locales";

/** A message in the current language, with its placeholders filled in (words among them said first). */
export function t(id: MessageId, values?: Values): string {
  if (values === undefined) return i18n._(id);
  const said: Record<string, string | number | undefined> = {};
  for (const [name, v] of Object.entries(values)) said[name] = typeof v === "object" && v !== null ? sayValue(v) : v;
  return i18n._(id, said);
}

/** Words (or text that needs no translating, such as a level file's own) in the current language. */
export function say(w: Words | string): string {
  return typeof w === "string" ? w : t(w.id, w.values);
}

/** Words kept as a placeholder's value; a list of them is joined by commas. */
function sayValue(v: Words | readonly Words[]): string {
  return Array.isArray(v) ? (v as readonly Words[]).map((w) => say(w)).join(", ") : say(v as Words);
}

/** The language the interface is in now. */
export function currentLocale(): Locale {
  return isLocale(i18n.locale) ? i18n.locale : "en";
}

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

/** A number as the current language writes it ("1,234.5", "1.234,5"). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(currentLocale(), options).format(n);
}

/** A date (and time) as the current language writes it. */
export function formatDate(date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: "medium" }): string {
  return new Intl.DateTimeFormat(currentLocale(), options).format(date);
}

/** Every language we offer, for tests and the settings' list. */
export const ALL_LOCALES: readonly Locale[] = LOCALES;
