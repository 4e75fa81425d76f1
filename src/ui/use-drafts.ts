// The one store of the player's own levels, saved in localStorage, and the hook components read
// it with. Another tab's changes are picked up when it saves.

import { useStore } from "zustand";
import { createDraftStore, type DraftState } from "./store/draft-store";
import { DRAFTS_KEY } from "./store/drafts";
import { browserStorage, followOtherTabs } from "./store/progress";

export const draftStore = createDraftStore({ storage: browserStorage() });

followOtherTabs(draftStore, DRAFTS_KEY);

export function useDrafts<T>(selector: (state: DraftState) => T): T {
  return useStore(draftStore, selector);
}
