// The one store of the player's own levels, saved in localStorage, and the hook components read
// it with. Another tab's changes are picked up when it saves.

import { useStore } from "zustand";
import { createDraftStore, type DraftState } from "./store/draft-store";
import { DRAFTS_KEY } from "./store/drafts";
import { browserStorage } from "./store/progress";

export const draftStore = createDraftStore({ storage: browserStorage() });

if (typeof window !== "undefined") {
  window.addEventListener("storage", (e) => {
    if (e.key === DRAFTS_KEY) void draftStore.persist.rehydrate();
  });
}

export function useDrafts<T>(selector: (state: DraftState) => T): T {
  return useStore(draftStore, selector);
}
