// Grading: every completion record against the pack, level by level, trusting nothing the record
// says. A schedule is replayed through the engine's step; a fix is re-judged by the solver's fix
// judge (the one `levels check` uses); a proof claim stands only when the solver finds no
// schedule that wins. A record for another pack, or an entry for a level whose content has
// changed since (its hash differs from the pack's), never counts. A parameterised level is judged
// as the record's student's own variant, derived again from the pack's id and their name; an
// entry that names another variant is refused. Never throws: a broken record is a row of rejections with the reason.

import { currentCode, describeVariant, describeVerdict, formatMove, levelKind, sameVariant, solutionProblem, levelParams, type FixCode, type Level, type LevelError } from "../engine/index";
import { judge } from "../solver/judge";
import { DEFAULT_MAX_STATES, solve } from "../solver/solve";
import { formatError } from "./errors";
import type { Pack, PackLevel } from "./pack";
import { parseRecord, type RecordEntry } from "./record";
import { studentLevel } from "./variant";

export type GradeStatus = "solved" | "rejected" | "missing";

export interface GradeRow {
  levelId: string;
  status: GradeStatus;
  /** Why the level does not count: a rejection's reason, or "not attempted". */
  reason?: string;
}

export interface GradedStudent {
  file: string;
  /** The student's name as the record gives it ("" when the file cannot be read). */
  student: string;
  rows: GradeRow[];
}

export interface GradeTable {
  students: GradedStudent[];
  /** The pack's level ids, in the order of its chapters. */
  levels: string[];
  /** The pack graded against. */
  pack: { id: string; title: string; hash: string };
}

export interface GradeOptions {
  /** The state budget of each search (default: the solver's, as `levels check`). */
  maxStates?: number;
}

/** The pack's levels in the order students meet them: by chapter, then any not in a chapter. */
export function gradedLevels(pack: Pick<Pack, "chapters" | "levels">): string[] {
  const ids = pack.chapters.flatMap((c) => c.levels);
  const named = new Set(ids);
  return [...ids, ...pack.levels.map((l) => l.id).filter((id) => !named.has(id))];
}

/** Grades every record against `pack` (a pack loadPack accepted). */
export async function gradeRecords(pack: Pack, records: readonly { file: string; text: string }[], options: GradeOptions = {}): Promise<GradeTable> {
  const levels = gradedLevels(pack);
  const byId = new Map(pack.levels.map((l) => [l.id, l]));
  const judgeOf = new Judges(options.maxStates ?? DEFAULT_MAX_STATES);
  const students: GradedStudent[] = [];
  for (const { file, text } of records) {
    const parsed = parseRecord(text, file);
    if (!parsed.ok) {
      students.push({ file, student: "", rows: rejectAll(levels, `malformed file: ${formatError(firstError(parsed.error, file))}`) });
      continue;
    }
    const record = parsed.value;
    if (record.pack.id !== pack.id) {
      students.push({ file, student: record.student, rows: rejectAll(levels, `record for another pack: "${record.pack.id}", not "${pack.id}"`) });
      continue;
    }
    if (record.pack.hash !== pack.hash) {
      // This pack as it was before it was rebuilt: nothing counts, and the levels that changed say so.
      const entries = new Map(record.levels.map((e) => [e.id, e.hash]));
      const reason = `record for another pack: "${pack.id}" as it was before it was rebuilt (hash ${record.pack.hash})`;
      const rows = levels.map((levelId): GradeRow => {
        const hash = entries.get(levelId);
        const changed = hash !== undefined && hash !== byId.get(levelId)!.hash;
        return { levelId, status: "rejected", reason: changed ? `${reason}; level changed since it was solved` : reason };
      });
      students.push({ file, student: record.student, rows });
      continue;
    }
    const entries = new Map(record.levels.map((e) => [e.id, e]));
    const rows: GradeRow[] = [];
    for (const id of levels) {
      const entry = entries.get(id);
      const level = byId.get(id)!;
      if (!entry) rows.push({ levelId: id, status: "missing", reason: "not attempted" });
      else {
        const reason = rejection(pack.id, record.student, level, entry, judgeOf);
        rows.push(reason === null ? { levelId: id, status: "solved" } : { levelId: id, status: "rejected", reason });
      }
      // Let a page that grades a folder of records stay responsive between levels.
      await Promise.resolve();
    }
    students.push({ file, student: record.student, rows });
  }
  return { students, levels, pack: { id: pack.id, title: pack.title, hash: pack.hash } };
}

/** Did every record verify: read, for this pack, and no level rejected (levels not attempted are fine)? */
export function allVerified(table: GradeTable): boolean {
  return table.students.every((s) => s.rows.every((r) => r.status !== "rejected"));
}

function rejectAll(levels: readonly string[], reason: string): GradeRow[] {
  return levels.map((levelId) => ({ levelId, status: "rejected", reason }));
}

function firstError(errors: readonly LevelError[], file: string): LevelError & { file: string } {
  return { file, ...(errors[0] ?? { code: "unknown", message: "unreadable" }) };
}

