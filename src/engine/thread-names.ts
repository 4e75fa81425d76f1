// Thread names as the player sees them, a thread with a `count` expanded into one name each.
// Apart from level.ts (the level file's reader) so that the screens that only show names do not
// carry the parser.

import type { ThreadSpec } from "./level";

/** Thread names after `count` is expanded: "Philosopher {id}" with count 5 -> "Philosopher 0".."Philosopher 4". */
export function expandThreadNames(threads: readonly ThreadSpec[]): string[] {
  return threads.flatMap((t) => expandName(t.name, t.count));
}

export function expandName(name: string, count: number | undefined): string[] {
  if (count === undefined) return [name];
  return Array.from({ length: count }, (_, id) => name.replaceAll("{id}", String(id)));
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
