// Parameterised levels: a level's `params` (integer ranges), the variants they make, a stable
// choice of one variant from a string seed (a student's), and the substitution of `{{name}}` in
// the parsed JSON value. Pure and iterative: a level file is hostile input, nothing is evaluated.

/** One parameter of a level: the values min, min + step, ..., max; `default` is played outside a pack. */
export interface LevelParam {
  name: string;
  min: number;
  max: number;
  step: number;
  default: number;
}

/** A choice of one value for each parameter, by name (names are identifiers; read it with `own`). */
export type Variant = Readonly<Record<string, number>>;

export const MAX_PARAMS = 4;
/** Values of one parameter: (max - min) / step + 1. */
export const MAX_PARAM_VALUES = 1000;
/** All combinations of all parameters' values. */
export const MAX_VARIANTS = 1_000_000;
/** Parameter values are integers from 0 to this (a thread's code writes them as literals). */
export const MAX_PARAM_VALUE = 1_000_000_000;
/** Up to this many variants, every one is checked; beyond, a deterministic sample of this many. */
export const MAX_CHECKED_VARIANTS = 64;

/** `{{name}}`, with optional spaces inside the braces (as Mustache allows). */
export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The values of one parameter, in order. */
export function paramValues(p: LevelParam): number[] {
  const n = Math.floor((p.max - p.min) / p.step) + 1;
  return Array.from({ length: Math.min(n, MAX_PARAM_VALUES) }, (_, i) => p.min + i * p.step);
}

/** How many variants the parameters make (1 for none). */
export function variantCount(params: readonly LevelParam[]): number {
  return params.reduce((n, p) => n * paramValues(p).length, 1);
}

/** The variant played outside a pack: each parameter's default. */
export function defaultVariant(params: readonly LevelParam[]): Variant {
  return variantOf(params.map((p) => [p.name, p.default]));
}

function variantOf(entries: [string, number][]): Variant {
  // fromEntries defines own properties, so even a parameter named "__proto__" is an entry.
  return Object.freeze(Object.fromEntries(entries));
}

/** "deposit=120, tickets=3": a variant in words, in the parameters' order (the order its entries were made in). */
export function describeVariant(variant: Variant): string {
  return Object.entries(variant).map(([name, value]) => `${name}=${value}`).join(", ");
}

/** Same variant? */
export function sameVariant(params: readonly LevelParam[], a: Variant, b: Variant): boolean {
  return params.every((p) => Object.hasOwn(a, p.name) && Object.hasOwn(b, p.name) && a[p.name] === b[p.name]);
}

/**
 * The variants `levels check` checks and students are given: every combination (the first
 * parameter varying slowest) when there are at most MAX_CHECKED_VARIANTS; else a deterministic
 * sample of that many: the default variant, all minimums, all maximums, each parameter at its
 * minimum and at its maximum with the others at their defaults, then combinations drawn by a
 * xorshift generator seeded from the parameters' description, skipping repeats. The default
 * variant always comes first.
 */
export function variantsOf(params: readonly LevelParam[]): Variant[] {
  const values = params.map(paramValues);
  const total = values.reduce((n, v) => n * v.length, 1);
  const def = params.map((p) => p.default);
  const out: number[][] = [def];
  const seen = new Set<string>([def.join(",")]);
  const add = (combo: number[]) => {
    const key = combo.join(",");
    if (seen.has(key) || out.length >= MAX_CHECKED_VARIANTS) return;
    seen.add(key);
    out.push(combo);
  };
  if (total <= MAX_CHECKED_VARIANTS) {
    for (let index = 0; index < total; index++) add(comboAt(values, index));
  } else {
    add(values.map((v) => v[0]));
    add(values.map((v) => v[v.length - 1]));
    params.forEach((_, i) => {
      add(def.map((d, j) => (j === i ? values[i][0] : d)));
      add(def.map((d, j) => (j === i ? values[i][values[i].length - 1] : d)));
    });
    let state = fnv1a(params.map((p) => `${p.name}:${p.min}:${p.max}:${p.step}:${p.default}`).join(";")) || 1;
    for (let tries = 0; out.length < MAX_CHECKED_VARIANTS && tries < MAX_CHECKED_VARIANTS * 16; tries++) {
      add(values.map((v) => {
        state = xorshift32(state);
        return v[state % v.length];
      }));
    }
  }
  return out.map((combo) => variantOf(params.map((p, i) => [p.name, combo[i]])));
}

