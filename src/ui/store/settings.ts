// The player's settings: which language thread code is shown in, whether the first-level tour
// has been seen, and whether the timeline was last left open during play. Saved under a key of their own (never mixed with progress), versioned, and
// validated field by field: a value that cannot be read falls back to its default, alone.

import { createStore } from "zustand/vanilla";
import { persist, type StateStorage } from "zustand/middleware";
import { LANGUAGES, type Language } from "../../engine/render/languages";
import { savedStorage } from "./saved-storage";

export const SETTINGS_KEY = "interleave-settings";
export const SETTINGS_VERSION = 1;

export interface Settings {
  /** The language thread code is shown in; "interleave" is the level's own. */
  language: Language;
  /** The first-level tour was finished or skipped: never start it again. */
  tourDone: boolean;
  /** The timeline was last left open during play (it starts folded, so a phone is not flooded). */
  timelineOpen: boolean;
}

export const DEFAULT_SETTINGS: Settings = { language: "interleave", tourDone: false, timelineOpen: false };

/** Where the timeline's open state was kept before it was a setting; moved over once. */
export const LEGACY_TIMELINE_KEY = "interleave-timeline-open";

/** Whatever was saved, as settings: each field that is missing or wrong takes its default. */
export function validateSettings(saved: unknown): Settings {
  const s = typeof saved === "object" && saved !== null ? (saved as Record<string, unknown>) : {};
  return {
    language: (LANGUAGES as readonly unknown[]).includes(s.language) ? (s.language as Language) : DEFAULT_SETTINGS.language,
    tourDone: typeof s.tourDone === "boolean" ? s.tourDone : DEFAULT_SETTINGS.tourDone,
    timelineOpen: typeof s.timelineOpen === "boolean" ? s.timelineOpen : DEFAULT_SETTINGS.timelineOpen,
  };
}

export interface SettingsState extends Settings {
  setLanguage(language: Language): void;
  finishTour(): void;
  setTimelineOpen(open: boolean): void;
}

export function createSettingsStore(storage: StateStorage) {
  const saved = savedStorage<Settings>(storage, { corruptKey: `${SETTINGS_KEY}.corrupt` });
  const store = createStore<SettingsState>()(
    persist<SettingsState, [], [], Settings>(
      (set) => ({
        ...DEFAULT_SETTINGS,
        setLanguage: (language) => set({ language: validateSettings({ language }).language }),
        finishTour: () => set({ tourDone: true }),
        setTimelineOpen: (open) => set({ timelineOpen: open === true }),
      }),
      {
        name: SETTINGS_KEY,
        version: SETTINGS_VERSION,
        storage: saved.storage,
        partialize: (s) => ({ language: s.language, tourDone: s.tourDone, timelineOpen: s.timelineOpen }),
        // A newer or unknown version: read what still fits, field by field.
        migrate: (persisted) => validateSettings(persisted),
        merge: (persisted, current) => ({ ...current, ...validateSettings(persisted) }),
      },
    ),
  );
  moveLegacyTimelineKey(storage, store);
  return store;
}

/** Takes the timeline's open state from its old key into the settings, and drops the old key. */
function moveLegacyTimelineKey(storage: StateStorage, store: { getState(): SettingsState }): void {
  try {
    const legacy = storage.getItem(LEGACY_TIMELINE_KEY);
    if (typeof legacy !== "string") return;
    store.getState().setTimelineOpen(legacy === "true");
    void storage.removeItem(LEGACY_TIMELINE_KEY);
  } catch {
    // storage turned off: nothing to move
  }
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
