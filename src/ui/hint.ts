// Runs the next-move hint: asks the solver, in a Web Worker, for a shortest win from the current
// state, and records the answer in the store. The page stays responsive; a search whose state
// the player has left (a step, undo, another level) is stopped by ending its worker.

import type { HintReply, HintRequest } from "../solver/hint.worker";
import type { AppStore } from "./store/store";

/** States the solver may store before the hint gives up. */
export const HINT_STATE_BUDGET = 2_000_000;

let worker: Worker | null = null;
let stopWatching: (() => void) | null = null;

function stop() {
  worker?.terminate();
  worker = null;
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
  const w = new Worker(new URL("../solver/hint.worker.ts", import.meta.url), { type: "module" });
  worker = w;
  stopWatching = store.subscribe((s) => {
    if (s.game !== at) stop();
  });
  w.onmessage = ({ data }: MessageEvent<HintReply>) => {
    const set = store.getState().setHintSearch;
    if (data.type === "progress") return set({ status: "searching", for: at, states: data.states });
    stop();
    if (data.type === "error") return set({ status: "failed", for: at, message: data.message });
    if (data.verdict === "breakable" && data.schedule && data.schedule.length > 0 && data.outcome) {
      set({ status: "found", for: at, move: data.schedule[0], outcome: data.outcome, length: data.schedule.length, states: data.states });
    } else {
      set({ status: data.verdict === "safe" ? "none" : "gave-up", for: at, states: data.states });
    }
  };
  w.onerror = (e) => {
    stop();
    store.getState().setHintSearch({ status: "failed", for: at, message: e.message || "the search stopped unexpectedly" });
  };
  const request: HintRequest = { levelText: loaded.text, packed: game.packed, maxStates: budget };
  w.postMessage(request);
}
