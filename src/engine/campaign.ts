// The campaign file, `levels/campaign.json`: chapters in order, each with a title, an intro and
// the ids of its levels. Validated with the same care as a level file.

import * as z from "zod/mini";
import { parseJsonDocument, positionOf } from "./json-position";
import { translationsOf } from "./level-schema";
import { err, formatPath, ok, type LevelError, type Result } from "./result";
import { MAX_TRANSLATIONS } from "./translations";

/** One language's words of a chapter; a field left out is shown in English. */
const ChapterTranslationSchema = z.strictObject({
  title: z.optional(z.string().check(z.minLength(1), z.describe("The chapter's title in this language."))),
  intro: z.optional(z.string().check(z.describe("The intro in this language (Markdown)."))),
});

export const CampaignSchema = z.strictObject({
  $schema: z.optional(z.string()),
  chapters: z
    .array(
      z.strictObject({
        title: z.string().check(z.minLength(1), z.describe("The chapter's title.")),
        intro: z.string().check(z.describe("Markdown shown above the chapter's levels.")),
        levels: z.array(z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/))).check(z.minLength(1), z.describe("Level ids, in the order students play them.")),
        translations: z.optional(translationsOf(ChapterTranslationSchema)),
      }),
    )
    .check(z.minLength(1)),
});

export type Campaign = z.output<typeof CampaignSchema>;

/** Parses a campaign file; `knownIds`, when given, must contain every level it names. */
export function parseCampaign(text: string, knownIds?: ReadonlySet<string>): Result<Campaign, LevelError[]> {
  const doc = parseJsonDocument(text);
  if (!doc.ok) return doc;
  const at = (path: (string | number)[]) => positionOf(text, path) ?? positionOf(text, path.slice(0, -1)) ?? { line: 1, column: 1 };
  const parsed = CampaignSchema.safeParse(doc.value.value);
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((issue) => {
        const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
        const pos = at(path);
        const message =
          issue.code === "unrecognized_keys" ? `unknown field "${issue.keys[0]}"`
          : issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message)
          : issue.code === "invalid_format" || issue.code === "invalid_string" as string ? `a level id is lower-case kebab-case, like "lost-update"`
          : issue.code === "invalid_type" && issue.input === undefined ? `missing required field "${String(path[path.length - 1])}"`
          : issue.message;
        return { code: "schema", message, path: formatPath(path), line: pos.line, column: pos.column };
      }),
    );
  }
  const errors: LevelError[] = [];
  const seen = new Set<string>();
  parsed.data.chapters.forEach((chapter, c) => {
    const languages = Object.keys(chapter.translations ?? {});
    if (languages.length > MAX_TRANSLATIONS) {
      const path = ["chapters", c, "translations", languages[MAX_TRANSLATIONS]];
      const message = `a chapter may be translated into at most ${MAX_TRANSLATIONS} languages; this one has ${languages.length}`;
      errors.push({ code: "too-many-translations", message, path: formatPath(path), ...at(path) });
    }
    chapter.levels.forEach((id, l) => {
      const path = ["chapters", c, "levels", l];
      const pos = at(path);
      if (seen.has(id)) errors.push({ code: "duplicate-level", message: `level "${id}" is already in the campaign`, path: formatPath(path), ...pos });
      else if (knownIds && !knownIds.has(id)) errors.push({ code: "unknown-level", message: `there is no level with id "${id}"`, path: formatPath(path), ...pos });
      seen.add(id);
    });
  });
  return errors.length > 0 ? err(errors) : ok(parsed.data);
}
