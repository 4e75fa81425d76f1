// Runs the next-move hint: the "hint" search job (store/search-slice.ts) asks the solver, in a
// Web Worker, for a shortest win from the current state. The page stays responsive; a move,
// undo or another level sets the job back to idle, which ends its worker (search-jobs.ts).

import { runSearch } from "./search-jobs";
import { searchInWorker, type SearchResult } from "./search-workers";
import type { HintAnswer } from "./store/search-slice";
import type { AppStore } from "./store/store";

/** States the solver may store before the hint gives up. */
export const HINT_STATE_BUDGET = 2_000_000;

/** What the solver's search from a state says of the next move. */
export function hintAnswer(found: SearchResult): HintAnswer {
  if (found.verdict === "breakable" && found.schedule && found.schedule.length > 0 && found.outcome) {
    return { kind: "next-move", move: found.schedule[0], outcome: found.outcome, length: found.schedule.length };
  }
  return { kind: found.verdict === "safe" ? "no-win" : "gave-up" };
}

export function requestNextMoveHint(store: AppStore, budget = HINT_STATE_BUDGET): void {
  const { game, loaded, searches } = store.getState();
  if (!game || !loaded || game.outcome) return;
  const hint = searches.hint;
  if (hint.status !== "idle" && hint.status !== "failed" && hint.for === game) return; // asked already
  runSearch(store, "hint", game, (handlers) =>
    searchInWorker({ levelText: loaded.text, packed: game.packed, maxStates: budget }, { ...handlers, result: (found) => handlers.result(hintAnswer(found)) }),
  );
}
