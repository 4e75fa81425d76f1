// Hints: the level's written hint, then the next move of a shortest winning schedule from the
// current state. The search itself runs in a Web Worker (../hint.ts); this slice only records
// where it stands, for the state it was asked about.

import type { StateCreator } from "zustand/vanilla";
import type { GameState, Move, OutcomeKind } from "../../engine/index";
import type { AppMutators, AppState } from "./store";

export type HintSearch =
  | { status: "idle" }
  | { status: "searching"; for: GameState; states: number }
  | { status: "found"; for: GameState; move: Move; outcome: OutcomeKind; length: number; states: number }
  | { status: "none"; for: GameState; states: number }
  | { status: "gave-up"; for: GameState; states: number }
  | { status: "failed"; for: GameState; message: string };

export const IDLE_SEARCH: HintSearch = { status: "idle" };

export interface HintSlice {
  hintShown: boolean;
  hintSearch: HintSearch;
  showWrittenHint(): void;
  /** Ignored when the game has moved on from the state the search was for. */
  setHintSearch(search: HintSearch): void;
}

export const createHintSlice: StateCreator<AppState, AppMutators, [], HintSlice> = (set, get) => ({
  hintShown: false,
  hintSearch: IDLE_SEARCH,
  showWrittenHint: () => set({ hintShown: true }),
  setHintSearch: (search) => {
    if (search.status !== "idle" && search.for !== get().game) return;
    set({ hintSearch: search });
  },
});
