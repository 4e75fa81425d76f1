// Loads a level file: strict JSON (json-position.ts), then the schema (level-schema.ts), then the
// rules that span several fields. Every problem found comes back at once, each with its JSON
// path, line and column, in words meant for the instructor who wrote the file.

import type { Node } from "jsonc-parser";
import type * as z from "zod/mini";
import { parseJsonDocument, type JsonDocument, type JsonPath } from "./json-position";
import { MAX_CODE_LENGTH, MAX_LEVEL_CODE_LENGTH } from "./lang/limits";
import {
  ALL_SYNC_TYPES, FixSchema, INT32_MAX, LevelSchema, MAX_COUNT, MAX_QUEUE_CAPACITY, MAX_THREADS, OptionsSchema, RESERVED_WORDS, SYNC_SCHEMAS,
  ThreadSchema, toLevelSpec, type LevelSpec, type SyncType,
} from "./level-schema";
import { defaultVariant, readParams, substitute, variantProblem, type LevelParam, type StringEdit, type Variant } from "./params";
import { err, formatPath, ok, type LevelError, type Result } from "./result";
import { codePlacer } from "./source-map";
import { LEVEL_TEXT_FIELDS, MAX_TRANSLATIONS } from "./translations";
import { expandName, expandThreadNames } from "./thread-names";

export {
  ALL_WIN_OUTCOMES, LevelSchema, RESERVED_WORDS,
  type FixSpec, type LevelSpec, type SharedDecl, type SyncDecl, type ThreadSpec, type WinOutcome,
} from "./level-schema";
export { positionOf } from "./json-position";

/**
 * Parses and validates a level file. Never throws: a broken file gives every error found (all
 * syntax errors; or else every schema and rule error), sorted by position.
 * `_fileName` is accepted for callers' convenience; errors carry positions and callers add the file.
 */
export function parseLevelJson(text: string, _fileName?: string): Result<LevelSpec, LevelError[]> {
  const read = readLevelFile(text);
  return read.ok ? ok(read.value.spec) : read;
}

/** A level file read: its spec (one variant's), the parsed file, and what substitution changed. */
export interface LevelFile {
  spec: LevelSpec;
  doc: JsonDocument;
  /** The file's value with the variant's values in place of `{{name}}` (the file's own value when it has none). */
  value: unknown;
  /** Each string in which placeholders were replaced, by its formatted JSON path. */
  edits: Map<string, StringEdit>;
}

/**
 * parseLevelJson's work, with the parsed file kept, so that later errors (in code) can be placed
 * in it. A parameterised level is read as `variant` (default: each parameter's default): the
 * values replace `{{name}}` in the parsed value before the schema and the rules see it.
 */
export function readLevelFile(text: string, variant?: Variant): Result<LevelFile, LevelError[]> {
  const parsedJson = parseJsonDocument(text);
  if (!parsedJson.ok) return parsedJson;
  const doc = parsedJson.value;
  const findings: Finding[] = [];
  const { params, declared, problems } = readParams(field(doc.value, "params"));
  findings.push(...problems);
  const chosen = variant ?? defaultVariant(params);
  const wrongVariant = variant && variantProblem(params, variant);
  if (wrongVariant) findings.push({ code: "bad-variant", path: ["params"], anchor: "key", message: wrongVariant });
  const values = new Map(params.map((p) => [p.name, Object.hasOwn(chosen, p.name) ? chosen[p.name] : p.default]));
  const sub = substitute(doc.value, values, declared);
  for (const p of params) {
    if (!sub.used.has(p.name)) {
      findings.push({ code: "unused-param", path: ["params", p.name], anchor: "key", message: `the parameter ${JSON.stringify(p.name)} is never used: write {{${p.name}}} where its value goes, or remove it` });
    }
  }
  const data = sub.value;
  findDuplicateKeys(doc.root, [], findings);
  const parsed = LevelSchema.safeParse(data, { error: () => UNSET });
  if (!parsed.success) for (const issue of parsed.error.issues) fromIssue(issue, [], data, findings);
  checkRules(data, findings);
  const placed = placeholderErrors(sub.problems, doc);
  // A placeholder misplaced in "shared" is explained by its own error, not also by the schema's.
  const misplaced = new Set(placed.map((e) => e.path));
  for (let i = findings.length - 1; i >= 0; i--) if (findings[i].code === "schema" && misplaced.has(formatPath(findings[i].path))) findings.splice(i, 1);
  if (findings.length > 0 || placed.length > 0 || !parsed.success) return err(sortByPlace([...locateAll(findings, doc), ...placed]));
  const spec = toLevelSpec(parsed.data);
  if (params.length > 0) Object.assign(spec, { params, variant: chosen });
  return ok({ spec, doc, value: data, edits: sub.replacements });
}

