// A level pack: an instructor's own campaign in one self-contained file (title, chapters, and
// every level embedded whole, each with its content hash), which students open and records are
// graded against. parsePack checks a built pack file's shape and every level in it, with
// positions; verifyPack checks its hashes (asynchronous: Web Crypto).

import * as z from "zod/mini";
import { err, ok, parseJsonDocument, parseLevel, type JsonPath, type Level, type LevelError, type Result } from "../engine/index";
import { embeddedErrors, errorAt, schemaErrors, tooLarge, type CourseError } from "./errors";
import { HASH_PATTERN, levelHash, packHash } from "./hash";

export const PACK_FORMAT = "interleave-pack";
export const PACK_VERSION = 1;
/** The most levels a pack embeds. */
export const MAX_PACK_LEVELS = 200;

export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const kebab = (what: string) => z.string().check(z.regex(KEBAB_CASE, { error: `${what} is lower-case kebab-case, like "lost-update"` }));
export const hashString = () => z.string().check(z.regex(HASH_PATTERN, { error: 'a hash is "sha256-" followed by 64 lower-case hex digits' }));

export const ChapterSchema = z.strictObject({
  title: z.string().check(z.minLength(1, { error: "a chapter needs a title" }), z.maxLength(200), z.describe("The chapter's title.")),
  intro: z.optional(z.string().check(z.describe("Markdown shown above the chapter's levels."))),
  levels: z
    .array(kebab("a level id"))
    .check(z.minLength(1, { error: "a chapter names at least one level" }), z.maxLength(MAX_PACK_LEVELS), z.describe("Level ids, in the order students play them.")),
});

export const PackSchema = z
  .strictObject({
    $schema: z.optional(z.string().check(z.describe('The JSON Schema editors check this file with, like "../levels/pack.schema.json".'))),
    format: z.literal(PACK_FORMAT, { error: `"format" must be "${PACK_FORMAT}"` }).check(z.describe(`Always "${PACK_FORMAT}".`)),
    version: z.literal(PACK_VERSION, { error: `"version" must be ${PACK_VERSION}: this game reads version ${PACK_VERSION} packs` }).check(z.describe("The version of the pack format: 1.")),
    id: kebab('"id"').check(z.describe("The pack's id, lower-case kebab-case; records name it.")),
    title: z.string().check(z.minLength(1, { error: "the pack needs a title" }), z.maxLength(200), z.describe("The pack's title, shown on its campaign screen.")),
    intro: z.optional(z.string().check(z.describe("Markdown shown above the chapters."))),
    chapters: z.array(ChapterSchema).check(z.minLength(1, { error: "a pack has at least one chapter" }), z.maxLength(MAX_PACK_LEVELS), z.describe("The chapters, in order.")),
    levels: z
      .array(
        z.strictObject({
          hash: hashString().check(z.describe("levelHash of `level`: sha256- and the hex SHA-256 of its canonical JSON.")),
          level: z.record(z.string(), z.unknown()).check(z.describe("A whole level file's JSON, id included.")),
        }),
      )
      .check(z.minLength(1, { error: "a pack embeds at least one level" }), z.maxLength(MAX_PACK_LEVELS, { error: `a pack embeds at most ${MAX_PACK_LEVELS} levels` }), z.describe("Every level the chapters name, embedded whole.")),
    hash: hashString().check(z.describe("packHash: the same hash over this object without $schema and hash.")),
  })
  .check(z.meta({ title: "Interleave level pack", description: "A course's levels in one file, built by `npm run -s levels -- pack DIR -o PACK.json`." }));

export interface PackChapter {
  title: string;
  intro?: string;
  levels: string[];
}

/** One embedded level: its hash as the file gives it, its JSON as in the file, and the level parsed. */
export interface PackLevel {
  hash: string;
  /** The level file's JSON, exactly as embedded (what the hash covers). */
  level: Record<string, unknown>;
  /** Its id (the level's own). */
  id: string;
  /** The level parsed and compiled by the engine, ready to play. */
  parsed: Level;
  /** The level's JSON text, as a level file (for the level screen, the share link, the editor). */
  text: string;
}

/** A built pack, read and checked. Its file's fields, plus what the loader worked out. */
export interface Pack {
  $schema?: string;
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  id: string;
  title: string;
  intro?: string;
  chapters: PackChapter[];
  levels: PackLevel[];
  hash: string;
  /** The file it was read from and where its hashes are, for verifyPack's messages (not in the file). */
  source?: { file: string; levelHashAt: { line: number; column: number }[]; hashAt: { line: number; column: number } };
}

/** The pack's level with this id, if it has one. */
export function packLevel(pack: Pick<Pack, "levels">, id: string): PackLevel | undefined {
  return pack.levels.find((l) => l.id === id);
}

/** The built pack file's JSON value: what `levels pack` writes (without `source` or parsed levels). */
export function packFileValue(pack: Omit<Pack, "levels" | "source"> & { levels: readonly { hash: string; level: unknown }[] }): Record<string, unknown> {
  const { $schema, format, version, id, title, intro, chapters, hash } = pack;
  return {
    ...($schema !== undefined && { $schema }), format, version, id, title, ...(intro !== undefined && { intro }),
    chapters: chapters.map((c) => ({ title: c.title, ...(c.intro !== undefined && { intro: c.intro }), levels: c.levels })),
    levels: pack.levels.map((l) => ({ hash: l.hash, level: l.level })),
    hash,
  };
}