/** The combination number `index`, the first parameter varying slowest. */
function comboAt(values: number[][], index: number): number[] {
  const combo = new Array<number>(values.length);
  for (let i = values.length - 1; i >= 0; i--) {
    combo[i] = values[i][index % values[i].length];
    index = Math.floor(index / values[i].length);
  }
  return combo;
}

/**
 * A student's variant: one of `variantsOf(params)` (so always a checked one), chosen by a hash of
 * the normalised seed. Stable: the same seed and parameters give the same variant in Node and in
 * every browser (FNV-1a over the seed's UTF-8 bytes, then murmur3's finaliser; no platform API).
 */
export function variantFor(params: readonly LevelParam[], seed: string): Variant {
  const variants = variantsOf(params);
  return variants[fmix32(fnv1a(normaliseSeed(seed))) % variants.length];
}

/**
 * The seed as it is hashed: NFC, lower-case, and on each line (split at "\n") whitespace trimmed
 * and runs of it collapsed to one space; so "  Ada   Lovelace" and "ada lovelace" are one student.
 */
export function normaliseSeed(seed: string): string {
  return seed
    .normalize("NFC")
    .toLowerCase()
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .join("\n");
}

/** The seed of a student in a pack: `packId + "\n" + studentName` (variantFor normalises it). */
export function studentSeed(packId: string, studentName: string): string {
  return `${packId}\n${studentName}`;
}

/** 32-bit FNV-1a of the UTF-8 encoding of `text` (encoded here, so no TextEncoder is needed). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  const byte = (b: number) => {
    hash ^= b;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd; // a lone surrogate, as TextEncoder encodes it
    if (c < 0x80) byte(c);
    else if (c < 0x800) [0xc0 | (c >> 6), 0x80 | (c & 63)].forEach(byte);
    else if (c < 0x10000) [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].forEach(byte);
    else [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].forEach(byte);
  }
  return hash >>> 0;
}

/** murmur3's 32-bit finaliser: spreads FNV's bits so that `% n` is even for small n. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function xorshift32(x: number): number {
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return x >>> 0;
}

// ---- Reading `params` ----------------------------------------------------------------------

/** A problem with `params`, before it is placed in the file. */
export interface ParamProblem {
  code: string;
  path: (string | number)[];
  message: string;
  anchor?: "value" | "key";
}

/**
 * The well-formed parameters of a raw `params` value, and the problems the schema cannot see
 * (range, grid, limits). A malformed entry (a wrong type) is left to the schema and skipped;
 * `declared` still names it, so its placeholders are not also called unknown.
 */
