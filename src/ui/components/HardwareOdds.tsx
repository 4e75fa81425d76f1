// Hardware mode's odds and memory-model words: beside each outcome row, the chance that a random
// scheduler ends that way ("random scheduler 12.5%, your CPU 1.0%"), whether the level's own
// memory model allows the outcome, and, where sequential consistency cannot produce it, "the CPU
// reordered memory here". The numbers come from the solver (odds.ts) in a worker.

import type { OutcomeRow } from "../../hardware/outcomes";
import { formatNumber, t } from "../../i18n/index";
import type { OddsAnswer, OutcomeClass } from "../../solver/odds";
import { richWords } from "../rich-words";
import type { OddsResult } from "../search-workers";

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

/** A count of trials or states as the player's language writes it: "16,384", "16.384". */
export const count = (n: number) => formatNumber(Math.round(n));

/** A chance as a percentage a student reads: 50%, 12.5%, 0.39%, 0.0012% (in English). */
export function formatOdds(p: number): string {
  const share = Math.min(1, Math.max(0, p));
  if (share === 0 || share === 1) return formatNumber(share, { style: "percent" });
  return formatNumber(share, share >= 0.01 ? { style: "percent", maximumFractionDigits: 1 } : { style: "percent", maximumSignificantDigits: 2 });
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
  const cpu = cpuShare;
  if (odds.status === "off") return t("hardware.odds.cpuOnly", { cpu });
  if (odds.status === "running") return t("hardware.odds.working", { states: count(odds.states), cpu });
  if (odds.status === "failed") return t("hardware.odds.failed", { error: odds.message, cpu });
  const answer = odds.result.odds;
  if (answer.status === "too-big") return t("hardware.odds.tooBig", { budget: count(ODDS_STATE_BUDGET), cpu });
  if (answer.unsettled > SHOWN_PRECISION) return t("hardware.odds.unsettled", { cpu });
  if (row.kind === "running") return t("hardware.odds.forever", { odds: formatOdds(answer.neverEnds), cpu });
  const p = rowOutcomes(row, answer.outcomes).reduce((sum, c) => sum + c.probability, 0);
  return t("hardware.odds.chance", { odds: formatOdds(p), cpu });
}

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
  // "this final state" or "this": each message chooses its words by `what`.
  const what = row.kind === "finished" ? "state" : "outcome";
  if (!tsoLevel) {
    const own = (result && allows(row, result.odds)) ?? row.sc;
    if (own === null) return null;
    return own ? { text: t("hardware.model.scAllows", { what }), reordered: false } : { text: t("hardware.model.scForbids", { what }), reordered: true };
  }
  if (!result) {
    // Without odds, the run's own comparison with the level's SC twin still speaks.
    if (row.sc === null) return null;
    return row.sc ? { text: t("hardware.model.scAllowsToo", { what }), reordered: false } : { text: t("hardware.model.onlyTso", { what }), reordered: true };
  }
  const own = allows(row, result.odds);
  const sc = result.sc ? allows(row, result.sc) : row.sc;
  const ownText = t(own === null ? "hardware.model.tsoUnknown" : own ? "hardware.model.tsoAllows" : "hardware.model.tsoForbids", { what });
  if (sc === null) return { text: t("hardware.model.tsoAlone", { tso: ownText }), reordered: false };
  if (sc) return { text: t("hardware.model.tsoAndSc", { tso: ownText }), reordered: false };
  return { text: t("hardware.model.tsoNotSc", { tso: ownText }), reordered: true };
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
  // An outcome in the engine's words, with its odds when they are exact.
  const chance = (outcome: string, p: number) => (settled ? t("hardware.note.chance", { outcome, odds: formatOdds(p) }) : outcome);
  const states = count(answer.states);
  const exactness =
    !settled ? t("hardware.note.unsettled", { states })
    : answer.unsettled > 1e-12 ? t("hardware.note.within", { states, error: answer.unsettled.toExponential(0) })
    : t("hardware.note.exact", { states });
  const firstFinished = finished.length > 1 ? t("hardware.note.finalStates", { outcome: finished[0]?.message ?? "", count: finished.length }) : (finished[0]?.message ?? "");
  return (
    <div className="hw-odds-note">
      <p>{richWords("hardware.note.scheduler", { exactness }, {}, { strong: (text) => <strong>{text}</strong> })}</p>
      <p>{t(model === "tso" ? "hardware.note.allowedTso" : "hardware.note.allowedSc")}</p>
      <ul className="hw-allowed" aria-label={t("hardware.note.allowedList")}>
        {others.map((c) => (
          <li key={`${c.kind}:${c.threads.join(",")}:${c.lines.join(",")}:${c.message}`}>{chance(c.message, c.probability)}</li>
        ))}
        {finished.length > 0 && (
          <li>
            {chance(
              firstFinished,
              finished.reduce((sum, c) => sum + c.probability, 0),
            )}
          </li>
        )}
        {answer.neverEnds > 0 && <li>{chance(t("hardware.note.forever"), answer.neverEnds)}</li>}
      </ul>
    </div>
  );
}
