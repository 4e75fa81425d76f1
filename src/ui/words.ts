// The game's outcomes and goals in words. The engine writes what happened (`outcome.message`);
// this adds the verdict and a title per kind of outcome. Text from a level (names, titles) goes
// through `shown` on its way to the page, so bidi control characters in it are visible.

import { expandThreadNames, listNames, showBidiControls } from "../engine/names";
import type { DeadlockName, Outcome, OutcomeKind, ThreadSpec, WinOutcome } from "../engine/play";

/** Text from a level as it is: bidi controls shown as "⟨U+202E⟩" (see engine/visible-text.ts). */
export const shown = showBidiControls;

const GOALS: Record<WinOutcome, string> = {
  "mutual-exclusion": "get two threads into the critical section at the same time",
  assertion: "make an assert fail",
  deadlock: "leave every unfinished thread stuck for good (a deadlock)",
  exception: "make a thread break a rule, so that it throws an exception",
};

const TITLES: Record<OutcomeKind, string> = {
  "mutual-exclusion": "Mutual exclusion broken",
  assertion: "Assertion failed",
  deadlock: "Deadlock",
  exception: "Exception",
  finished: "Every thread finished",
  exit: "The program exited",
};

/** A thread of the level file by its name there, as the player knows its threads: "Teller {id}"
 *  with "count": 2 is "Teller 0 and Teller 1", with "count": 5 "Teller 0 to Teller 4". */
export function specThreadName(threads: readonly ThreadSpec[], name: string): string {
  const spec = threads.find((t) => t.name === name);
  const names = spec ? expandThreadNames([spec]) : [name];
  return shown(names.length <= 2 ? listNames(names) : `${names[0]} to ${names[names.length - 1]}`);
}

/** "make an assert fail or get two threads into ...": the goals, without a full stop. */
export function goalList(win: readonly WinOutcome[]): string {
  const goals = win.map((w) => GOALS[w]);
  return goals.length <= 1 ? goals.join("") : `${goals.slice(0, -1).join(", ")} or ${goals[goals.length - 1]}`;
}

/** "Win: make an assert fail or ..." */
export function goalText(win: readonly WinOutcome[]): string {
  return `Win: ${goalList(win)}.`;
}

export const LOSS_TEXT = "You lose if every thread runs to its end, if the program calls exit(), or if it ends any other way not listed.";

/** An outcome's name alone: "Deadlock", "Every thread finished". */
export function outcomeKindTitle(kind: OutcomeKind): string {
  return TITLES[kind];
}

/** An outcome's name with, for a deadlock, its kind: "Deadlock (a lost wake-up)". */
export function outcomeName(outcome: Outcome, deadlock?: DeadlockName | null): string {
  return outcome.kind === "deadlock" && deadlock ? `${TITLES.deadlock} (${deadlock.name})` : TITLES[outcome.kind];
}

/** The dialog's title: "Victory: Deadlock (a cycle of waits)", "Defeat: Every thread finished". */
export function outcomeTitle(outcome: Outcome, deadlock?: DeadlockName | null): string {
  return `${outcome.win ? "Victory" : "Defeat"}: ${outcomeName(outcome, deadlock)}`;
}

/** The engine's message as a sentence (thread names keep their case). */
export function outcomeSentence(outcome: Outcome): string {
  const m = shown(outcome.message);
  return /[.!?]$/.test(m) ? m : `${m}.`;
}

/** 1234567 -> "1,234,567": states, trials and characters, in every panel the same way. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}