/** Is the string at `path` code (whose errors are placed within it, LEVEL_FORMAT.md) rather than text? */
function isCodePath(path: readonly (string | number)[]): boolean {
  return (path[0] === "threads" && path[2] === "code") || (path[0] === "fix" && path[1] === "reference");
}

/** Placeholder problems, placed through the string's escapes: within the code for code, else in the file. */
function placeholderErrors(problems: ReturnType<typeof substitute>["problems"], doc: JsonDocument): LevelError[] {
  const place = codePlacer(doc);
  return problems.map((p) => {
    const str = doc.nodeAt(p.path)?.value;
    const before = typeof str === "string" ? str.slice(0, p.offset) : "";
    const line = before.split("\n").length;
    const column = p.offset - (before.lastIndexOf("\n") + 1) + 1;
    const inFile = place(p.path, { line, column, length: p.length });
    const path = formatPath(p.path);
    if (inFile && isCodePath(p.path)) return { code: p.code, message: p.message, path, line, column, inFile };
    return { code: p.code, message: p.message, path, line: inFile?.line ?? 1, column: inFile?.column ?? 1 };
  });
}

/** Errors in the order of the file (an error in code by its place in the file). */
function sortByPlace(errors: LevelError[]): LevelError[] {
  const at = (e: LevelError) => [e.inFile?.line ?? e.line ?? 0, e.inFile?.column ?? e.column ?? 0];
  return errors.sort((a, b) => at(a)[0] - at(b)[0] || at(a)[1] - at(b)[1]);
}

export type { LevelParam };
export { expandThreadNames };

/** A problem, before it has a line and column: it points at its value, its key, or the object lacking it. */
interface Finding {
  code: string;
  path: JsonPath;
  message: string;
  anchor?: "value" | "key" | "object";
  /** An exact offset in the file, when the path alone cannot say where (a repeated key). */
  offset?: number;
}