export function readParams(raw: unknown): { params: LevelParam[]; declared: Set<string>; problems: ParamProblem[] } {
  const params: LevelParam[] = [];
  const declared = new Set<string>();
  const problems: ParamProblem[] = [];
  if (!isRecord(raw)) return { params, declared, problems };
  const names = Object.keys(raw);
  if (names.length > MAX_PARAMS) {
    problems.push({ code: "too-many-params", path: ["params"], message: `a level may have at most ${MAX_PARAMS} parameters; this one has ${names.length}` });
  }
  let total = 1;
  for (const name of names) {
    declared.add(name);
    const decl = raw[name];
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || !isRecord(decl)) continue; // the schema reports it
    const int = (key: string) => {
      const v = Object.hasOwn(decl, key) ? decl[key] : undefined;
      return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_PARAM_VALUE ? (v as number) : undefined;
    };
    const min = int("min");
    const max = int("max");
    const step = Object.hasOwn(decl, "step") ? int("step") : 1;
    if (min === undefined || max === undefined || step === undefined || step < 1) continue;
    const at = (key: string) => ["params", name, key];
    if (max < min) {
      problems.push({ code: "param-range", path: at("max"), message: `"max" (${max}) is less than "min" (${min})` });
      continue;
    }
    if ((max - min) % step !== 0) {
      problems.push({ code: "param-range", path: at("max"), message: `"max" (${max}) must be "min" (${min}) plus a whole number of steps of ${step}` });
      continue;
    }
    const count = (max - min) / step + 1;
    if (count > MAX_PARAM_VALUES) {
      problems.push({ code: "param-range", path: ["params", name], anchor: "key", message: `${JSON.stringify(name)} has ${count.toLocaleString("en")} values; a parameter may have at most ${MAX_PARAM_VALUES}` });
      continue;
    }
    const rawDefault = Object.hasOwn(decl, "default") ? int("default") : min;
    if (rawDefault === undefined) continue;
    if (rawDefault < min || rawDefault > max || (rawDefault - min) % step !== 0) {
      problems.push({ code: "param-default", path: at("default"), message: `"default" (${rawDefault}) must be one of the values: ${min}, ${min + step}, ... ${max}` });
      continue;
    }
    total *= count;
    params.push({ name, min, max, step, default: rawDefault });
  }
  if (total > MAX_VARIANTS) {
    problems.push({ code: "too-many-variants", path: ["params"], message: `the parameters make ${total.toLocaleString("en")} variants; a level may have at most ${MAX_VARIANTS.toLocaleString("en")}` });
  }
  return { params, declared, problems };
}

/** Is `variant` one of the parameters' variants? A problem in words, or undefined. */
export function variantProblem(params: readonly LevelParam[], variant: Variant): string | undefined {
  for (const p of params) {
    const v = Object.hasOwn(variant, p.name) ? variant[p.name] : undefined;
    if (v === undefined) return `the variant gives no value for "${p.name}"`;
    if (!Number.isInteger(v) || v < p.min || v > p.max || (v - p.min) % p.step !== 0) {
      return `${JSON.stringify(v)} is not a value of "${p.name}" (${p.min} to ${p.max} in steps of ${p.step})`;
    }
  }
  for (const name of Object.keys(variant)) {
    if (!params.some((p) => p.name === name)) return `the level has no parameter "${name}"`;
  }
  return undefined;
}

// ---- Substitution ----------------------------------------------------------------------------

/** Where a string's placeholders were replaced: offsets in the new string and in the original. */
export interface Replacement {
  at: number;
  length: number;
  originalAt: number;
  originalLength: number;
}

/** A placeholder problem: its JSON path, and the offset and length of the placeholder in the string. */
export interface PlaceholderProblem {
  code: string;
  path: (string | number)[];
  offset: number;
  length: number;
  message: string;
}

/** A string whose placeholders were replaced: the original, the new text, and where. */
export interface StringEdit {
  original: string;
  text: string;
  list: Replacement[];
}

export interface Substituted {
  value: unknown;
  /** Each string whose placeholders were replaced, by its formatted path (`threads[0].code`). */
  replacements: Map<string, StringEdit>;
  problems: PlaceholderProblem[];
  /** The parameters some placeholder names. */
  used: Set<string>;
}

/** The top-level text fields where `{{name}}` is replaced in the text. */
const TEXT_FIELDS = new Set(["title", "summary", "story", "hint", "outro"]);

/** How a string at `path` may hold placeholders: in its text, as a whole number (in `shared`), or not at all. */
function placeKind(path: readonly (string | number)[]): "text" | "number" | "none" | "skip" {
  const [top, second, third] = path;
  if (top === "params" || top === "$schema") return "skip";
  if (path.length === 1 && typeof top === "string" && TEXT_FIELDS.has(top)) return "text";
  if (top === "threads" && path.length === 3 && third === "code") return "text";
  if (top === "translations" && path.length === 3 && typeof third === "string" && TEXT_FIELDS.has(third)) return "text";
  if (top === "fix" && second === "reference" && path.length === 3) return "text";
  if (top === "shared") return "number";
  return "none";
}

