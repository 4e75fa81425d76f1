// The player's settings: which language thread code is shown in, whether the first-level tour
// has been seen, and whether the timeline was last left open during play. Saved under a key of their own (never mixed with progress), versioned, and
// validated field by field: a value that cannot be read falls back to its default, alone.

import { createStore } from "zustand/vanilla";
import { persist, type StateStorage } from "zustand/middleware";
import { LANGUAGES, type Language } from "../../engine/play";
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
  return readSettings(saved).settings;
}

/** The settings in a save, and the words for those that were there but could not be read. */
export function readSettings(saved: unknown): { settings: Settings; unread: string[] } {
  const s = typeof saved === "object" && saved !== null ? (saved as Record<string, unknown>) : {};
  const unread: string[] = [];
  const field = <T>(name: keyof Settings, ok: (v: unknown) => v is T, words: string): T | undefined => {
    if (!Object.hasOwn(s, name)) return undefined;
    if (ok(s[name])) return s[name];
    unread.push(words);
    return undefined;
  };
  const isBool = (v: unknown): v is boolean => typeof v === "boolean";
  const settings: Settings = {
    language: field("language", (v): v is Language => (LANGUAGES as readonly unknown[]).includes(v), "the language code is shown in") ?? DEFAULT_SETTINGS.language,
    tourDone: field("tourDone", isBool, "whether the tour was done") ?? DEFAULT_SETTINGS.tourDone,
    timelineOpen: field("timelineOpen", isBool, "whether the timeline was open") ?? DEFAULT_SETTINGS.timelineOpen,
  };
  return { settings, unread };
}

export function settingsNotice(unread: string[] | "all", keptUnder: string | null): string {
  if (unread === "all") {
    const where = keptUnder ? ` The save as it was is kept in this browser's storage under "${keptUnder}".` : " This browser's storage is full or turned off, so no copy of the save could be kept.";
    return `Your settings could not be read, so they are back to their defaults.${where}`;
  }
  return `Some of your settings could not be read (${unread.join(", ")}), so those are back to their defaults.`;
}

export interface SettingsState extends Settings {
  /** Shown when the saved settings could not be read in full; not persisted. */
  notice: string | null;
  dismissNotice(): void;
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
        notice: null,
        dismissNotice: () => set({ notice: null }),
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
        migrate: (persisted) => persisted as Settings,
        merge: (persisted, current) => {
          if (saved.unreadable) {
            const aside = saved.keepAside(SETTINGS_KEY);
            // Settings are cheap to choose again: unlike progress, a save that cannot be copied is not held.
            saved.release();
            return { ...current, ...DEFAULT_SETTINGS, notice: settingsNotice("all", aside.kept ? aside.key : null) };
          }
          const { settings, unread } = readSettings(persisted);
          return { ...current, ...settings, notice: unread.length > 0 ? settingsNotice(unread, null) : current.notice };
        },
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
