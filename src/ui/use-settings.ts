// The running app's settings store (saved in localStorage) and the hook components read it with.
// Another tab's choice is picked up when it saves.

import { useStore } from "zustand";
import { browserStorage, followOtherTabs } from "./store/progress";
import { createSettingsStore, SETTINGS_KEY, type SettingsState } from "./store/settings";

export const settingsStore = createSettingsStore(browserStorage());

followOtherTabs(settingsStore, SETTINGS_KEY);

export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(settingsStore, selector);
}
