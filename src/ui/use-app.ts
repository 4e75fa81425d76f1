// The one store of the running app, saved in localStorage, and the hook components read it with.
// Another tab's progress is picked up when it saves.

import { useStore } from "zustand";
import { browserStorage, followOtherTabs, PROGRESS_KEY } from "./store/progress";
import { createAppStore, type AppState } from "./store/store";
import { packStore } from "./use-packs";

// A pack level's win goes to that pack's own progress.
export const appStore = createAppStore({ storage: browserStorage(), recordPackWin: (pack, id, solution) => packStore.getState().recordSolved(pack, id, solution) });

followOtherTabs(appStore, PROGRESS_KEY);

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