/**
 * Reads a built pack file: strict JSON, the pack's shape, every embedded level as the engine
 * loads a level file (errors placed in the pack file), unique ids, every chapter's levels
 * present. Never throws. The hashes are verifyPack's job.
 */
export function parsePack(text: string, file: string): Result<Pack, LevelError[]> {
  const large = tooLarge(file, text, "the pack");
  if (large.length > 0) return err(large);
  if (text.trim() === "") return err([{ file, code: "json-syntax", message: "the file is empty: a level pack is a JSON object, { ... }", line: 1, column: 1 }]);
  const parsedJson = parseJsonDocument(text);
  if (!parsedJson.ok) return err(parsedJson.error.map((e) => ({ ...e, file })));
  const doc = parsedJson.value;
  // JSON.parse's value (the text is valid JSON, nested at most 100 deep): a "__proto__" key is an
  // own field there, as for every other reader of the file, not the object's prototype.
  const shape = PackSchema.safeParse(JSON.parse(text));
  if (!shape.success) return err(schemaErrors(file, doc, shape.error.issues));
  const data = shape.data;

  const errors: CourseError[] = [];
  const levels: PackLevel[] = [];
  const byId = new Map<string, number>();
  data.levels.forEach((entry, i) => {
    const node = doc.nodeAt(["levels", i, "level"])!;
    const levelText = text.slice(node.offset, node.offset + node.length);
    const parsed = parseLevel(levelText, file);
    const at = doc.positionAt(node.offset);
    if (!parsed.ok) return void errors.push(...embeddedErrors(file, at, ["levels", i, "level"], parsed.error));
    const id = parsed.value.spec.id;
    const other = byId.get(id);
    if (other !== undefined) errors.push(errorAt(file, doc, ["levels", i, "level", "id"], "duplicate-id", `level "${id}" is already in the pack (levels[${other}])`));
    else byId.set(id, i);
    levels.push({ hash: entry.hash, level: JSON.parse(levelText) as Record<string, unknown>, id, parsed: parsed.value, text: levelText });
  });

  const named = new Set<string>();
  data.chapters.forEach((chapter, c) =>
    chapter.levels.forEach((id, l) => {
      const path: JsonPath = ["chapters", c, "levels", l];
      if (named.has(id)) errors.push(errorAt(file, doc, path, "duplicate-level", `level "${id}" is already in a chapter`));
      else if (!byId.has(id) && errors.length === 0) errors.push(errorAt(file, doc, path, "unknown-level", `the pack has no level with id "${id}"`));
      named.add(id);
    }),
  );
  if (errors.length > 0) return err(errors);

  const position = (path: JsonPath) => doc.positionAt(doc.nodeAt(path)!.offset);
  return ok({
    ...(data.$schema !== undefined && { $schema: data.$schema }),
    format: PACK_FORMAT, version: PACK_VERSION, id: data.id, title: data.title, ...(data.intro !== undefined && { intro: data.intro }),
    chapters: data.chapters.map((c) => ({ title: c.title, ...(c.intro !== undefined && { intro: c.intro }), levels: c.levels })),
    levels,
    hash: data.hash,
    source: { file, levelHashAt: levels.map((_, i) => position(["levels", i, "hash"])), hashAt: position(["hash"]) },
  });
}

/** The hashes of a parsed pack: each level's must be its levelHash, the pack's its packHash. */
export async function verifyPack(pack: Pack): Promise<LevelError[]> {
  const file = pack.source?.file ?? "";
  const errors: CourseError[] = [];
  for (let i = 0; i < pack.levels.length; i++) {
    const { hash, level, id } = pack.levels[i];
    const actual = await levelHash(level);
    if (actual !== hash) {
      const at = pack.source?.levelHashAt[i] ?? {};
      errors.push({ file, code: "level-hash", message: `level "${id}" has changed since the pack was built: its hash is ${actual}, not ${hash}`, path: `levels[${i}].hash`, ...at });
    }
  }
  const actual = await packHash(pack);
  if (actual !== pack.hash) {
    errors.push({ file, code: "pack-hash", message: `the pack has changed since it was built: its hash is ${actual}, not ${pack.hash}`, path: "hash", ...(pack.source?.hashAt ?? {}) });
  }
  return errors;
}

/** parsePack, then verifyPack: a pack ready to play or grade against, or every error. */
export async function loadPack(text: string, file: string): Promise<Result<Pack, LevelError[]>> {
  const parsed = parsePack(text, file);
  if (!parsed.ok) return parsed;
  const errors = await verifyPack(parsed.value);
  return errors.length > 0 ? err(errors) : parsed;
}

/** Builds a pack from its parts: hashes every level, then the pack (what `levels pack` writes). */
export async function buildPack(parts: { id: string; title: string; intro?: string; chapters: PackChapter[]; levels: readonly Record<string, unknown>[]; $schema?: string }): Promise<Record<string, unknown>> {
  const levels = [];
  for (const level of parts.levels) levels.push({ hash: await levelHash(level), level });
  const unhashed = { format: PACK_FORMAT, version: PACK_VERSION, id: parts.id, title: parts.title, intro: parts.intro, chapters: parts.chapters, levels };
  const hash = await packHash(unhashed);
  return packFileValue({ ...unhashed, ...(parts.$schema !== undefined && { $schema: parts.$schema }), format: PACK_FORMAT, version: PACK_VERSION, hash });
}
