// The game's outcomes and goals in words. The engine writes what happened (`outcome.message`);
// this adds the verdict and a title per kind of outcome. Text from a level (names, titles) goes
// through `shown` on its way to the page, so bidi control characters in it are visible.

import { expandThreadNames, showBidiControls } from "../engine/names";
import type { DeadlockName, Outcome, OutcomeKind, Program, ThreadSpec, WinOutcome } from "../engine/play";
// ../i18n/say, not ../i18n/index: the e2e specs import this module in Node to know the English
// the page shows, and the index's catalog loaders exist only in a Vite build.
import type { MessageId } from "../i18n/ids";
import { currentLocale, t } from "../i18n/say";

/** Text from a level as it is: bidi controls shown as "⟨U+202E⟩" (see engine/visible-text.ts). */
export const shown = showBidiControls;

const GOALS: Record<WinOutcome, MessageId> = {
  "mutual-exclusion": "play.goal.mutualExclusion",
  assertion: "play.goal.assertion",
  deadlock: "play.goal.deadlock",
  exception: "play.goal.exception",
};

const TITLES: Record<OutcomeKind, MessageId> = {
  "mutual-exclusion": "play.outcomeTitle.mutualExclusion",
  assertion: "play.outcomeTitle.assertion",
  deadlock: "play.outcomeTitle.deadlock",
  exception: "play.outcomeTitle.exception",
  finished: "play.outcomeTitle.finished",
  exit: "play.outcomeTitle.exit",
};

/** "a, b and c" / "a, b or c" in the current language (English keeps its own list, no serial comma). */
export function joinList(items: readonly string[], word: "and" | "or"): string {
  if (items.length <= 1) return items.join("");
  if (currentLocale() === "en") return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
  return new Intl.ListFormat(currentLocale(), { type: word === "and" ? "conjunction" : "disjunction" }).format(items);
}

/** A thread of the level file by its name there, as the player knows its threads: "Teller {id}"
 *  with "count": 2 is "Teller 0 and Teller 1", with "count": 5 "Teller 0 to Teller 4". */
export function specThreadName(threads: readonly ThreadSpec[], name: string): string {
  const spec = threads.find((th) => th.name === name);
  const names = spec ? expandThreadNames([spec]) : [name];
  return shown(names.length <= 2 ? joinList(names, "and") : t("play.threadRange", { first: names[0], last: names[names.length - 1] }));
}

/** "make an assert fail or get two threads into ...": the goals, without a full stop. */
export function goalList(win: readonly WinOutcome[]): string {
  return joinList(win.map((w) => t(GOALS[w])), "or");
}

/** "Win: make an assert fail or ..." */
export function goalText(win: readonly WinOutcome[]): string {
  return t("play.goal.win", { goals: goalList(win) });
}

/** "You lose if every thread runs to its end, ..." */
export const lossText = () => t("play.goal.loss");

/** An outcome's name alone: "Deadlock", "Every thread finished". */
export function outcomeKindTitle(kind: OutcomeKind): string {
  return t(TITLES[kind]);
}

/** An outcome's name with, for a deadlock, its kind: "Deadlock (a lost wake-up)". */
export function outcomeName(outcome: Outcome, deadlock?: DeadlockName | null): string {
  return outcome.kind === "deadlock" && deadlock ? t("play.outcomeTitle.deadlockKind", { kind: deadlock.name }) : t(TITLES[outcome.kind]);
}

/** The dialog's title: "Victory: Deadlock (a cycle of waits)", "Defeat: Every thread finished". */
export function outcomeTitle(outcome: Outcome, deadlock?: DeadlockName | null): string {
  return t(outcome.win ? "play.outcome.victory" : "play.outcome.defeat", { name: outcomeName(outcome, deadlock) });
}

/** The engine's message as a sentence (thread names keep their case). The outcomes whose words
 *  follow from the outcome alone are worded here, in the player's language; the others (which
 *  name a broken rule or why each thread is stuck) are the engine's English. */
export function outcomeSentence(outcome: Outcome, program?: Program): string {
  const names = program ? outcome.threads.map((th) => program.threads[th]?.name) : [];
  const known = names.every((n): n is string => n !== undefined);
  if (outcome.kind === "finished") return t("play.outcome.finished");
  if (known && program && outcome.kind === "mutual-exclusion" && names.length >= 2) {
    return shown(t("play.outcome.mutualExclusion", { threads: joinList(names, "and"), count: names.length }));
  }
  if (known && program && outcome.kind === "exit" && names.length === 1 && outcome.line !== undefined) {
    return shown(t("play.outcome.exit", { thread: names[0], line: outcome.line }));
  }
  const m = shown(outcome.message);
  return /[.!?]$/.test(m) ? m : `${m}.`;
}

/** 1234567 -> "1,234,567": states, trials and characters, in every panel the same way. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(currentLocale()).format(Math.round(n));
}

