// `levels pack DIR -o PACK.json`: builds a course's level pack from a folder. DIR/pack.json is the
// index (id, title, intro, chapters naming level ids, like campaign.json); each id is a level file
// DIR/<id>.json or a level of the game's own campaign. Every level is checked as `levels check`
// checks it, and one failing level fails the build; the pack embeds every level whole, hashed.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";
import * as z from "zod/mini";
import { parseJsonDocument } from "../engine/index";
import { errorAt, formatError, schemaErrors, type CourseError } from "../course/errors";
import { buildPack, ChapterSchema, KEBAB_CASE, parsePack } from "../course/pack";
import { checkLevelText, passes } from "./check";
import { printRecord } from "./print";
import { USAGE } from "./usage";

/** The game's own campaign levels, which a pack may name by id. */
export const CAMPAIGN_DIR = fileURLToPath(new URL("../../levels/", import.meta.url));

/** DIR/pack.json: the pack's index. */
export const PackSourceSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    id: z.string().check(z.regex(KEBAB_CASE, { error: '"id" is lower-case kebab-case, like "os-week3"' })),
    title: z.string().check(z.minLength(1, { error: "the pack needs a title" }), z.maxLength(200)),
    intro: z.optional(z.string()),
    chapters: z.array(ChapterSchema).check(z.minLength(1, { error: "a pack has at least one chapter" })),
  });

export async function packCommand(args: string[]): Promise<number> {
  let dir: string | undefined;
  let out: string | undefined;
  let link = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-o" || args[i] === "--output") out = args[++i];
    else if (args[i] === "--link") link = true;
    else if (args[i].startsWith("-")) return usage(`unknown option "${args[i]}"`);
    else if (dir === undefined) dir = args[i];
    else return usage(`one folder at a time: "${dir}" and "${args[i]}"`);
  }
  if (dir === undefined) return usage("no folder given");
  if (!out) return usage("no output file given: -o PACK.json");

  const indexFile = join(dir, "pack.json");
  let indexText: string;
  try {
    indexText = readFileSync(indexFile, "utf8");
  } catch {
    console.log(`${indexFile}: cannot read the file: a pack's folder has a pack.json that names its chapters and levels`);
    return 1;
  }
  const index = readIndex(indexFile, indexText);
  if (!index.ok) {
    for (const e of index.errors) console.log(formatError(e));
    return 1;
  }

  const levels: Record<string, unknown>[] = [];
  let failed = false;
  for (const { id, at } of index.ids) {
    const own = join(dir, `${id}.json`);
    const campaign = join(CAMPAIGN_DIR, `${id}.json`);
    const file = existsSync(own) ? own : existsSync(campaign) ? relative(process.cwd(), campaign) : null;
    if (file === null) {
      console.log(formatError({ ...at, message: `there is no level "${id}": no ${own}, and the game's campaign has no level with that id` }));
      failed = true;
      continue;
    }
    const text = readFileSync(file, "utf8");
    const record = checkLevelText(file, text);
    printRecord(record);
    if (!passes(record)) failed = true;
    else levels.push(JSON.parse(text) as Record<string, unknown>);
  }
  if (failed) {
    console.log(`no pack written: fix the levels above first`);
    return 1;
  }

  const { id, title, intro, chapters } = index.value;
  const pack = await buildPack({ id, title, ...(intro !== undefined && { intro }), chapters, levels });
  const text = `${JSON.stringify(pack, null, 2)}\n`;
  // What students will open must load: the size and level limits are parsePack's.
  const check = parsePack(text, out);
  if (!check.ok) {
    for (const e of check.error) console.log(formatError(e));
    return 1;
  }
  writeFileSync(out, text);
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  console.log(`wrote ${out}: "${title}", ${n(levels.length, "level")} in ${n(chapters.length, "chapter")}, hash ${pack.hash as string}`);
  if (link) console.log(`link (after the game's address): ${packLinkFragment(text)}`);
  return 0;
}

/** `#/pack?data=…`: the pack file's text, raw-DEFLATE compressed and base64url, as level links are. */
export function packLinkFragment(text: string): string {
  return `#/pack?data=${deflateRawSync(Buffer.from(text, "utf8"), { level: 9 }).toString("base64url")}`;
}

function usage(problem: string): number {
  console.error(`${problem}\n\n${USAGE}`);
  return 2;
}

type Index = z.output<typeof PackSourceSchema>;

/** The index, and every level id it names with its place (each once). */
function readIndex(file: string, text: string): { ok: true; value: Index; ids: { id: string; at: CourseError }[] } | { ok: false; errors: CourseError[] } {
  const parsed = parseJsonDocument(text);
  if (!parsed.ok) return { ok: false, errors: parsed.error.map((e) => ({ ...e, file })) };
  const doc = parsed.value;
  const shape = PackSourceSchema.safeParse(JSON.parse(text));
  if (!shape.success) return { ok: false, errors: schemaErrors(file, doc, shape.error.issues) };
  const errors: CourseError[] = [];
  const ids: { id: string; at: CourseError }[] = [];
  const seen = new Set<string>();
  shape.data.chapters.forEach((chapter, c) =>
    chapter.levels.forEach((id, l) => {
      const at = errorAt(file, doc, ["chapters", c, "levels", l], "unknown-level", "");
      if (seen.has(id)) errors.push({ ...at, code: "duplicate-level", message: `level "${id}" is already in a chapter` });
      else ids.push({ id, at });
      seen.add(id);
    }),
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: shape.data, ids };
}