/** Why the entry does not solve the level (as the student's own variant), or null when it does. */
function rejection(packId: string, student: string, packLevel: PackLevel, entry: RecordEntry, judges: Judges): string | null {
  if (entry.hash !== packLevel.hash) return `level changed since it was solved: the record has hash ${entry.hash}, the pack ${packLevel.hash}`;
  const params = levelParams(packLevel.parsed.spec);
  if (params.length === 0 && entry.variant !== undefined) return `variant is not this student's: "${packLevel.id}" has no parameters, and the record names ${describeVariant(entry.variant) || "an empty variant"}`;
  const own = studentLevel(packId, packLevel, student);
  // The pack's level loaded, and variantFor picks only variants of it: this is a bug if it fails.
  if (!own.ok) return `the student's variant could not be loaded: ${own.error[0]?.message ?? "unknown error"}`;
  const { variant } = own.value;
  if (variant !== null && entry.variant !== undefined && (!sameVariant(params, entry.variant, variant) || Object.keys(entry.variant).length !== params.length)) {
    return `variant is not this student's: the record names ${describeVariant(entry.variant)}, and ${JSON.stringify(student)} plays ${describeVariant(variant)}`;
  }
  const level: PackLevel = variant === null ? packLevel : { ...packLevel, parsed: own.value.level, id: `${packLevel.id}\u0000${describeVariant(variant)}` };
  const { parsed } = level;
  const kind = levelKind(parsed.spec);
  if ("schedule" in entry) {
    if (kind === "fix") return "fix does not hold: the record gives a schedule, and a fix-it level is solved by a fix";
    const problem = solutionProblem(parsed.program, entry.schedule);
    return problem === null ? null : `schedule does not win: ${problem}`;
  }
  if ("fix" in entry) {
    if (kind !== "fix") return `fix does not hold: "${packLevel.id}" is not a fix-it level`;
    return judges.fixProblem(level, entry.fix);
  }
  if (kind === "break") return "proof claim on a breakable level";
  if (kind === "fix") return "fix does not hold: the record claims a proof, and a fix-it level is solved by a fix";
  return judges.proofProblem(level);
}

/** The solver's searches, each done once per level (and fix) however many records ask. */
class Judges {
  private readonly fixes = new Map<string, string | null>();
  private readonly proofs = new Map<string, string | null>();

  constructor(private readonly maxStates: number) {}

  /** Why the fix does not hold, in the judge's words (with a schedule that breaks it), or null. */
  fixProblem({ id, parsed }: PackLevel, fix: FixCode): string | null {
    const code = currentCode(parsed.spec, fix);
    const key = `${id}\u0000${JSON.stringify(Object.entries(code))}`;
    if (!this.fixes.has(key)) this.fixes.set(key, judgeFix(parsed, code, this.maxStates));
    return this.fixes.get(key)!;
  }

  /** Why the proof claim is wrong (a schedule wins, or the search gave up), or null. */
  proofProblem({ id, parsed }: PackLevel): string | null {
    if (!this.proofs.has(id)) {
      const found = solve(parsed.program, { maxStates: this.maxStates, reduce: true });
      this.proofs.set(
        id,
        found.verdict === "safe" ? null
        : found.verdict === "breakable" ? `proof claim on a breakable level: ${(found.schedule ?? []).map((m) => formatMove(parsed.program, m)).join(", ")} wins`
        : `proof could not be checked: the search gave up after ${found.states.toLocaleString("en")} states`,
      );
    }
    return this.proofs.get(id)!;
  }
}

function judgeFix(level: Level, code: FixCode, maxStates: number): string | null {
  const verdict = judge(level.spec, code, { maxStates, reduce: true });
  if (verdict.verdict === "fixed") return null;
  const moves = "schedule" in verdict ? `: ${verdict.schedule.map((m) => formatMove(level.program, m)).join(", ") || "before any move"}` : "";
  return `fix does not hold: ${describeVerdict(verdict)}${moves}`;
}

// ---- The table, for a terminal and for a spreadsheet ------------------------------------------

const CELL: Record<GradeStatus, string> = { solved: "solved", rejected: "REJECTED", missing: "-" };

/** A name from a record, safe to print: control and bidirectional-override characters shown as "?". */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "?");
}

function solvedCount(s: GradedStudent): string {
  return `${s.rows.filter((r) => r.status === "solved").length}/${s.rows.length}`;
}

/**
 * The table for a terminal: a row per record (student, file, a cell per level, how many solved),
 * then every rejection with its reason. "-" is a level not attempted.
 */
export function gradeTableText(table: GradeTable): string {
  const header = ["student", "file", ...table.levels, "score"];
  const body = table.students.map((s) => [printable(s.student) || "?", printable(s.file), ...s.rows.map((r) => CELL[r.status]), solvedCount(s)]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]))).join("  ");
  const lines = [line(header), ...body.map(line)];
  const rejections = table.students.flatMap((s) => {
    const who = `  ${printable(s.file)}${s.student ? ` (${printable(s.student)})` : ""}`;
    const rejected = s.rows.filter((r) => r.status === "rejected");
    // A whole record refused (malformed, another pack) is one line, not one per level.
    if (rejected.length > 1 && rejected.length === s.rows.length && rejected.every((r) => r.reason === rejected[0].reason)) {
      return [`${who}, every level: ${printable(rejected[0].reason ?? "")}`];
    }
    return rejected.map((r) => `${who}, ${r.levelId}: ${printable(r.reason ?? "")}`);
  });
  if (rejections.length > 0) lines.push("", "Rejected:", ...rejections);
  return `${lines.join("\n")}\n`;
}

/** One CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The table for a spreadsheet (RFC 4180, CRLF line ends): student, file, then a column per level
 * ("solved", "rejected: REASON" or "not attempted"), then the score (solved levels / levels).
 */
export function gradeTableCsv(table: GradeTable): string {
  const rows = [["student", "file", ...table.levels, "score"]];
  for (const s of table.students) {
    const cells = s.rows.map((r) => (r.status === "solved" ? "solved" : r.status === "missing" ? (r.reason ?? "not attempted") : `rejected: ${r.reason ?? ""}`));
    rows.push([s.student, s.file, ...cells, solvedCount(s)]);
  }
  return rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
