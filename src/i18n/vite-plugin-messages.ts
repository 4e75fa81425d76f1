// A Vite plugin for the interface's message catalogs. The catalogs are JSON files of ICU
// messages, one per area and language (src/i18n/messages/<locale>/<area>.json), written by hand.
// At build time each language's areas are merged into bundles and every message is compiled with
// Lingui's compiler, so the page carries only Lingui's small runtime, never a message parser.
//
//   import messages from "virtual:messages/de/main";   // { "common.dismiss": ["Schließen"], … }
//   import { loaders } from "virtual:messages";        // Map of "de/main" → () => import(…)
//
// A message a language lacks is filled in from English, so a missing translation falls back to
// English message by message (catalogs.test.ts fails the build's tests when one is missing). A
// message that does not compile fails the build, naming its file and key.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compileMessageOrThrow, type CompiledMessage } from "@lingui/message-utils/compileMessage";
import type { Plugin } from "vite";
import { LOCALES } from "./locales.js";

export const MESSAGES_MODULE = "virtual:messages";
const RESOLVED = `\0${MESSAGES_MODULE}`;

/**
 * Which bundle each area's messages load with. An area a lazily loaded screen alone uses gets a
 * bundle of its own, loaded with that screen; every other area is in "main", loaded at start.
 */
export const BUNDLE_OF_AREA: ReadonlyMap<string, string> = new Map([
  // The level screens' words (and hardware mode's, which every level screen offers): every screen
  // but the campaign's loads them, so the campaign screen does not carry them.
  ["play", "play"],
  ["hardware", "play"],
  ["editor", "editor"],
  ["grade", "grade"],
]);
export const BUNDLES = ["main", "play", "editor", "grade"] as const;

const bundleOf = (area: string) => BUNDLE_OF_AREA.get(area) ?? "main";

/** The messages of one language's area files, by area; a file that is not a flat object of strings throws. */
export function readCatalogs(dir: string, locale: string): Map<string, Map<string, string>> {
  const areas = new Map<string, Map<string, string>>();
  let files: string[];
  try {
    files = readdirSync(join(dir, locale)).filter((f) => f.endsWith(".json")).sort();
  } catch {
    return areas;
  }
  for (const file of files) {
    const path = join(dir, locale, file);
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${path}: a catalog is an object of messages`);
    const messages = new Map<string, string>();
    for (const [key, text] of Object.entries(value)) {
      if (typeof text !== "string") throw new Error(`${path}: "${key}" is not a string`);
      messages.set(key, text);
    }
    areas.set(file.slice(0, -".json".length), messages);
  }
  return areas;
}

/** One language's bundle, compiled: English fills in what the language lacks. */
export function compileBundle(dir: string, locale: string, bundle: string): Record<string, CompiledMessage> {
  const english = readCatalogs(dir, "en");
  const own = locale === "en" ? english : readCatalogs(dir, locale);
  const out: Record<string, CompiledMessage> = {};
  for (const [area, messages] of english) {
    if (bundleOf(area) !== bundle) continue;
    const translated = own.get(area);
    for (const [key, text] of messages) {
      const chosen = translated?.get(key) ?? text;
      const file = `${locale}/${area}.json`;
      try {
        out[key] = compileMessageOrThrow(chosen);
      } catch (e) {
        throw new Error(`src/i18n/messages/${file}: "${key}" does not compile: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return out;
}

export function messages(dir = join(process.cwd(), "src", "i18n", "messages")): Plugin {
  return {
    name: "interleave-messages",
    resolveId(id) {
      if (id === MESSAGES_MODULE || id.startsWith(`${MESSAGES_MODULE}/`)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === RESOLVED) {
        const entries = LOCALES.flatMap((l) => BUNDLES.map((b) => `  [${JSON.stringify(`${l}/${b}`)}, () => import(${JSON.stringify(`${MESSAGES_MODULE}/${l}/${b}`)})],`));
        return `export const loaders = new Map([\n${entries.join("\n")}\n]);\n`;
      }
      if (!id.startsWith(`${RESOLVED}/`)) return null;
      const [locale, bundle] = id.slice(RESOLVED.length + 1).split("/");
      for (const l of ["en", locale]) {
        try {
          for (const f of readdirSync(join(dir, l))) this.addWatchFile(join(dir, l, f));
        } catch {
          // no folder for this language: English throughout
        }
      }
      return `export default ${JSON.stringify(compileBundle(dir, locale, bundle))};\n`;
    },
  };
}
