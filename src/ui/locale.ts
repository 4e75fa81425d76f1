// The interface's language in the running page: the player's choice from the settings, else the
// first of the browser's languages we have. Loaded before the first render (main.tsx) and again
// whenever the choice changes, here or in another tab.

import { pickLocale, switchLocale, type Locale } from "../i18n/index";
import { settingsStore } from "./use-settings";

export function chosenLocale(): Locale {
  return settingsStore.getState().locale ?? pickLocale(typeof navigator === "undefined" ? [] : navigator.languages);
}

/** Loads the chosen language's catalog, then follows the settings. Never rejects: English stays. */
export async function startLocale(): Promise<void> {
  await switchLocale(chosenLocale()).catch(() => switchLocale("en").catch(() => undefined));
  settingsStore.subscribe((now, before) => {
    if (now.locale !== before.locale) void switchLocale(chosenLocale()).catch(() => undefined);
  });
}
