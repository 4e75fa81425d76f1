// The catalogs are complete: every language has every message English has (and no stray ones),
// each compiles, and each uses the same placeholders as its English original, so a translation
// can neither drop a number nor ask for one that is never given.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileMessageOrThrow, type CompiledMessage } from "@lingui/message-utils/compileMessage";
import { LOCALES, pickLocale } from "./locales";
import { compileBundle, readCatalogs } from "./vite-plugin-messages";

const DIR = join(import.meta.dirname, "messages");
const english = readCatalogs(DIR, "en");

/** The placeholder names a compiled message uses, nested plural branches included. */
function placeholders(message: CompiledMessage, into = new Set<string>()): Set<string> {
  for (const token of message) {
    if (typeof token === "string") continue;
    const [name, , format] = token;
    into.add(name);
    if (format && typeof format === "object" && !Array.isArray(format)) {
      for (const [key, branch] of Object.entries(format)) if (key !== "offset" && Array.isArray(branch)) placeholders(branch as CompiledMessage, into);
    }
  }
  return into;
}

describe("the message catalogs", () => {
  it("have areas in English, each key named after its area", () => {
    expect(english.size).toBeGreaterThan(0);
    for (const [area, messages] of english) for (const key of messages.keys()) expect(key.startsWith(`${area}.`), `${key} in ${area}.json`).toBe(true);
  });

  it("list every English area in the message ids (ids.ts)", () => {
    const ids = readFileSync(join(import.meta.dirname, "ids.ts"), "utf8");
    for (const area of english.keys()) expect(ids, `ids.ts lacks ${area}.json`).toContain(`./messages/en/${area}.json`);
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    it(`in ${locale} have exactly the keys English has, area by area`, () => {
      const own = readCatalogs(DIR, locale);
      expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [area, messages] of english) {
        const translated = own.get(area)!;
        const missing = [...messages.keys()].filter((k) => !translated.has(k));
        const extra = [...translated.keys()].filter((k) => !messages.has(k));
        expect(missing, `${locale}/${area}.json lacks these`).toEqual([]);
        expect(extra, `${locale}/${area}.json has these English does not`).toEqual([]);
      }
    });

    it(`in ${locale} compile and use the placeholders English uses`, () => {
      const own = readCatalogs(DIR, locale);
      for (const [area, messages] of english) {
        for (const [key, text] of messages) {
          const theirs = own.get(area)?.get(key);
          if (theirs === undefined) continue;
          const want = [...placeholders(compileMessageOrThrow(text))].sort();
          expect([...placeholders(compileMessageOrThrow(theirs))].sort(), `${locale} ${key}`).toEqual(want);
        }
      }
    });
  }

  it("fill in English, message by message, where a language lacks one", () => {
    const dir = mkdtempSync(join(tmpdir(), "catalogs-"));
    mkdirSync(join(dir, "en"));
    mkdirSync(join(dir, "de"));
    writeFileSync(join(dir, "en", "play.json"), JSON.stringify({ "play.a": "Step", "play.b": "{n, plural, one {# move} other {# moves}}", "editor.c": "x" }));
    writeFileSync(join(dir, "en", "editor.json"), JSON.stringify({ "editor.c": "Check" }));
    writeFileSync(join(dir, "de", "play.json"), JSON.stringify({ "play.a": "Schritt" }));
    expect(compileBundle(dir, "de", "play")).toEqual({ "play.a": ["Schritt"], "play.b": compileMessageOrThrow("{n, plural, one {# move} other {# moves}}"), "editor.c": ["x"] });
    expect(compileBundle(dir, "de", "editor")).toEqual({ "editor.c": ["Check"] });
  });

  it("refuse a message that does not compile, naming its file and key", () => {
    const dir = mkdtempSync(join(tmpdir(), "catalogs-"));
    mkdirSync(join(dir, "en"));
    writeFileSync(join(dir, "en", "play.json"), JSON.stringify({ "play.a": "{n, plural, one {# move}" }));
    expect(() => compileBundle(dir, "en", "play")).toThrow(/en\/play\.json: "play\.a" does not compile/);
  });

  it("are found in files: every file in a language folder is one English has", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(join(DIR, locale)).sort();
      expect(files, locale).toEqual(readdirSync(join(DIR, "en")).sort());
    }
  });
});

describe("pickLocale", () => {
  it.each([
    [["de-DE", "en"], "de"],
    [["es-419"], "es"],
    [["fr-FR", "es-ES", "de"], "es"],
    [["fr"], "en"],
    [[], "en"],
    [[7, null, "DE"], "de"],
  ] as const)("picks from %j: %s", (list, want) => {
    expect(pickLocale(list)).toBe(want);
  });
});
