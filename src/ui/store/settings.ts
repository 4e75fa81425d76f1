// The player's settings: the interface's language (or the browser's), which language thread code is shown in, whether the first-level tour
// has been seen, and whether the timeline was last left open during play. Saved under a key of their own (never mixed with progress), versioned, and
// validated field by field: a value that cannot be read falls back to its default, alone.

import { createStore } from "zustand/vanilla";
import { persist, type StateStorage } from "zustand/middleware";
import { LANGUAGES, type Language } from "../../engine/play";
import type { MessageId } from "../../i18n/ids";
import { words, type Words } from "../../i18n/words";
import { isLocale, type Locale } from "../../i18n/locales";
import { savedStorage } from "./saved-storage";

export const SETTINGS_KEY = "interleave-settings";
export const SETTINGS_VERSION = 1;

export interface Settings {
  /** The language thread code is shown in; "interleave" is the level's own. */
  language: Language;
  /** The interface's language as the player chose it; null follows the browser's languages. */
  locale: Locale | null;
  /** The first-level tour was finished or skipped: never start it again. */
  tourDone: boolean;
  /** The timeline was last left open during play (it starts folded, so a phone is not flooded). */
  timelineOpen: boolean;
}

export const DEFAULT_SETTINGS: Settings = { locale: null, language: "interleave", tourDone: false, timelineOpen: false };

/** Where the timeline's open state was kept before it was a setting; moved over once. */
export const LEGACY_TIMELINE_KEY = "interleave-timeline-open";

/** Whatever was saved, as settings: each field that is missing or wrong takes its default. */
export function validateSettings(saved: unknown): Settings {
  return readSettings(saved).settings;
}

/** The settings in a save, and the words for those that were there but could not be read. */
export function readSettings(saved: unknown): { settings: Settings; unread: Words[] } {
  const s = typeof saved === "object" && saved !== null ? (saved as Record<string, unknown>) : {};
  const unread: Words[] = [];
  const field = <T>(name: keyof Settings, ok: (v: unknown) => v is T, called: MessageId): T | undefined => {
    if (!Object.hasOwn(s, name)) return undefined;
    if (ok(s[name])) return s[name];
    unread.push(words(called));
    return undefined;
  };
  const isBool = (v: unknown): v is boolean => typeof v === "boolean";
  const settings: Settings = {
    locale: field("locale", (v): v is Locale | null => v === null || isLocale(v), "common.settings.field.locale") ?? DEFAULT_SETTINGS.locale,
    language: field("language", (v): v is Language => (LANGUAGES as readonly unknown[]).includes(v), "common.settings.field.language") ?? DEFAULT_SETTINGS.language,
    tourDone: field("tourDone", isBool, "common.settings.field.tourDone") ?? DEFAULT_SETTINGS.tourDone,
    timelineOpen: field("timelineOpen", isBool, "common.settings.field.timelineOpen") ?? DEFAULT_SETTINGS.timelineOpen,
  };
  return { settings, unread };
}

export function settingsNotice(unread: Words[] | "all", keptUnder: string | null): Words {
  if (unread === "all") return keptUnder ? words("common.settings.unread.kept", { key: keptUnder }) : words("common.settings.unread.refused");
  return words("common.settings.someUnread", { fields: unread });
}

export interface SettingsState extends Settings {
  /** Shown when the saved settings could not be read in full; not persisted. */
  notice: Words | null;
  dismissNotice(): void;
  setLanguage(language: Language): void;
  setLocale(locale: Locale | null): void;
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
        setLocale: (locale) => set({ locale: validateSettings({ locale }).locale }),
        finishTour: () => set({ tourDone: true }),
        setTimelineOpen: (open) => set({ timelineOpen: open === true }),
      }),
      {
        name: SETTINGS_KEY,
        version: SETTINGS_VERSION,
        storage: saved.storage,
        partialize: (s) => ({ locale: s.locale, language: s.language, tourDone: s.tourDone, timelineOpen: s.timelineOpen }),
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
