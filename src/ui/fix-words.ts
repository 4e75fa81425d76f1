// A fix-it level's goal and verdicts in plain words.

import { isForbidden, wrongFinals as wrongFinalsIn, type FixSpec, type GameState, type Outcome, type OutcomeKind, type ThreadSpec, type WinOutcome, type WrongFinal } from "../engine/play";
import { specThreadName } from "./words";

const FORBIDDEN: Record<WinOutcome, string> = {
  "mutual-exclusion": "two threads in the critical section at once",
  assertion: "a failed assert",
  deadlock: "a deadlock",
  exception: "an exception",
};

/** What an outcome the judge found is called, after "reaches". */
export const REACHED: Record<OutcomeKind, string> = {
  ...FORBIDDEN,
  finished: "the end of every thread",
  exit: "a call to exit()",
};

function list(items: string[], word: string): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}

/** "Fix the code: no schedule may reach a failed assert or a deadlock; every thread must still be able to finish; balance must end at 200." */
export function fixGoalText(fix: FixSpec): string {
  const parts = [`no schedule may reach ${list(fix.forbid.map((o) => FORBIDDEN[o]), "or")}, nor call exit()`];
  if (fix.require.finish) parts.push("every thread must still be able to finish");
  for (const [name, value] of Object.entries(fix.require.final ?? {})) parts.push(`${name} must end at ${String(value)}`);
  return `Fix the code: ${parts.join("; ")}.`;
}

/** "You may edit the code of Teller Al and Teller Bea." A thread with "count" is named by its
 *  copies ("Philosopher 0 to Philosopher 4"), never by its template. */
export function editableText(fix: FixSpec, threads: readonly ThreadSpec[]): string {
  return `You may edit the code of ${list(fix.threads.map((t) => specThreadName(threads, t)), "and")}.`;
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
