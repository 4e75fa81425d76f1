// The running app's settings store (saved in localStorage) and the hook components read it with.

import { useStore } from "zustand";
import { browserStorage } from "./store/progress";
import { createSettingsStore, SETTINGS_KEY, type SettingsState } from "./store/settings";

export const settingsStore = createSettingsStore(browserStorage());

// Another tab's choice is picked up when it saves.
if (typeof window !== "undefined") {
  window.addEventListener("storage", (e) => {
    if (e.key === SETTINGS_KEY) void settingsStore.persist.rehydrate();
  });
}

export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(settingsStore, selector);
}
