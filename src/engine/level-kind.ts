// What a level asks of the player, and when they have done it. A level is one of three kinds:
// break its code (find a schedule that reaches a winning outcome), prove it (claim that no
// schedule can, and be right), or fix it (change the code until the judge finds no schedule that
// breaks it). The store, the claim and the fix-it screen all ask `isSolved`.

import type { FixVerdict } from "./fix";
import type { LevelSpec } from "./level-schema";

export type LevelKind = "break" | "prove" | "fix";

/** The kind of a level: a `fix` section makes it a fix-it level; otherwise `breakable` decides. */
export function levelKind(spec: Pick<LevelSpec, "fix" | "breakable">): LevelKind {
  if (spec.fix) return "fix";
  return spec.breakable ? "break" : "prove";
}

/** What the player has shown on a level, as plain data; a field left out has not happened. */
export interface Attempt {
  /** A game has reached one of the level's winning outcomes. */
  won?: boolean;
  /** The solver's answer to the player's claim that the code cannot break. */
  claim?: { right: boolean } | null;
  /** The judge's verdict on the player's fix ("fixed" when it holds). */
  fix?: FixVerdict["verdict"] | null;
}

/**
 * Does this attempt solve the level? A fix-it level is solved only by a fix that holds: breaking
 * its code is exploration. Any other level is solved by a right claim, or by a win when no claim
 * was made: a wrong claim costs the win, and breaking the code afterwards does not count.
 */
export function isSolved(spec: Pick<LevelSpec, "fix" | "breakable">, attempt: Attempt): boolean {
  if (levelKind(spec) === "fix") return attempt.fix === "fixed";
  if (attempt.claim) return attempt.claim.right;
  return attempt.won === true;
}
