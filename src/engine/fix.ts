// The rules of a fix-it level's verdict that the judge (src/solver/judge.ts) and the level screen
// both apply: which outcomes a fix must make impossible, and which `final` values a finished
// state gets wrong.

import type { OutcomeKind } from "./engine";
import type { FixSpec } from "./level-schema";
import type { Program } from "./program";

/** Outcomes no schedule of a fix may reach: the level's `forbid`, and always exit(). */
export function forbiddenOutcomes(fix: FixSpec): OutcomeKind[] {
  return [...fix.forbid, "exit"];
}

/** Is this outcome one the fix must make impossible? */
export function isForbidden(fix: FixSpec, kind: OutcomeKind): boolean {
  return forbiddenOutcomes(fix).includes(kind);
}

export interface WrongFinal {
  name: string;
  expected: number | boolean;
  actual: number | boolean;
}

/** The `require.final` variables whose value in `state` (a packed state) is not the required one. */
export function wrongFinals(p: Program, fix: FixSpec, state: ArrayLike<number>): WrongFinal[] {
  const out: WrongFinal[] = [];
  for (const [name, expected] of Object.entries(fix.require.final ?? {})) {
    const desc = p.descriptors.find((d) => d.name === name);
    if (!desc) continue;
    const raw = state[desc.base];
    const actual = typeof expected === "boolean" ? raw !== 0 : raw;
    if (actual !== expected) out.push({ name, expected, actual });
  }
  return out;
}
