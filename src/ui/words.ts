// The game's outcomes and goals in words. The engine writes what happened (`outcome.message`);
// this adds the verdict and a title per kind of outcome.

import type { Outcome, OutcomeKind, WinOutcome } from "../engine/index";

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

/** "Win by making an assert fail or ..." */
export function goalText(win: readonly WinOutcome[]): string {
  const goals = win.map((w) => GOALS[w]);
  const list = goals.length <= 1 ? goals.join("") : `${goals.slice(0, -1).join(", ")} or ${goals[goals.length - 1]}`;
  return `Win: ${list}.`;
}

export const LOSS_TEXT = "You lose if every thread runs to its end, if the program calls exit(), or if it ends any other way not listed.";

/** An outcome's name alone: "Deadlock", "Every thread finished". */
export function outcomeKindTitle(kind: OutcomeKind): string {
  return TITLES[kind];
}

/** The dialog's title: "Victory: Deadlock", "Defeat: Every thread finished". */
export function outcomeTitle(outcome: Outcome): string {
  return `${outcome.win ? "Victory" : "Defeat"}: ${TITLES[outcome.kind]}`;
}

/** The engine's message as a sentence (thread names keep their case). */
export function outcomeSentence(outcome: Outcome): string {
  const m = outcome.message;
  return /[.!?]$/.test(m) ? m : `${m}.`;
}

/** 1234567 -> "1,234,567": states, trials and characters, in every panel the same way. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}
