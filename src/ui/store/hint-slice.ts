// Hints: the level's written hint, then the next move of a shortest winning schedule from the
// current state. This slice only records whether the written hint is shown; the search for the
// next move is the "hint" job of search-slice.ts, run by ../hint.ts.

import type { StateCreator } from "zustand/vanilla";
import type { AppMutators, AppState } from "./store";

export interface HintSlice {
  hintShown: boolean;
  showWrittenHint(): void;
}

export const createHintSlice: StateCreator<AppState, AppMutators, [], HintSlice> = (set) => ({
  hintShown: false,
  showWrittenHint: () => set({ hintShown: true }),
});
