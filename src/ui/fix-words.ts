// A fix-it level's goal and verdicts in plain words.

import { isForbidden, wrongFinals as wrongFinalsIn, type FixSpec, type GameState, type Outcome, type OutcomeKind, type ThreadSpec, type WinOutcome, type WrongFinal } from "../engine/play";
import { t, type MessageId } from "../i18n/index";
import { joinList, specThreadName } from "./words";

const FORBIDDEN: Record<WinOutcome, MessageId> = {
  "mutual-exclusion": "play.fix.forbidden.mutualExclusion",
  assertion: "play.fix.forbidden.assertion",
  deadlock: "play.fix.forbidden.deadlock",
  exception: "play.fix.forbidden.exception",
};

const REACHED_IDS: Record<OutcomeKind, MessageId> = {
  ...FORBIDDEN,
  finished: "play.fix.reached.finished",
  exit: "play.fix.reached.exit",
};

/** What an outcome the judge found is called, after "reaches". */
export const reached = (kind: OutcomeKind): string => t(REACHED_IDS[kind]);

/** "Fix the code: no schedule may reach a failed assert or a deadlock; every thread must still be able to finish; balance must end at 200." */
export function fixGoalText(fix: FixSpec): string {
  const parts = [t("play.fix.goal.forbid", { outcomes: joinList(fix.forbid.map((o) => t(FORBIDDEN[o])), "or") })];
  if (fix.require.finish) parts.push(t("play.fix.goal.finish"));
  for (const [name, value] of Object.entries(fix.require.final ?? {})) parts.push(t("play.fix.goal.final", { name, value: String(value) }));
  return t("play.fix.goal", { parts: parts.join("; ") });
}

/** "You may edit the code of Teller Al and Teller Bea." A thread with "count" is named by its
 *  copies ("Philosopher 0 to Philosopher 4"), never by its template. */
export function editableText(fix: FixSpec, threads: readonly ThreadSpec[]): string {
  return t("play.fix.editable", { threads: joinList(fix.threads.map((th) => specThreadName(threads, th)), "and") });
}

export { isForbidden };

/** The `final` variables whose value in this game's state is not the required one. */
export function wrongFinals(fix: FixSpec, game: GameState): WrongFinal[] {
  return wrongFinalsIn(game.program, fix, game.packed);
}

/** Whether an outcome of a fix-it level is one the fix must prevent, and the final values it got wrong. */
export function fixVerdict(fix: FixSpec, outcome: Outcome, game: GameState | null) {
  const wrong = outcome.kind === "finished" && game ? wrongFinals(fix, game) : [];
  return { forbidden: isForbidden(fix, outcome.kind) || wrong.length > 0, wrong };
}
