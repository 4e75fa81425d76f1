// Level text in the player's language: a level (or a campaign chapter) may carry `translations`,
// by language, of its words; whatever a translation lacks is shown in English, field by field.
// Pure and tiny (no zod): the campaign cards and the level screen both read it.

/** A language key: a BCP 47 primary language subtag, two or three lower-case letters ("de", "es", "fil"). */
export const LANGUAGE_TAG = /^[a-z]{2,3}$/;
/** The most languages one level or chapter may be translated into. */
export const MAX_TRANSLATIONS = 20;
/** The fields of a level a translation may give, in the order of a level file. */
export const LEVEL_TEXT_FIELDS = ["title", "summary", "story", "hint", "outro"] as const;
export type LevelTextField = (typeof LEVEL_TEXT_FIELDS)[number];

/** A level's words: what the level screen and the campaign show of it. */
export interface LevelText {
  title: string;
  summary: string;
  story?: string;
  hint?: string;
  outro?: string;
}

/** One language's translation of a level's words: any of them. */
export type LevelTranslation = Partial<LevelText>;

/** The language a locale ("de-DE", "de", "DE") speaks: its primary subtag, lower case. */
export function languageOf(locale: string): string {
  return locale.split(/[-_]/, 1)[0].toLowerCase();
}

/** The translation of `translations` into the language of `locale`, if it has one. */
function translationFor<T>(translations: Readonly<Record<string, T>> | undefined, locale: string): Partial<T> | undefined {
  const language = languageOf(locale);
  return translations && Object.hasOwn(translations, language) ? translations[language] : undefined;
}

/** A level's words in the language of `locale`: each field translated when a translation has it, else English. */
export function localizedText(level: LevelText & { translations?: Readonly<Record<string, LevelTranslation>> }, locale: string): LevelText {
  const translated = translationFor(level.translations, locale);
  const text: LevelText = { title: translated?.title ?? level.title, summary: translated?.summary ?? level.summary };
  for (const key of ["story", "hint", "outro"] as const) {
    const value = level[key] === undefined ? undefined : (translated?.[key] ?? level[key]);
    if (value !== undefined) text[key] = value;
  }
  return text;
}

/** A campaign chapter's words. */
export interface ChapterText {
  title: string;
  intro: string;
}

/** A chapter's title and intro in the language of `locale`, each falling back to English. */
export function localizedChapter(chapter: ChapterText & { translations?: Readonly<Record<string, Partial<ChapterText>>> }, locale: string): ChapterText {
  const translated = translationFor(chapter.translations, locale);
  return { title: translated?.title ?? chapter.title, intro: translated?.intro ?? chapter.intro };
}
