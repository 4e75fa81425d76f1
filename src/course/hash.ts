// Content hashes that make a pack and a completion record tamper-evident: a level's hash is the
// SHA-256 of its canonical JSON (keys sorted at every depth), so the same level hashes the same
// whatever the spacing or key order of its file, and any change to its content changes the hash.

/** JSON.stringify with object keys sorted at every depth, written without recursion so that
 *  no nesting of a hostile value reaches the end of the stack. Like JSON.stringify, an object's
 *  undefined fields are left out and an array's are written null. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // Work to do, last first: a value to write, or text already made.
  const todo: ({ value: unknown } | string)[] = [{ value }];
  while (todo.length > 0) {
    const item = todo.pop()!;
    if (typeof item === "string") {
      out.push(item);
      continue;
    }
    const v = item.value;
    if (v === null || v === undefined || typeof v === "function" || typeof v === "symbol") out.push("null");
    else if (typeof v === "bigint") out.push(JSON.stringify(v.toString()));
    else if (typeof v !== "object") out.push(JSON.stringify(v));
    else if (Array.isArray(v)) {
      todo.push("]");
      for (let i = v.length - 1; i >= 0; i--) {
        todo.push({ value: v[i] });
        if (i > 0) todo.push(",");
      }
      todo.push("[");
    } else {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined && typeof record[k] !== "function").sort();
      todo.push("}");
      for (let i = keys.length - 1; i >= 0; i--) {
        todo.push({ value: record[keys[i]] });
        todo.push(`${i > 0 ? "," : ""}${JSON.stringify(keys[i])}:`);
      }
      todo.push("{");
    }
  }
  return out.join("");
}

export const HASH_PATTERN = /^sha256-[0-9a-f]{64}$/;

/** "sha256-" and the hex SHA-256 of the canonical JSON of `level` (the whole level file's value). */
export async function levelHash(level: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(level));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
  let hex = "";
  for (const b of digest) hex += b.toString(16).padStart(2, "0");
  return `sha256-${hex}`;
}

/** The fields of a built pack file that its hash covers: all but `$schema` and `hash`. */
export interface HashedPack {
  format: string;
  version: number;
  id: string;
  title: string;
  intro?: string;
  chapters: readonly { title: string; intro?: string; levels: readonly string[] }[];
  levels: readonly { hash: string; level: unknown }[];
}

/** The hash of a built pack: levelHash over the pack file's fields, `$schema` and `hash` left out.
 *  Only the file's fields are read, so a parsed Pack (which carries more) hashes as its file. */
export function packHash(pack: HashedPack): Promise<string> {
  const { format, version, id, title, intro, chapters } = pack;
  return levelHash({
    format, version, id, title, intro,
    chapters: chapters.map((c) => ({ title: c.title, intro: c.intro, levels: c.levels })),
    levels: pack.levels.map((l) => ({ hash: l.hash, level: l.level })),
  });
}
