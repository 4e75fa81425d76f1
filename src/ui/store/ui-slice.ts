// Which of the app's own dialogs is open. Keyboard shortcuts stand aside while one is.

import type { StateCreator } from "zustand/vanilla";
import type { AppMutators, AppState } from "./store";

export type DialogName = "shortcuts" | "clear-progress";

export interface UiSlice {
  dialog: DialogName | null;
  openDialog(dialog: DialogName): void;
  closeDialog(): void;
}

export const createUiSlice: StateCreator<AppState, AppMutators, [], UiSlice> = (set) => ({
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
});
