// Hardware mode's odds and memory-model words: beside each outcome row, the chance that a random
// scheduler ends that way ("random scheduler 12.5%, your CPU 1.0%"), whether the level's own
// memory model allows the outcome, and, where sequential consistency cannot produce it, "the CPU
// reordered memory here". The numbers come from the solver (odds.ts) in a worker.

import type { OutcomeRow } from "../../hardware/outcomes";
import type { OddsAnswer, OutcomeClass } from "../../solver/odds";
import type { OddsResult } from "../search-workers";
import { formatCount } from "../words";

/** The odds worker's state, as the panel keeps it. */
export type OddsState =
  | { status: "running"; states: number }
  | { status: "done"; result: OddsResult }
  | { status: "failed"; message: string }
  | { status: "off" };

/** The solver's states budget for the odds: the graph and its edges are kept whole. */
export const ODDS_STATE_BUDGET = 200_000;

/** Odds are shown only when the iteration placed all but this much (so every digit shown is right). */
const SHOWN_PRECISION = 5e-5;

/** A chance as a percentage a student reads: 50%, 12.5%, 0.39%, 0.0012%. */
export function formatOdds(p: number): string {
  if (p <= 0) return "0%";
  if (p >= 1) return "100%";
  const pct = 100 * p;
  const text = pct >= 1 ? pct.toFixed(1) : pct.toPrecision(2);
  return `${text.replace(/\.0+$/, "").replace(/(\.\d*?)0+$/, "$1")}%`;
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort().every((x, k) => x === [...b].sort()[k]);

/**
 * The solver's outcomes that a row stands for, grouped as the tally groups trials into rows: an
 * assert, exception or exit by its thread and line; mutual exclusion by the threads inside; a
 * deadlock by its words where the engine's and the tally's agree, else by the stuck threads; a
 * finished run by every finished state (the tally keeps one "worked correctly" row), or by none
 * when the row is one no interleaving reaches.
 */
export function rowOutcomes(row: OutcomeRow, outcomes: readonly OutcomeClass[]): OutcomeClass[] {
  const same = outcomes.filter((c) => c.kind === row.kind);
  switch (row.kind) {
    case "assertion":
    case "exception":
    case "exit":
      return same.filter((c) => c.threads[0] === row.threads[0] && c.lines[0] === row.line);
    case "mutual-exclusion":
      return same.filter((c) => sameSet(c.threads, row.threads));
    case "deadlock": {
      const worded = same.filter((c) => c.message === row.message);
      return worded.length > 0 ? worded : same.filter((c) => sameSet(c.threads, row.threads));
    }
    case "finished":
      return row.sc === false ? [] : same;
    default:
      return [];
  }
}

/** Does the model whose outcomes these are allow what the row's trial did? For a finished run:
 *  that trial's final shared state. null when the graph was too big to tell. */
export function allows(row: OutcomeRow, answer: OddsAnswer): boolean | null {
  if (answer.status !== "done" || row.kind === "running") return null;
  if (row.kind === "finished") {
    const end = row.finalShared;
    if (!end) return null;
    return answer.outcomes.some((c) => c.kind === "finished" && c.shared!.every((v, k) => v === end[k]));
  }
  return rowOutcomes(row, answer.outcomes).length > 0;
}

/** "random scheduler 12.5%, your CPU 1.0%", or why there is no number. */
export function oddsWords(row: OutcomeRow, odds: OddsState, cpuShare: string): string {
  const cpu = `your CPU ${cpuShare}`;
  if (odds.status === "off") return cpu;
  if (odds.status === "running") return `random scheduler: working it out (${formatCount(odds.states)} states so far), ${cpu}`;
  if (odds.status === "failed") return `random scheduler: could not be worked out (${odds.message}), ${cpu}`;
  const answer = odds.result.odds;
  if (answer.status === "too-big") return `random scheduler: too many states to work out (more than ${formatCount(ODDS_STATE_BUDGET)}), ${cpu}`;
  if (answer.unsettled > SHOWN_PRECISION) return `random scheduler: its spin loops did not settle to an exact figure, ${cpu}`;
  if (row.kind === "running") return `random scheduler ${formatOdds(answer.neverEnds)} (runs forever), ${cpu}`;
  const p = rowOutcomes(row, answer.outcomes).reduce((sum, c) => sum + c.probability, 0);
  return `random scheduler ${formatOdds(p)}, ${cpu}`;
}

const MODEL_NAME = { sc: "sequential consistency", tso: "TSO" } as const;

export interface ModelWords {
  text: string;
  /** Sequential consistency cannot produce it: the CPU reordered memory. */
  reordered: boolean;
}

/**
 * Which memory model allows the row: the level's own (SC or TSO) and, on a TSO level, SC too. An
 * SC level with no odds falls back on the run's own comparison (row.sc). null: nothing known.
 */
export function modelWords(row: OutcomeRow, odds: OddsState, tsoLevel: boolean): ModelWords | null {
  if (row.kind === "running") return null;
  const result = odds.status === "done" ? odds.result : null;
  const what = row.kind === "finished" ? "this final state" : "this";
  const reordered = "the CPU reordered memory here";
  if (!tsoLevel) {
    const own = (result && allows(row, result.odds)) ?? row.sc;
    if (own === null) return null;
    return own
      ? { text: `Sequential consistency, this level's memory model, allows ${what}.`, reordered: false }
      : { text: `Sequential consistency, this level's memory model, does not allow ${what}: ${reordered}.`, reordered: true };
  }
  if (!result) {
    // Without odds, the run's own comparison with the level's SC twin still speaks.
    if (row.sc === null) return null;
    return row.sc
      ? { text: `Sequential consistency allows ${what} too, without store buffers.`, reordered: false }
      : { text: `Only TSO's store buffers explain ${what}; sequential consistency does not allow it: ${reordered}.`, reordered: true };
  }
  const own = allows(row, result.odds);
  const sc = result.sc ? allows(row, result.sc) : row.sc;
  const ownText = own === null ? `TSO is this level's memory model (too many states to tell whether it allows ${what})` : own ? `TSO, this level's memory model, allows ${what}` : `TSO, this level's memory model, does not allow ${what}`;
  if (sc === null) return { text: `${ownText}.`, reordered: false };
  if (sc) return { text: `${ownText}; so does sequential consistency.`, reordered: false };
  return { text: `${ownText}; sequential consistency does not: ${reordered}.`, reordered: true };
}

/** Under the table: what the random scheduler is, how exact its odds are, and every outcome the
 *  level's own memory model allows (seen in the trials or not). */
export function OddsNote({ odds }: { odds: OddsState }) {
  if (odds.status !== "done") return null;
  const { model, odds: answer } = odds.result;
  if (answer.status !== "done") return null;
  const finished = answer.outcomes.filter((c) => c.kind === "finished");
  const others = answer.outcomes.filter((c) => c.kind !== "finished").sort((a, b) => b.probability - a.probability);
  const settled = answer.unsettled <= SHOWN_PRECISION;
  const chance = (p: number) => (settled ? `: random scheduler ${formatOdds(p)}` : "");
  return (
    <div className="hw-odds-note">
      <p>
        <strong>Random scheduler</strong>: at every move it picks one of the legal moves at random, each as likely as the others (a store-buffer
        flush and a spurious wakeup count as moves, like a step). Its odds are worked out exactly, over all {formatCount(answer.states)} states of
        the puzzle{settled ? (answer.unsettled > 1e-12 ? `, to within ${answer.unsettled.toExponential(0)}` : "") : "; its spin loops did not settle to exact figures"}.
      </p>
      <p>What {MODEL_NAME[model]}, this level&apos;s memory model, allows:</p>
      <ul className="hw-allowed" aria-label="Outcomes this level's memory model allows">
        {others.map((c) => (
          <li key={`${c.kind}:${c.threads.join(",")}:${c.lines.join(",")}:${c.message}`}>
            {c.message}
            {chance(c.probability)}
          </li>
        ))}
        {finished.length > 0 && (
          <li>
            {finished[0].message}
            {finished.length > 1 ? ` (${formatCount(finished.length)} different final states)` : ""}
            {chance(finished.reduce((sum, c) => sum + c.probability, 0))}
          </li>
        )}
        {answer.neverEnds > 0 && <li>The threads run forever{chance(answer.neverEnds)}</li>}
      </ul>
    </div>
  );
}
