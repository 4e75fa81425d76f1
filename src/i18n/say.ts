// Saying messages in the current language: `t`, `say`, and numbers and dates in its format.
// Apart from index.ts (which loads the catalogs through the build's virtual modules) so that code
// the e2e suite runs under Node, such as ui/words.ts, can word things with whatever catalogs are
// loaded there (e2e/helpers/english.ts).

import { i18n } from "@lingui/core";
import type { MessageId } from "./ids";
import { isLocale, type Locale } from "./locales";
import type { Values, Words } from "./words";

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

/** A number as the current language writes it ("1,234.5", "1.234,5"). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(currentLocale(), options).format(n);
}

/** A date (and time) as the current language writes it. */
export function formatDate(date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: "medium" }): string {
  return new Intl.DateTimeFormat(currentLocale(), options).format(date);
}
