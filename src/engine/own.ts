// A table keyed by a name from a level (a function, a method, a thread) is read through here:
// a plain object also "has" toString, constructor and __proto__, and a level may use those names.

/** `table[key]` when it is the table's own entry; undefined otherwise, inherited entries included. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
