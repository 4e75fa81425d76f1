// The persisted slice: solved levels. Only this slice reaches localStorage (see store.ts).

import type { StateCreator } from "zustand/vanilla";
import type { Words } from "../../i18n/words";
import type { AppState, AppMutators } from "./store";
import type { SolvedLevel } from "./progress";
import type { LoadedLevel } from "./game-slice";
import type { PackRef, PackSolution } from "./pack-saves";

/** Where a pack level's win goes: the pack's own progress (pack-store.ts), never the campaign's. */
export type RecordPackWin = (pack: PackRef, levelId: string, solution: PackSolution) => void;

export interface ProgressSlice {
  solved: Record<string, SolvedLevel>;
  /** Shown when the save could not be read in full, or is a newer game's; not persisted. */
  progressNotice: Words | null;
  recordSolved(levelId: string, moves: string[]): void;
  /** Records a solved level where it belongs: a campaign level in this progress, a pack's level in
   *  that pack's; a level from a link or the player's own is not recorded. */
  recordWin(loaded: LoadedLevel, solution: PackSolution): void;
  clearProgress(): void;
  dismissProgressNotice(): void;
}

export const createProgressSlice =
  (now: () => Date, onClear: () => void = () => {}, recordPackWin: RecordPackWin = () => {}): StateCreator<AppState, AppMutators, [], ProgressSlice> =>
  (set, get) => ({
    solved: {},
    progressNotice: null,
    recordSolved: (levelId, moves) =>
      set((s) => {
        const before = Object.hasOwn(s.solved, levelId) ? s.solved[levelId] : undefined;
        // Keep the first win's time and the shortest winning schedule.
        if (before && before.moves.length <= moves.length) return {};
        return { solved: { ...s.solved, [levelId]: { solvedAt: before?.solvedAt ?? now().toISOString(), moves } } };
      }),
    recordWin: (loaded, solution) => {
      if (loaded.source === "campaign") get().recordSolved(loaded.id, "schedule" in solution ? solution.schedule : []);
      else if (loaded.source === "pack" && loaded.pack) recordPackWin(loaded.pack, loaded.id, solution);
    },
    clearProgress: () => {
      onClear();
      // A notice about the save that was there no longer applies.
      set({ solved: {}, progressNotice: null });
    },
    dismissProgressNotice: () => set({ progressNotice: null }),
  });
