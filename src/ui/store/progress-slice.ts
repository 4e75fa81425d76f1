// The persisted slice: solved levels. Only this slice reaches localStorage (see store.ts).

import type { StateCreator } from "zustand/vanilla";
import type { AppState, AppMutators } from "./store";
import type { SolvedLevel } from "./progress";

export interface ProgressSlice {
  solved: Record<string, SolvedLevel>;
  /** Shown when the save could not be read in full, or is a newer game's; not persisted. */
  progressNotice: string | null;
  recordSolved(levelId: string, moves: string[]): void;
  clearProgress(): void;
  dismissProgressNotice(): void;
}

export const createProgressSlice =
  (now: () => Date, onClear: () => void = () => {}): StateCreator<AppState, AppMutators, [], ProgressSlice> =>
  (set) => ({
    solved: {},
    progressNotice: null,
    recordSolved: (levelId, moves) =>
      set((s) => {
        const before = Object.hasOwn(s.solved, levelId) ? s.solved[levelId] : undefined;
        // Keep the first win's time and the shortest winning schedule.
        if (before && before.moves.length <= moves.length) return {};
        return { solved: { ...s.solved, [levelId]: { solvedAt: before?.solvedAt ?? now().toISOString(), moves } } };
      }),
    clearProgress: () => {
      onClear();
      // A notice about the save that was there no longer applies.
      set({ solved: {}, progressNotice: null });
    },
    dismissProgressNotice: () => set({ progressNotice: null }),
  });