/**
 * Replaces `{{name}}` in a parsed level value: in the text of title, summary, story, hint, outro,
 * thread code and a fix's reference code; in `shared`, a string that is exactly one placeholder
 * becomes the number. Anywhere else a placeholder is a problem, as is an unknown name. Walks the
 * value with a stack (no recursion) and copies only the containers on the way to a change.
 * `values` holds every well-formed parameter; a name only in `declared` is left as it is.
 */
export function substitute(value: unknown, values: ReadonlyMap<string, number>, declared: ReadonlySet<string>): Substituted {
  const replacements = new Map<string, StringEdit>();
  const problems: PlaceholderProblem[] = [];
  const used = new Set<string>();
  const changes: { path: (string | number)[]; value: unknown }[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else if (isRecord(v)) for (const key of Object.keys(v)) stack.push({ value: v[key], path: [...path, key] });
    else if (typeof v === "string" && v.includes("{{")) {
      const kind = placeKind(path);
      if (kind === "skip") continue;
      const found = [...v.matchAll(PLACEHOLDER)];
      if (found.length === 0) continue;
      const where = formatted(path);
      for (const m of found) {
        const name = m[1];
        if (declared.has(name)) used.add(name);
        else problems.push({ code: "unknown-param", path, offset: m.index, length: m[0].length, message: `unknown parameter ${JSON.stringify(name)}${declared.size > 0 ? `; the parameters are ${[...declared].map((n) => JSON.stringify(n)).join(", ")}` : `: the level declares no "params"`}` });
      }
      if (kind === "none") {
        problems.push({ code: "param-place", path, offset: found[0].index, length: found[0][0].length, message: `a parameter cannot be used in ${where}: only in the texts, the threads' code, a fix's reference code and "shared" values` });
        continue;
      }
      if (kind === "number") {
        const whole = found.length === 1 && found[0][0] === v;
        if (!whole) {
          problems.push({ code: "param-place", path, offset: found[0].index, length: found[0][0].length, message: `in "shared", a parameter stands for a number: the string must be exactly the placeholder, like "{{${found[0][1]}}}"` });
          continue;
        }
        const n = values.get(found[0][1]);
        if (n !== undefined) changes.push({ path, value: n });
        continue;
      }
      let text = "";
      let last = 0;
      const list: Replacement[] = [];
      for (const m of found) {
        const n = values.get(m[1]);
        if (n === undefined) continue;
        text += v.slice(last, m.index);
        const written = String(n);
        list.push({ at: text.length, length: written.length, originalAt: m.index, originalLength: m[0].length });
        text += written;
        last = m.index + m[0].length;
      }
      if (list.length === 0) continue;
      text += v.slice(last);
      replacements.set(where, { original: v, text, list });
      changes.push({ path, value: text });
    }
  }
  return { value: applyChanges(value, changes), replacements, problems, used };
}

/** `value` with each change made, copying only the arrays and objects on the way to one. */
function applyChanges(value: unknown, changes: { path: (string | number)[]; value: unknown }[]): unknown {
  if (changes.length === 0) return value;
  const copied = new Set<unknown>();
  const copy = (v: unknown): unknown => {
    if (copied.has(v)) return v;
    const c = Array.isArray(v) ? [...v] : { ...(v as Record<string, unknown>) };
    copied.add(c);
    return c;
  };
  const root = copy(value);
  for (const change of changes) {
    let node = root as Record<string | number, unknown>;
    for (let i = 0; i < change.path.length - 1; i++) {
      const key = change.path[i];
      const child = copy(node[key]);
      setOwn(node, key, child);
      node = child as Record<string | number, unknown>;
    }
    setOwn(node, change.path[change.path.length - 1], change.value);
  }
  return root;
}

/** Sets an own entry, even one named "__proto__" (plain assignment would set the prototype). */
function setOwn(node: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Maps an offset in a substituted string back to the original string (a replaced number maps to its placeholder). */
export function originalOffset(list: readonly Replacement[], offset: number, end = false): number {
  let shift = 0;
  for (const r of list) {
    if (offset < r.at) break;
    if (offset < r.at + r.length) return end ? r.originalAt + r.originalLength : r.originalAt;
    shift = r.originalAt + r.originalLength - (r.at + r.length);
  }
  return offset + shift;
}

function formatted(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  return out;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
