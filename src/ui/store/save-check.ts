// Readers for what the saves hold, written small for the store: every screen reads the saves, so
// this is on every screen, where a schema library would weigh more than the game's own chrome.
// A reader takes hostile input (JSON from localStorage) and gives back a fresh value made only of
// what it knows (unknown fields are dropped, or refused by a strict object), or INVALID. It never
// throws, and it makes no lookup by an input's name in a plain object: objects are built with
// Object.fromEntries (own properties, so "__proto__" is a key like any other).

export const INVALID: unique symbol = Symbol("invalid");
export type Reader<T> = (input: unknown) => T | typeof INVALID;
/** The type a reader gives. */
export type Read<R> = R extends Reader<infer T> ? T : never;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A string, at most `max` characters, matching `pattern`, and a time Date.parse reads when `date`. */
export function text({ max = Infinity, pattern, date = false }: { max?: number; pattern?: RegExp; date?: boolean } = {}): Reader<string> {
  return (v) => {
    if (typeof v !== "string" || v.length > max) return INVALID;
    if (pattern && !pattern.test(v)) return INVALID;
    if (date && Number.isNaN(Date.parse(v))) return INVALID;
    return v;
  };
}

export function literal<const T extends string | number | boolean>(value: T): Reader<T> {
  return (v) => (v === value ? value : INVALID);
}

export function oneOf<const T extends string>(values: readonly T[]): Reader<T> {
  return (v) => (values.includes(v as T) ? (v as T) : INVALID);
}

/** An array of at most `max` items, each read by `item`. */
export function list<T>(item: Reader<T>, { max = Infinity }: { max?: number } = {}): Reader<T[]> {
  return (v) => {
    if (!Array.isArray(v) || v.length > max) return INVALID;
    const out: T[] = [];
    for (const x of v as unknown[]) {
      const read = item(x);
      if (read === INVALID) return INVALID;
      out.push(read);
    }
    return out;
  };
}

/** An object used as a map: every key read by `key`, every value by `value`. */
export function record<T>(key: Reader<string>, value: Reader<T>): Reader<Record<string, T>> {
  return (v) => {
    if (!isObject(v)) return INVALID;
    const out: [string, T][] = [];
    for (const [k, x] of Object.entries(v)) {
      const read = value(x);
      if (key(k) === INVALID || read === INVALID) return INVALID;
      out.push([k, read]);
    }
    return Object.fromEntries(out);
  };
}

type Shape = Record<string, Reader<unknown>>;
/** The fields `optional` names may be missing (or undefined); the others must be there. */
type Fields<S extends Shape, O extends keyof S> = { [K in Exclude<keyof S, O>]: Read<S[K]> } & { [K in O]?: Read<S[K]> };

/**
 * An object with these fields. Fields it does not know are dropped, or with `strict` make it
 * invalid. An optional field that is missing or undefined is left out.
 */
export function object<S extends Shape, O extends keyof S = never>(
  shape: S,
  { optional = [], strict = false }: { optional?: readonly O[]; strict?: boolean } = {},
): Reader<{ [K in keyof Fields<S, O>]: Fields<S, O>[K] }> {
  const fields = Object.entries(shape);
  const known = new Set(fields.map(([k]) => k));
  return (v) => {
    if (!isObject(v)) return INVALID;
    if (strict && Object.keys(v).some((k) => !known.has(k))) return INVALID;
    const out: [string, unknown][] = [];
    for (const [k, read] of fields) {
      const x = Object.hasOwn(v, k) ? v[k] : undefined;
      if (x === undefined && (optional as readonly string[]).includes(k)) continue;
      const value = read(x);
      if (value === INVALID) return INVALID;
      out.push([k, value]);
    }
    return Object.fromEntries(out) as { [K in keyof Fields<S, O>]: Fields<S, O>[K] };
  };
}

/** The first reading of `readers` that is valid. */
export function either<T extends Reader<unknown>[]>(...readers: T): Reader<Read<T[number]>> {
  return (v) => {
    for (const read of readers) {
      const value = read(v);
      if (value !== INVALID) return value as Read<T[number]>;
    }
    return INVALID;
  };
}
