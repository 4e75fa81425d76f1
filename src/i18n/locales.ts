// The languages the interface is offered in, and which one a browser asks for. Kept apart from
// the message catalogs so the settings store can validate a saved choice without loading any.

export const LOCALES = ["en", "de", "es"] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself: a player looking for their language reads it in their own. */
export const LOCALE_NAMES: ReadonlyMap<Locale, string> = new Map<Locale, string>([
  ["en", "English"],
  ["de", "Deutsch"],
  ["es", "Español"],
]);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of the browser's preferred languages we have (by its primary subtag, so "de-AT" and
 * "es-419" count), or English. The list is the browser's, but it is treated as untrusted text.
 */
export function pickLocale(preferred: readonly unknown[] | undefined): Locale {
  for (const tag of preferred ?? []) {
    if (typeof tag !== "string") continue;
    const primary = tag.slice(0, 16).split(/[-_]/, 1)[0].toLowerCase();
    if (isLocale(primary)) return primary;
  }
  return "en";
}
