// The running app's settings store (saved in localStorage) and the hook components read it with.

import { useStore } from "zustand";
import { browserStorage } from "./store/progress";
import { createSettingsStore, type SettingsState } from "./store/settings";

export const settingsStore = createSettingsStore(browserStorage());

export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(settingsStore, selector);
}
