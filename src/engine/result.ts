// Expected failures are values, not exceptions: a broken level file is an ordinary input.
// Only bugs in our own code throw.

/** One problem found in a level file. `line` and `column` are 1-based. */
export interface LevelError {
  /** A stable code, for tests and tools (`json-syntax`, `schema`, `undeclared-name`, ...). */
  code: string;
  message: string;
  /** JSON path of the offending value, like `threads[1].code`. */
  path?: string;
  /** For JSON errors: position in the file; for thread-code errors: position in that thread's code. */
  line?: number;
  column?: number;
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
