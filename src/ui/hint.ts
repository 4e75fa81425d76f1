// Runs the next-move hint: asks the solver, in a Web Worker, for a shortest win from the current
// state, and records the answer in the store. The page stays responsive; a search whose state
// the player has left (a step, undo, another level) is stopped by ending its worker.

import { searchInWorker } from "./search-workers";
import type { HintSearch } from "./store/hint-slice";
import type { AppStore } from "./store/store";

/** States the solver may store before the hint gives up. */
export const HINT_STATE_BUDGET = 2_000_000;

let cancel: (() => void) | null = null;
let stopWatching: (() => void) | null = null;

function stop() {
  cancel?.();
  cancel = null;
  stopWatching?.();
  stopWatching = null;
}

export function requestNextMoveHint(store: AppStore, budget = HINT_STATE_BUDGET): void {
  const { game, loaded, hintSearch } = store.getState();
  if (!game || !loaded || game.outcome) return;
  if (hintSearch.status !== "idle" && hintSearch.status !== "failed" && hintSearch.for === game) return; // asked already
  stop();
  const at = game;
  store.getState().setHintSearch({ status: "searching", for: at, states: 0 });
  stopWatching = store.subscribe((s) => {
    if (s.game !== at) stop();
  });
  const set = (search: HintSearch) => store.getState().setHintSearch(search);
  cancel = searchInWorker(
    { levelText: loaded.text, packed: game.packed, maxStates: budget },
    {
      progress: (states) => set({ status: "searching", for: at, states }),
      result: (found) => {
        stop();
        if (found.verdict === "breakable" && found.schedule && found.schedule.length > 0 && found.outcome) {
          set({ status: "found", for: at, move: found.schedule[0], outcome: found.outcome, length: found.schedule.length, states: found.states });
        } else {
          set({ status: found.verdict === "safe" ? "none" : "gave-up", for: at, states: found.states });
        }
      },
      failed: (message) => {
        stop();
        set({ status: "failed", for: at, message });
      },
    },
  );
}
