// Level text in other languages: the file format (every mistake placed in the file), the
// fallback to English field by field, parameters in translations, and German for the campaign.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCampaign, parseLevel, type LevelError } from "./index";
import { levelJsonSchema } from "./level-json-schema";
import { languageOf, localizedChapter, localizedText, MAX_TRANSLATIONS } from "./translations";

const BASE = {
  format: 1, id: "two-clerks", title: "Two Clerks", summary: "One room.", story: "Both go in.", hint: "Look at the door.",
  win: ["mutual-exclusion"], threads: [{ name: "Ada", code: "critical_section();" }, { name: "Bo", code: "critical_section();" }],
};
const file = (translations: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ ...BASE, ...extra, translations }, null, 2);

const errorsOf = (text: string): LevelError[] => {
  const parsed = parseLevel(text);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? [] : parsed.error;
};
const brief = (e: LevelError) => [e.line, e.column, e.path, e.message];
/** Line and column (1-based) where `needle` begins in `text`. */
function at(text: string, needle: string): [number, number] {
  const offset = text.indexOf(needle);
  expect(offset).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split("\n");
  return [before.length, before[before.length - 1].length + 1];
}

describe("a level's translations", () => {
  it("are read, and the level screen's words fall back to English field by field", () => {
    const parsed = parseLevel(file({ de: { title: "Zwei Schreiber", story: "Beide gehen hinein." } }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { spec } = parsed.value;
    expect(localizedText(spec, "de-DE")).toEqual({ title: "Zwei Schreiber", summary: "One room.", story: "Beide gehen hinein.", hint: "Look at the door." });
    expect(localizedText(spec, "de")).toEqual(localizedText(spec, "DE"));
    expect(localizedText(spec, "es")).toEqual({ title: "Two Clerks", summary: "One room.", story: "Both go in.", hint: "Look at the door." });
    expect(localizedText(spec, "en")).toEqual(localizedText({ ...spec, translations: undefined }, "de"));
  });

  it("take the language of a locale from its primary subtag", () => {
    expect(["de-DE", "de_AT", "DE", "es-419", "fil-PH"].map(languageOf)).toEqual(["de", "de", "de", "es", "fil"]);
  });

  it("place an unknown field, a wrong type and a bad language code in the file", () => {
    const text = file({ de: { titel: "Zwei Schreiber", hint: ["Schau", "zur Tür"] }, German: { title: "x" }, "de-DE": { title: "x" } });
    expect(errorsOf(text).map(brief)).toEqual([
      [...at(text, '"titel"'), "translations.de.titel", 'unknown field "titel" (did you mean "title"?)'],
      [...at(text, '[\n        "Schau"'), "translations.de.hint", "expected a string"],
      [...at(text, '"German"'), "translations.German", '"German" is not a language: use its two- or three-letter code in lower case, like "de"'],
      [...at(text, '"de-DE"'), "translations.de-DE", '"de-DE" is not a language: use its two- or three-letter code in lower case, like "de"'],
    ]);
  });

  it("refuse a translation that is not an object, and an empty title", () => {
    const text = file({ de: "Zwei Schreiber", es: { title: "" } });
    expect(errorsOf(text).map(brief)).toEqual([
      [...at(text, '"Zwei Schreiber"'), "translations.de", "expected an object"],
      [...at(text, '""'), "translations.es.title", '"title" must not be empty'],
    ]);
  });

  it("refuse a translation of a text the level does not have in English", () => {
    const text = file({ de: { title: "Zwei Schreiber", outro: "Geschafft." } });
    expect(errorsOf(text).map(brief)).toEqual([
      [...at(text, '"outro"'), "translations.de.outro", 'the level has no "outro" in English, so there is none to translate: add "outro" to the level, or remove this one'],
    ]);
  });

  it(`hold at most ${MAX_TRANSLATIONS} languages`, () => {
    const codes = Array.from({ length: MAX_TRANSLATIONS + 1 }, (_, i) => `a${String.fromCharCode(97 + i)}`);
    const text = file(Object.fromEntries(codes.map((c) => [c, { title: c }])));
    expect(errorsOf(text).map(brief)).toEqual([
      [...at(text, `"${codes[MAX_TRANSLATIONS]}"`), `translations.${codes[MAX_TRANSLATIONS]}`, `a level may be translated into at most ${MAX_TRANSLATIONS} languages; this one has ${MAX_TRANSLATIONS + 1}`],
    ]);
    expect(parseLevel(file(Object.fromEntries(codes.slice(0, MAX_TRANSLATIONS).map((c) => [c, { title: c }])))).ok).toBe(true);
  });

  it("use the level's parameters like the English text, and place an unknown one", () => {
    const params = { cash: { min: 50, max: 200, step: 50, default: 100 } };
    const extra = { params, title: "{{cash}} coins", shared: { balance: "{{cash}}" } };
    const parsed = parseLevel(file({ de: { title: "{{ cash }} Münzen", story: "Hebt je {{cash}} ab." } }, extra));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(localizedText(parsed.value.spec, "de")).toMatchObject({ title: "100 Münzen", story: "Hebt je 100 ab." });
    const text = file({ de: { title: "{{coins}} Münzen" } }, extra);
    expect(errorsOf(text).map(brief)).toEqual([[...at(text, "{{coins}}"), "translations.de.title", 'unknown parameter "coins"; the parameters are "cash"']]);
  });

  it("are offered by the editors' JSON Schema: language codes, and the five text fields", () => {
    const schema = levelJsonSchema() as { properties: Record<string, { propertyNames: unknown; maxProperties: number; additionalProperties: { properties: object } }> };
    const translations = schema.properties.translations;
    expect(translations.propertyNames).toEqual({ type: "string", pattern: "^[a-z]{2,3}$" });
    expect(translations.maxProperties).toBe(MAX_TRANSLATIONS);
    expect(Object.keys(translations.additionalProperties.properties)).toEqual(["title", "summary", "story", "hint", "outro"]);
  });
});

describe("a chapter's translations", () => {
  const campaign = (translations: unknown) => JSON.stringify({ chapters: [{ title: "Locks", intro: "A lock.", levels: ["a"], translations }] }, null, 2);

  it("give the title and intro in the player's language, each falling back to English", () => {
    const parsed = parseCampaign(campaign({ de: { title: "Sperren" } }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [chapter] = parsed.value.chapters;
    expect(localizedChapter(chapter, "de-CH")).toEqual({ title: "Sperren", intro: "A lock." });
    expect(localizedChapter(chapter, "es")).toEqual({ title: "Locks", intro: "A lock." });
  });

  it("place an unknown field and a bad language code", () => {
    const text = campaign({ de: { story: "x" }, Deutsch: { title: "y" } });
    const parsed = parseCampaign(text);
    expect(parsed.ok ? [] : parsed.error.map((e) => [e.path, e.message])).toEqual([
      ["chapters[0].translations.de", 'unknown field "story"'],
      ["chapters[0].translations.Deutsch", '"Deutsch" is not a language: use its two- or three-letter code in lower case, like "de"'],
    ]);
  });
});

describe("the campaign in German", () => {
  const dir = new URL("../../levels/", import.meta.url);
  const ids = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "campaign.json" && !f.endsWith(".schema.json"));
  const codeOf = (text: string) => (text.match(/`[^`]*`|\{\{[^}]*\}\}/g) ?? []).sort();

  it.each(ids)("%s has German for every text it has in English, with the same code and placeholders", (name) => {
    const level = JSON.parse(readFileSync(new URL(name, dir), "utf8")) as Record<string, unknown> & { translations: { de: Record<string, string> } };
    const english = ["title", "summary", "story", "hint", "outro"].filter((k) => typeof level[k] === "string");
    expect(Object.keys(level.translations.de)).toEqual(english);
    // A title may be the same word in German ("Soundcheck"); the sentences are not.
    for (const k of english) {
      if (k !== "title") expect(level.translations.de[k]).not.toBe(level[k]);
      expect(codeOf(level.translations.de[k])).toEqual(codeOf(level[k] as string));
    }
  });

  it("has a German title and intro for every chapter", () => {
    const parsed = parseCampaign(readFileSync(new URL("campaign.json", dir), "utf8"));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    for (const chapter of parsed.value.chapters) {
      const german = localizedChapter(chapter, "de");
      expect(chapter.translations?.de.title).toBe(german.title);
      expect(german.intro).not.toBe(chapter.intro);
    }
  });
});
