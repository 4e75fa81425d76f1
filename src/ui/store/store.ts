// The app's store: slices on zustand's vanilla `createStore` (no React here; a test checks), with
// `persist` saving the progress slice only. React components reach it through ../use-app.ts.

import { createStore } from "zustand/vanilla";
import { persist, type StateStorage } from "zustand/middleware";
import { createGameSlice, type GameSlice } from "./game-slice";
import { createHintSlice, type HintSlice } from "./hint-slice";
import { CORRUPT_SAVE_NOTICE, migrateProgress, progressStorage, PROGRESS_KEY, PROGRESS_VERSION, validateProgress, type Progress } from "./progress";
import { createProgressSlice, type ProgressSlice } from "./progress-slice";
import { createUiSlice, type UiSlice } from "./ui-slice";

export type AppState = ProgressSlice & GameSlice & HintSlice & UiSlice;
export type AppMutators = [["zustand/persist", unknown]];

export interface AppStoreOptions {
  /** Where progress is saved: localStorage in the app, memory in tests. */
  storage: StateStorage;
  now?: () => Date;
}

export function createAppStore({ storage, now = () => new Date() }: AppStoreOptions) {
  const saved = progressStorage(storage);
  return createStore<AppState>()(
    persist<AppState, [], [], Progress>(
      (...a) => ({
        ...createProgressSlice(now)(...a),
        ...createGameSlice(...a),
        ...createHintSlice(...a),
        ...createUiSlice(...a),
      }),
      {
        name: PROGRESS_KEY,
        version: PROGRESS_VERSION,
        storage: saved.storage,
        partialize: (s): Progress => ({ solved: s.solved }),
        migrate: migrateProgress as (persisted: unknown, version: number) => Progress,
        merge: (persisted, current) => {
          if (persisted === undefined && !saved.unreadable) return current; // nothing saved yet
          const progress = persisted === undefined ? null : validateProgress(persisted);
          if (progress) return { ...current, solved: progress.solved };
          saved.keepAside(PROGRESS_KEY);
          return { ...current, solved: {}, progressNotice: CORRUPT_SAVE_NOTICE };
        },
      },
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
