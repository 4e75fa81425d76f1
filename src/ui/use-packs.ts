// The one store of the level packs the student opened and their progress, saved in localStorage,
// and the hook components read it with.

import { useStore } from "zustand";
import { browserStorage } from "./store/progress";
import { createPackStore, type PackState } from "./store/pack-store";

export const packStore = createPackStore({ storage: browserStorage() });

export function usePacks<T>(selector: (state: PackState) => T): T {
  return useStore(packStore, selector);
}
