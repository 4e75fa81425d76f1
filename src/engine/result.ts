// Expected failures are values, not exceptions: a broken level file is an ordinary input.
// Only bugs in our own code throw.

/** A range in the level file: 1-based, the end exclusive (as Monaco's), columns in UTF-16 units. */
export interface FileRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One problem found in a level file. `line` and `column` are 1-based. */
export interface LevelError {
  /** A stable code, for tests and tools (`json-syntax`, `schema`, `undeclared-name`, ...). */
  code: string;
  message: string;
  /** JSON path of the offending value, like `threads[1].code`. */
  path?: string;
  /**
   * The position LEVEL_FORMAT.md's checker records give. For an error in the file (JSON, schema,
   * the rules): there, in the file. For an error inside a code string (a thread's code, a fix's
   * reference code): inside that string, whose JSON path is `path`; `inFile` then says where the
   * error is in the file.
   */
  line?: number;
  column?: number;
  /**
   * Set on exactly the errors inside a code string that parseLevel read from a file: what is wrong,
   * in the file, through the string's escapes (`\n`, `\"`, `\u00e9` ...). Code compiled without a
   * file (a student's fix) has no file position. So an error's place in the file is `inFile` if
   * set, else `line` and `column`.
   */
  inFile?: FileRange;
}

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** Renders a JSON path the way the level format writes it: `threads[1].code`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}
