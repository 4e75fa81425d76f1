// A completion record: what a student saves from a pack (their name as typed, the pack's id and
// hash, and per solved level its hash, the proof of the solve and when) and what the instructor
// grades. parseRecord checks its shape with positions; grading (grade.ts) checks its claims.

import * as z from "zod/mini";
import { err, ok, parseJsonDocument, type FixCode, type LevelError, type Result, type Variant } from "../engine/index";
import { MAX_PARAM_VALUE } from "../engine/params";
import { errorAt, schemaErrors, tooLarge, type CourseError } from "./errors";
import { hashString, KEBAB_CASE, MAX_PACK_LEVELS, type Pack } from "./pack";
import { studentVariant } from "./variant";

export const RECORD_FORMAT = "interleave-record";
export const RECORD_VERSION = 1;
/** The longest schedule a record may give: far beyond any level's, short enough to replay at once. */
export const MAX_SCHEDULE_MOVES = 10_000;
export const MAX_STUDENT_CHARS = 200;

const iso = (what: string) => z.iso.datetime({ error: `${what} is a date and time like "2026-12-07T18:00:00.000Z"` });

const EntrySchema = z.strictObject({
  id: z.string().check(z.regex(KEBAB_CASE, { error: "a level id is lower-case kebab-case, like \"lost-update\"" }), z.describe("The level's id in the pack.")),
  hash: hashString().check(z.describe("The level's hash in the pack when it was solved.")),
  solvedAt: iso('"solvedAt"').check(z.describe("When the level was solved (ISO 8601, UTC).")),
  schedule: z.optional(
    z.array(z.string().check(z.maxLength(200)))
      .check(z.maxLength(MAX_SCHEDULE_MOVES, { error: `a schedule has at most ${MAX_SCHEDULE_MOVES.toLocaleString("en")} moves` }), z.describe("A break-it level's winning schedule: moves as a level's `solution` writes them.")),
  ),
  fix: z.optional(z.record(z.string(), z.string()).check(z.describe("A fix-it level's fixed code, by editable thread name."))),
  proof: z.optional(z.literal(true, { error: '"proof" is true when given' }).check(z.describe("A prove-it level: the student's proof ran."))),
  variant: z.optional(
    z.record(z.string().check(z.maxLength(100)), z.int().check(z.gte(0), z.lte(MAX_PARAM_VALUE)))
      .check(z.describe("A parameterised level: the values of the student's variant, which `levels grade` derives again from the pack's id and the student's name.")),
  ),
});

export const RecordSchema = z
  .strictObject({
    $schema: z.optional(z.string().check(z.describe("The JSON Schema editors check this file with."))),
    format: z.literal(RECORD_FORMAT, { error: `"format" must be "${RECORD_FORMAT}"` }).check(z.describe(`Always "${RECORD_FORMAT}".`)),
    version: z.literal(RECORD_VERSION, { error: `"version" must be ${RECORD_VERSION}: this game reads version ${RECORD_VERSION} records` }).check(z.describe("The version of the record format: 1.")),
    student: z.string().check(
      z.minLength(1, { error: "the student's name is empty" }),
      z.maxLength(MAX_STUDENT_CHARS, { error: `the student's name is longer than ${MAX_STUDENT_CHARS} characters` }),
      z.describe("The student's name, as they typed it."),
    ),
    pack: z.strictObject({ id: z.string().check(z.describe("The pack's id.")), hash: hashString().check(z.describe("The pack's hash.")) }).check(z.describe("The pack the record is for.")),
    createdAt: iso('"createdAt"').check(z.describe("When the record was saved (ISO 8601, UTC).")),
    levels: z.array(EntrySchema).check(z.maxLength(MAX_PACK_LEVELS), z.describe("One entry per solved level; exactly one of schedule, fix, proof each.")),
  })
  .check(z.meta({ title: "Interleave completion record", description: "What a student saves from a pack with Download my record, and `levels grade` checks." }));

interface EntryBase {
  id: string;
  hash: string;
  solvedAt: string;
  /** A parameterised level: the values of the variant played. */
  variant?: Variant;
}
/** A solved level, with what solves it: a break-it level's schedule, a fix-it level's code, or a prove-it level's proof. */
export type RecordEntry = EntryBase & ({ schedule: string[] } | { fix: FixCode } | { proof: true });

export interface CompletionRecord {
  $schema?: string;
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  student: string;
  pack: { id: string; hash: string };
  createdAt: string;
  levels: RecordEntry[];
}

/**
 * Reads a completion record: strict JSON, the record's shape, exactly one of schedule, fix and
 * proof per level, each level once. Never throws; every error has the file, line and column.
 */