function locateAll(findings: Finding[], doc: JsonDocument): LevelError[] {
  const seen = new Set<string>();
  const errors: LevelError[] = [];
  for (const f of findings) {
    const id = `${formatPath(f.path)}\u0000${f.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const node =
      f.anchor === "key" ? (doc.keyNodeAt(f.path) ?? nearestNode(doc, f.path))
      : f.anchor === "object" ? nearestNode(doc, f.path.slice(0, -1))
      : nearestNode(doc, f.path);
    const { line, column } = doc.positionAt(f.offset ?? node.offset);
    errors.push({ code: f.code, message: f.message, ...(f.path.length > 0 ? { path: formatPath(f.path) } : {}), line, column });
  }
  return errors.sort((a, b) => a.line! - b.line! || a.column! - b.column!);
}

function nearestNode(doc: JsonDocument, path: JsonPath) {
  for (let n = path.length; n > 0; n--) {
    const node = doc.nodeAt(path.slice(0, n));
    if (node) return node;
  }
  return doc.root;
}

// ---- Schema issues -> findings ----------------------------------------------------------------

/** Marks an issue whose schema gave no message of its own; such issues get one built here. */
const UNSET = "\u0000unset";
const TYPE_WORDS: Record<string, string> = {
  string: "a string", number: "an integer", int: "an integer", boolean: "true or false",
  array: "an array", object: "an object", record: "an object",
};

function fromIssue(issue: z.core.$ZodIssue, base: JsonPath, data: unknown, out: Finding[]): void {
  const path = [...base, ...(issue.path as JsonPath)];
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedFields(path, data);
    for (const key of issue.keys) {
      const guess = closest(key, allowed);
      const message = `unknown field ${JSON.stringify(key)}${guess ? ` (did you mean "${guess}"?)` : ""}`;
      out.push({ code: "schema", path: [...path, key], message, anchor: "key" });
    }
    return;
  }
  if (issue.code === "invalid_union" && issue.discriminator === undefined && !isMissing(data, path)) {
    // Report the issues of the option meant for a value of this JSON type, if there is one.
    const value = valueAt(data, path);
    const wrongType = (i: z.core.$ZodIssue) => i.path.length === 0 && i.code === "invalid_type" && !isOfType(value, i.expected);
    const meant = issue.errors.find((option) => !option.some(wrongType));
    if (meant && meant.length > 0) return meant.forEach((inner) => fromIssue(inner, path, data, out));
  }
  const [message, anchor] = describeIssue(issue, path, data);
  out.push({ code: "schema", path, message, anchor });
}

/** The message for one issue, and where it points when not at the value itself. */
function describeIssue(issue: z.core.$ZodIssue, path: JsonPath, data: unknown): [string, Finding["anchor"]?] {
  const quoted = `"${fieldName(path)}"`;
  if (issue.code === "invalid_key") {
    const inner = issue.issues.find((i) => i.message !== UNSET)?.message;
    return [inner ?? `${JSON.stringify(path[path.length - 1])} is not a valid name`, "key"];
  }
  if (issue.code === "invalid_union" && issue.discriminator !== undefined) {
    const types = ALL_SYNC_TYPES.join(", ");
    const type = valueAt(data, path);
    if (isMissing(data, path)) return [`missing required field "type": one of ${types}`, "object"];
    if (typeof type !== "string") return [`"type" must be one of: ${types}`];
    const guess = closest(type, ALL_SYNC_TYPES);
    return [`unknown type ${JSON.stringify(type)}${guess ? ` (did you mean "${guess}"?)` : `: expected one of ${types}`}`];
  }
  if (isMissing(data, path)) return [`missing required field ${quoted}`, "object"];
  if (issue.message !== UNSET) return [issue.message];
  switch (issue.code) {
    case "invalid_type":
      return [path.length === 0 ? "a level file must be a JSON object, { ... }" : `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`];
    case "invalid_value": {
      const values = issue.values.map((v) => JSON.stringify(v));
      return [`${quoted} must be ${values.length === 1 ? values[0] : `one of: ${values.join(", ")}`}`];
    }
    case "too_small":
      if (issue.origin !== "array" && issue.origin !== "string") return [`${quoted} must be at least ${issue.minimum}`];
      return [Number(issue.minimum) === 1 ? `${quoted} must not be empty` : `${quoted} needs at least ${issue.minimum} items`];
    case "too_big":
      return [issue.origin === "array" ? `${quoted} has more than ${issue.maximum} items` : `${quoted} must be at most ${issue.maximum}`];
    default:
      return [`${quoted} is not valid`];
  }
}

/** The field an error is about: the last key of its path ("win" for win[2]). */
function fieldName(path: JsonPath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return path[i] as string;
  return "the level";
}

function isOfType(value: unknown, expected: string): boolean {
  if (expected === "number" || expected === "int") return typeof value === "number";
  if (expected === "boolean" || expected === "string") return typeof value === expected;
  if (expected === "array") return Array.isArray(value);
  if (expected === "object" || expected === "record") return isRecord(value);
  return false;
}

/** The fields the object at `path` may have, for "did you mean" suggestions. */
function allowedFields(path: JsonPath, data: unknown): readonly string[] {
  const top = path[0];
  if (path.length === 0) return Object.keys(LevelSchema.shape);
  if (path.length === 1 && top === "options") return Object.keys(OptionsSchema.shape);
  if (path.length === 1 && top === "fix") return Object.keys(FixSchema.shape);
  if (path.length === 2 && top === "params") return ["min", "max", "step", "default"];
  if (path.length === 2 && top === "fix" && path[1] === "require") return ["finish", "final"];
  if (path.length === 2 && top === "threads") return Object.keys(ThreadSchema.shape);
  if (path.length === 2 && top === "translations") return LEVEL_TEXT_FIELDS;
  const type = path.length === 2 && top === "shared" ? field(valueAt(data, path), "type") : undefined;
  return ALL_SYNC_TYPES.includes(type as SyncType) ? Object.keys(SYNC_SCHEMAS[type as SyncType].shape) : [];
}

/** The candidate `word` most likely means: one it begins ("spurious"), or one at edit distance 1 or 2. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length >= 4) {
    const completed = candidates.find((c) => c.toLowerCase().startsWith(lower));
    if (completed) return completed;
  }
  let best: string | undefined;
  let bestDistance = Math.min(3, word.length);
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

// ---- Reading unvalidated data ----------------------------------------------------------------
// The rules below run even when the schema failed, so they read the raw JSON value and skip
// whatever is malformed (the schema has reported that already).

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function field(x: unknown, key: string | number): unknown {
  if (typeof key === "number") return Array.isArray(x) ? x[key] : undefined;
  return isRecord(x) && Object.hasOwn(x, key) ? x[key] : undefined;
}

function valueAt(data: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>(field, data);
}

function isMissing(data: unknown, path: JsonPath): boolean {
  const key = path[path.length - 1];
  const owner = valueAt(data, path.slice(0, -1));
  return typeof key === "string" && isRecord(owner) && !Object.hasOwn(owner, key);
}

/** An integer in [min, max], or undefined. */
function intBetween(x: unknown, min: number, max: number): number | undefined {
  return Number.isInteger(x) && (x as number) >= min && (x as number) <= max ? (x as number) : undefined;
}

function findDuplicateKeys(node: Node, path: JsonPath, out: Finding[]): void {
  const seen = new Set<string>();
  (node.children ?? []).forEach((child, i) => {
    if (node.type === "array") return findDuplicateKeys(child, [...path, i], out);
    const [key, value] = child.children ?? [];
    if (typeof key?.value !== "string") return;
    if (seen.has(key.value)) {
      out.push({ code: "duplicate-key", path: [...path, key.value], message: `duplicate field ${JSON.stringify(key.value)}`, offset: key.offset });
    }
    seen.add(key.value);
    if (value) findDuplicateKeys(value, [...path, key.value], out);
  });
}

// ---- Rules the schema cannot express ---------------------------------------------------------

function checkRules(data: unknown, out: Finding[]): void {
  const shared = isRecord(field(data, "shared")) ? (field(data, "shared") as Record<string, unknown>) : {};
  checkShared(shared, out);
  checkNoops(field(data, "noops"), shared, out);
  checkWin(field(data, "win"), out);
  const names = checkThreads(field(data, "threads"), out);
  checkCodeLength(field(data, "threads"), out);
  if (names) checkSolution(field(data, "solution"), names, field(data, "options"), out);
  checkFix(data, shared, out);
  checkTranslations(data, out);
}

/** At most MAX_TRANSLATIONS languages, and no translation of a text the level does not have in English. */
function checkTranslations(data: unknown, out: Finding[]): void {
  const translations = field(data, "translations");
  if (!isRecord(translations)) return;
  const languages = Object.keys(translations);
  if (languages.length > MAX_TRANSLATIONS) {
    const message = `a level may be translated into at most ${MAX_TRANSLATIONS} languages; this one has ${languages.length}`;
    out.push({ code: "too-many-translations", path: ["translations", languages[MAX_TRANSLATIONS]], anchor: "key", message });
  }
  for (const language of languages) {
    for (const key of ["story", "hint", "outro"] as const) {
      if (field(field(translations, language), key) === undefined || typeof field(data, key) === "string") continue;
      const message = `the level has no ${JSON.stringify(key)} in English, so there is none to translate: add "${key}" to the level, or remove this one`;
      out.push({ code: "translation-without-text", path: ["translations", language, key], anchor: "key", message });
    }
  }
}

/** A fix-it level's `fix`: threads that exist, outcomes once each, `final` on declared variables, a complete reference. */
function checkFix(data: unknown, shared: Record<string, unknown>, out: Finding[]): void {
  const fix = field(data, "fix");
  if (!isRecord(fix)) return;
  if (field(data, "breakable") === false) {
    out.push({ code: "fix-breakable", path: ["breakable"], message: `a fix-it level starts from broken code, so "breakable" cannot be false` });
  }
  const threads = field(data, "threads");
  const written = Array.isArray(threads) ? threads.map((t) => field(t, "name")).filter((n): n is string => typeof n === "string") : [];
  const editable = field(fix, "threads");
  const listed: string[] = [];
  if (Array.isArray(editable)) {
    editable.forEach((name, i) => {
      if (typeof name !== "string") return;
      listed.push(name);
      const add = (message: string) => out.push({ code: "fix-thread", path: ["fix", "threads", i], message });
      if (listed.indexOf(name) < listed.length - 1) add(`${JSON.stringify(name)} is listed twice in "fix.threads"`);
      else if (Array.isArray(threads) && !written.includes(name)) {
        const template = (threads as unknown[]).find((t) => {
          const n = field(t, "name");
          const c = intBetween(field(t, "count"), 1, MAX_COUNT);
          return typeof n === "string" && c !== undefined && expandName(n, c).includes(name);
        });
        if (template) {
          const written = JSON.stringify(field(template, "name"));
          return add(`${JSON.stringify(name)} is one copy of ${written}: name the thread as it is written, ${written}, to edit every copy`);
        }
        const guess = closest(name, written);
        add(`no thread is named ${JSON.stringify(name)}${guess ? ` (did you mean "${guess}"?)` : `; the threads are ${written.map((n) => JSON.stringify(n)).join(", ")}`}`);
      }
    });
  }
  const forbid = field(fix, "forbid");
  if (Array.isArray(forbid)) {
    forbid.forEach((outcome, i) => {
      if (typeof outcome === "string" && forbid.indexOf(outcome) < i) {
        out.push({ code: "duplicate-outcome", path: ["fix", "forbid", i], message: `${JSON.stringify(outcome)} is listed twice in "forbid"` });
      }
    });
  }
  const final = field(field(fix, "require"), "final");
  if (isRecord(final)) {
    for (const [name, value] of Object.entries(final)) {
      if (typeof value !== "number" && typeof value !== "boolean") continue; // the schema reported it
      const decl = Object.hasOwn(shared, name) ? shared[name] : undefined;
      const add = (message: string) => out.push({ code: "fix-final", path: ["fix", "require", "final", name], anchor: "key", message });
      if (decl === undefined) add(`no shared variable is named ${JSON.stringify(name)}`);
      else if (typeof decl !== "number" && typeof decl !== "boolean") add(`${JSON.stringify(name)} is ${describeShared(decl)}; "final" takes int and bool variables only`);
      else if (typeof decl !== typeof value) {
        add(`${JSON.stringify(name)} is ${describeShared(decl)}, so its final value must be ${typeof decl === "number" ? "an integer" : "true or false"}`);
      }
    }
  }
  const reference = field(fix, "reference");
  if (isRecord(reference) && Array.isArray(editable)) {
    for (const name of Object.keys(reference)) {
      if (!listed.includes(name)) {
        out.push({ code: "fix-reference", path: ["fix", "reference", name], anchor: "key", message: `${JSON.stringify(name)} is not in "fix.threads", so the reference cannot change its code` });
      }
    }
    for (const name of listed) {
      if (!Object.hasOwn(reference, name)) {
        out.push({ code: "fix-reference", path: ["fix", "reference"], message: `the reference fix has no code for ${JSON.stringify(name)}` });
      }
    }
  }
}

function checkShared(shared: Record<string, unknown>, out: Finding[]): void {
  for (const [name, decl] of Object.entries(shared)) {
    const at = ["shared", name];
    if (RESERVED_WORDS.has(name)) {
      out.push({ code: "reserved-name", path: at, anchor: "key", message: `${JSON.stringify(name)} is a reserved word of the thread language` });
    }
    if (name === "__proto__") out.push({ code: "reserved-name", path: at, anchor: "key", message: `"__proto__" cannot be a name` });
    if (Array.isArray(decl)) {
      const kind = typeof decl[0];
      const mixed = decl.findIndex((v) => (typeof v === "number" || typeof v === "boolean") && typeof v !== kind);
      if (mixed > 0) {
        out.push({ code: "mixed-array", path: [...at, mixed], message: `${JSON.stringify(name)} mixes integers and true/false; an array holds one kind` });
      }
      continue;
    }
    const type = field(decl, "type");
    if (type === "condition") checkConditionMutex(shared, name, field(decl, "mutex"), out);
    if (type === "semaphore") {
      const value = intBetween(field(decl, "value") ?? 0, 0, INT32_MAX);
      const max = intBetween(field(decl, "max"), 1, INT32_MAX);
      if (value !== undefined && max !== undefined && value > max) {
        out.push({ code: "semaphore-range", path: [...at, "value"], message: `the starting "value" (${value}) is more than "max" (${max})` });
      }
    }
    if (type === "queue") {
      const items = field(decl, "items");
      const capacity = intBetween(field(decl, "capacity") ?? 8, 1, MAX_QUEUE_CAPACITY);
      if (Array.isArray(items) && capacity !== undefined && items.length > capacity) {
        out.push({ code: "queue-overflow", path: [...at, "items"], message: `the queue starts with ${items.length} items, more than its "capacity" (${capacity})` });
      }
    }
  }
}

function checkConditionMutex(shared: Record<string, unknown>, name: string, mutex: unknown, out: Finding[]): void {
  if (typeof mutex !== "string") return;
  const target = field(shared, mutex);
  const type = field(target, "type");
  if (isRecord(target) && !ALL_SYNC_TYPES.includes(type as SyncType)) return; // a broken declaration, reported already
  let problem: string | undefined;
  if (target === undefined) problem = `no mutex named ${JSON.stringify(mutex)} is declared in "shared"`;
  else if (type !== "mutex") problem = `${JSON.stringify(mutex)} is ${describeShared(target)}, not a mutex`;
  else if (field(target, "count") !== undefined) problem = `${JSON.stringify(mutex)} is an array of mutexes; a condition needs a single mutex`;
  if (problem) out.push({ code: "condition-mutex", path: ["shared", name, "mutex"], message: problem });
}

function describeShared(decl: unknown): string {
  if (typeof decl === "number") return "an integer";
  if (typeof decl === "boolean") return "a bool";
  if (Array.isArray(decl)) return "an array";
  const type = String(field(decl, "type"));
  return type === "event" ? "an event" : `a ${type}`;
}

function checkNoops(noops: unknown, shared: Record<string, unknown>, out: Finding[]): void {
  if (!Array.isArray(noops)) return;
  const seen = new Set<string>();
  noops.forEach((noop, i) => {
    if (typeof noop !== "string") return;
    const add = (code: string, message: string) => out.push({ code, path: ["noops", i], message });
    const quoted = JSON.stringify(noop);
    if (RESERVED_WORDS.has(noop)) add("reserved-name", `${quoted} is a reserved word of the thread language`);
    else if (Object.hasOwn(shared, noop)) add("name-clash", `${quoted} is already the name of shared state`);
    else if (seen.has(noop)) add("duplicate-noop", `${quoted} is listed twice in "noops"`);
    seen.add(noop);
  });
}

function checkWin(win: unknown, out: Finding[]): void {
  if (!Array.isArray(win)) return;
  win.forEach((outcome, i) => {
    if (typeof outcome === "string" && win.indexOf(outcome) < i) {
      out.push({ code: "duplicate-outcome", path: ["win", i], message: `${JSON.stringify(outcome)} is listed twice in "win"` });
    }
  });
}

/** Checks the names after expansion; returns them when every thread is well-formed, for `solution`. */
function checkThreads(threads: unknown, out: Finding[]): string[] | undefined {
  if (!Array.isArray(threads)) return undefined;
  const owner = new Map<string, number>();
  const names: string[] = [];
  let wellFormed = true;
  threads.forEach((thread, i) => {
    const name = field(thread, "name");
    const rawCount = field(thread, "count");
    const count = intBetween(rawCount, 1, MAX_COUNT);
    if (typeof name !== "string" || (rawCount !== undefined && count === undefined)) return void (wellFormed = false);
    const path = ["threads", i, "name"];
    // Thread names key the student's code in a fix-it level; "__proto__" is no key of a plain object.
    if (name === "__proto__") out.push({ code: "reserved-name", path, message: `"__proto__" cannot be a thread name` });
    if (count !== undefined && count > 1 && !name.includes("{id}")) {
      out.push({ code: "duplicate-thread-name", path, message: `this thread has "count": ${count}, so its name needs "{id}" to tell the copies apart` });
    }
    for (const expanded of expandName(name, count)) {
      const first = owner.get(expanded);
      if (first !== undefined && first !== i) {
        out.push({ code: "duplicate-thread-name", path, message: `duplicate thread name ${JSON.stringify(expanded)} (threads[${first}] has it too)` });
        break;
      }
      owner.set(expanded, i);
    }
    names.push(...expandName(name, count));
  });
  if (names.length > MAX_THREADS) {
    const counted = threads.some((t) => field(t, "count") !== undefined) ? ` once "count" is expanded` : "";
    out.push({ code: "too-many-threads", path: ["threads"], message: `a level may have at most ${MAX_THREADS} threads; this one has ${names.length}${counted}` });
  }
  return wellFormed ? names : undefined;
}

/** All the code the level screen shows, each copy counted: a short link with "count" cannot make it huge. */
function checkCodeLength(threads: unknown, out: Finding[]): void {
  if (!Array.isArray(threads)) return;
  let total = 0;
  for (const thread of threads) {
    const code = field(thread, "code");
    if (typeof code !== "string" || code.length > MAX_CODE_LENGTH) return; // the schema has reported it
    total += code.length * (intBetween(field(thread, "count"), 1, MAX_COUNT) ?? 1);
  }
  if (total > MAX_LEVEL_CODE_LENGTH) {
    const n = (x: number) => x.toLocaleString("en");
    const message = `the threads' code may be at most ${n(MAX_LEVEL_CODE_LENGTH)} characters in all, each copy made by "count" counted, but this level's has ${n(total)}`;
    out.push({ code: "code-too-long", path: ["threads"], message });
  }
}

function checkSolution(solution: unknown, names: string[], options: unknown, out: Finding[]): void {
  if (!Array.isArray(solution)) return;
  const threads = new Set(names);
  const spurious = field(options, "spuriousWakeups") === true;
  const tso = field(options, "memoryModel") === "tso";
  const list = [...threads].map((n) => JSON.stringify(n)).join(", ");
  solution.forEach((move, i) => {
    const add = (message: string) => out.push({ code: "bad-move", path: ["solution", i], message });
    if (typeof move === "number") {
      if (Number.isInteger(move) && move >= names.length) {
        add(`move ${move} is out of range: the threads are numbered 0 to ${names.length - 1}`);
      }
      return;
    }
    if (typeof move !== "string" || threads.has(move)) return; // exact names first: a name may contain ':'
    const colon = move.lastIndexOf(":");
    const name = move.slice(0, colon);
    const suffix = move.slice(colon + 1);
    if (colon < 0 || !threads.has(name)) {
      const named = colon >= 0 && (suffix === "wake" || suffix === "flush") ? name : move;
      return void add(`no thread is named ${JSON.stringify(named)}; the threads are ${list}`);
    }
    const quoted = JSON.stringify(move);
    if (suffix === "wake" && !spurious) add(`${quoted} is a spurious wakeup, which needs "options": { "spuriousWakeups": true }`);
    else if (suffix === "flush" && !tso) add(`${quoted} is a store-buffer flush, which needs "options": { "memoryModel": "tso" }`);
    else if (suffix !== "wake" && suffix !== "flush") add(`${quoted}: after a thread name, only ":wake" or ":flush" may follow`);
  });
}
