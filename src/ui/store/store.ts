// The app's store: slices on zustand's vanilla `createStore` (no React here; a test checks), with
// `persist` saving the progress slice only. React components reach it through ../use-app.ts.

import { createStore } from "zustand/vanilla";
import { persist, type StateStorage } from "zustand/middleware";
import { createGameSlice, type GameSlice } from "./game-slice";
import { createHintSlice, type HintSlice } from "./hint-slice";
import {
  isNewerVersion, migrateProgress, newerProgressNotice, progressStorage, PROGRESS_KEY, PROGRESS_VERSION, readProgress, unreadableProgressNotice,
  type Progress,
} from "./progress";
import { createProgressSlice, type ProgressSlice, type RecordPackWin } from "./progress-slice";
import { createSearchSlice, type SearchSlice } from "./search-slice";
import { createUiSlice, type UiSlice } from "./ui-slice";

export type AppState = ProgressSlice & GameSlice & HintSlice & SearchSlice & UiSlice;
export type AppMutators = [["zustand/persist", unknown]];

export interface AppStoreOptions {
  /** Where progress is saved: localStorage in the app, memory in tests. */
  storage: StateStorage;
  now?: () => Date;
  /** Where a pack level's win is recorded (the pack store). */
  recordPackWin?: RecordPackWin;
}

export function createAppStore({ storage, now = () => new Date(), recordPackWin }: AppStoreOptions) {
  const saved = progressStorage(storage);
  // The version of a save from a newer game, seen by `migrate`: that save is left alone.
  let newerVersion: number | null = null;
  return createStore<AppState>()(
    persist<AppState, [], [], Progress>(
      (...a) => ({
        // Clearing progress is the player's choice to start afresh, over a save that was left alone too.
        ...createProgressSlice(now, () => saved.release(), recordPackWin)(...a),
        ...createGameSlice(...a),
        ...createHintSlice(...a),
        ...createSearchSlice(...a),
        ...createUiSlice(...a),
      }),
      {
        name: PROGRESS_KEY,
        version: PROGRESS_VERSION,
        storage: saved.storage,
        partialize: (s): Progress => ({ solved: s.solved }),
        migrate: (persisted, version) => {
          newerVersion = isNewerVersion(version) ? version : null;
          return migrateProgress(persisted, version) as Progress;
        },
        merge: (persisted, current) => {
          saved.release(); // each reading of the save decides anew (another tab may have replaced it)
          if (newerVersion !== null) {
            saved.hold();
            const version = newerVersion;
            newerVersion = null;
            return { ...current, solved: {}, progressNotice: newerProgressNotice(version) };
          }
          if (persisted === undefined && !saved.unreadable) return current; // nothing saved yet
          const read = persisted === undefined ? null : readProgress(persisted);
          if (read && read.broken === 0) return { ...current, solved: read.progress.solved };
          const aside = saved.keepAside(PROGRESS_KEY);
          const solved = read?.progress.solved ?? {};
          // Save what could be read at once, without the broken entries (unless the save is held).
          if (read && aside.kept) saved.storage.setItem(PROGRESS_KEY, { state: { solved }, version: PROGRESS_VERSION });
          return { ...current, solved, progressNotice: unreadableProgressNotice(read, aside) };
        },
      },
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