export function parseRecord(text: string, file: string): Result<CompletionRecord, LevelError[]> {
  const large = tooLarge(file, text, "the record");
  if (large.length > 0) return err(large);
  if (text.trim() === "") return err([{ file, code: "json-syntax", message: "the file is empty: a completion record is a JSON object, { ... }", line: 1, column: 1 }]);
  const parsedJson = parseJsonDocument(text);
  if (!parsedJson.ok) return err(parsedJson.error.map((e) => ({ ...e, file })));
  const doc = parsedJson.value;
  // JSON.parse's value (the text is valid JSON, nested at most 100 deep), where a "__proto__" key
  // is an own field, as a thread named so must be.
  const raw = JSON.parse(text) as unknown;
  const shape = RecordSchema.safeParse(raw);
  if (!shape.success) return err(schemaErrors(file, doc, shape.error.issues));
  const data = shape.data;
  const rawLevels = (raw as { levels: { fix?: Record<string, string> }[] }).levels;

  const errors: CourseError[] = [];
  const seen = new Set<string>();
  const levels: RecordEntry[] = [];
  data.levels.forEach((entry, i) => {
    const given = (["schedule", "fix", "proof"] as const).filter((k) => entry[k] !== undefined);
    if (given.length !== 1) {
      const message = given.length === 0 ? 'a solved level gives one of "schedule", "fix" or "proof"' : `a solved level gives only one of "schedule", "fix" or "proof", not ${given.map((g) => `"${g}"`).join(" and ")}`;
      errors.push(errorAt(file, doc, ["levels", i], "schema", message));
    }
    if (seen.has(entry.id)) errors.push(errorAt(file, doc, ["levels", i, "id"], "duplicate-level", `level "${entry.id}" is already in the record`));
    seen.add(entry.id);
    // Rebuilt from the file's own entries, as a fix is: a parameter may be named "__proto__".
    const variant = entry.variant && Object.fromEntries(Object.entries((rawLevels[i] as { variant: Record<string, number> }).variant));
    const base = { id: entry.id, hash: entry.hash, solvedAt: entry.solvedAt, ...(variant && { variant }) };
    if (entry.schedule) levels.push({ ...base, schedule: entry.schedule });
    // Rebuilt from the file's own entries: a thread may be named "__proto__".
    else if (entry.fix) levels.push({ ...base, fix: Object.fromEntries(Object.entries(rawLevels[i].fix!)) });
    else levels.push({ ...base, proof: true });
  });
  if (errors.length > 0) return err(errors);
  return ok({
    ...(data.$schema !== undefined && { $schema: data.$schema }),
    format: RECORD_FORMAT, version: RECORD_VERSION, student: data.student, pack: { id: data.pack.id, hash: data.pack.hash }, createdAt: data.createdAt, levels,
  });
}

/** What a student has shown on one level, as the screens know it. */
export type SolvedLevel = { id: string; solvedAt: string } & ({ schedule: readonly string[] } | { fix: FixCode } | { proof: true });

/**
 * A student's record for `pack`: one entry per solved level the pack has, in the pack's order,
 * with the level's hash. Pure: the caller gives the times. `createdAt` defaults to the latest
 * `solvedAt` (or the start of 1970 when nothing is solved). A parameterised level's entry names
 * the student's variant (derived from the pack's id and `student`, as the game chose it).
 */
export function makeRecord(student: string, pack: Pick<Pack, "id" | "hash" | "levels">, solved: Iterable<SolvedLevel>, createdAt?: string): CompletionRecord {
  const byId = new Map<string, SolvedLevel>();
  for (const s of solved) byId.set(s.id, s);
  const levels: RecordEntry[] = [];
  for (const level of pack.levels) {
    const s = byId.get(level.id);
    if (!s) continue;
    const variant = studentVariant(pack.id, level, student);
    const base = { id: level.id, hash: level.hash, solvedAt: s.solvedAt, ...(variant && { variant: { ...variant } }) };
    if ("schedule" in s) levels.push({ ...base, schedule: [...s.schedule] });
    else if ("fix" in s) levels.push({ ...base, fix: Object.fromEntries(Object.entries(s.fix)) });
    else levels.push({ ...base, proof: true });
  }
  const latest = levels.map((l) => l.solvedAt).sort().pop() ?? new Date(0).toISOString();
  return { format: RECORD_FORMAT, version: RECORD_VERSION, student, pack: { id: pack.id, hash: pack.hash }, createdAt: createdAt ?? latest, levels };
}

/** The text of a record file, as Download my record saves it. */
export function recordText(record: CompletionRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
