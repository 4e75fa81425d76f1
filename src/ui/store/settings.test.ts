// Settings survive a reload; a bad value falls back to its default alone, and never touches progress.

import { afterEach, describe, expect, it } from "vitest";
import { memoryStorage, PROGRESS_KEY } from "./progress";
import { createSettingsStore, DEFAULT_SETTINGS, LEGACY_TIMELINE_KEY, SETTINGS_KEY } from "./settings";
import { say, switchLocale } from "../../i18n/index";

describe("settings", () => {
  it("remembers the language, the tour and the timeline across a reload", () => {
    const storage = memoryStorage();
    const first = createSettingsStore(storage);
    first.getState().setLanguage("java");
    first.getState().finishTour();
    first.getState().setTimelineOpen(true);
    const again = createSettingsStore(storage).getState();
    expect(again.language).toBe("java");
    expect(again.tourDone).toBe(true);
    expect(again.timelineOpen).toBe(true);
    expect(JSON.parse(storage.dump()[SETTINGS_KEY]).version).toBe(1);
  });

  it("starts with the level's own language, the tour to come and the timeline folded", () => {
    const s = createSettingsStore(memoryStorage()).getState();
    expect({ locale: s.locale, language: s.language, tourDone: s.tourDone, timelineOpen: s.timelineOpen }).toEqual(DEFAULT_SETTINGS);
  });

  it.each([["true", true], ["false", false]])("takes a timeline left open (%s) under the old key into the settings, once", (raw, open) => {
    const storage = memoryStorage({ [LEGACY_TIMELINE_KEY]: raw, [SETTINGS_KEY]: JSON.stringify({ state: { language: "c", tourDone: true }, version: 1 }) });
    const s = createSettingsStore(storage).getState();
    expect({ language: s.language, tourDone: s.tourDone, timelineOpen: s.timelineOpen }).toEqual({ language: "c", tourDone: true, timelineOpen: open });
    expect(storage.dump()[LEGACY_TIMELINE_KEY]).toBeUndefined();
    expect(createSettingsStore(storage).getState().timelineOpen).toBe(open);
  });

  it.each([
    ["not JSON", "{{{", DEFAULT_SETTINGS,
      `Your settings could not be read, so they are back to their defaults. The save as it was is kept in this browser's storage under "${SETTINGS_KEY}.corrupt".`],
    ["an unknown language", JSON.stringify({ state: { language: "cobol", tourDone: true }, version: 1 }), { language: "interleave", tourDone: true, timelineOpen: false },
      "Some of your settings could not be read (the language code is shown in), so those are back to their defaults."],
    ["a wrong type", JSON.stringify({ state: { language: "python", tourDone: "yes", timelineOpen: 1 }, version: 1 }), { language: "python", tourDone: false, timelineOpen: false },
      "Some of your settings could not be read (whether the tour was done, whether the timeline was open), so those are back to their defaults."],
    ["a newer version", JSON.stringify({ state: { language: "c", tourDone: true, timelineOpen: true }, version: 9 }), { language: "c", tourDone: true, timelineOpen: true }, null],
    ["an older save without the timeline", JSON.stringify({ state: { language: "c" }, version: 1 }), { language: "c", tourDone: false, timelineOpen: false }, null],
  ])("reads %s as defaults where it must, says so, and leaves progress alone", (_what, raw, expected, notice) => {
    const progress = JSON.stringify({ state: { solved: {} }, version: 1 });
    const storage = memoryStorage({ [SETTINGS_KEY]: raw, [PROGRESS_KEY]: progress });
    const s = createSettingsStore(storage).getState();
    expect({ language: s.language, tourDone: s.tourDone, timelineOpen: s.timelineOpen }).toEqual({ language: expected.language, tourDone: expected.tourDone, timelineOpen: expected.timelineOpen });
    expect(s.locale).toBeNull();
    expect(s.notice && say(s.notice)).toBe(notice);
    expect(storage.dump()[PROGRESS_KEY]).toBe(progress);
  });

  it.each([
    ["German", "de", "de"],
    ["a language the game does not have", "fr", null],
    ["a wrong type", 7, null],
  ])("remembers the interface's language and reads %s back as the player chose or the browser's", (_what, saved, expected) => {
    const storage = memoryStorage({ [SETTINGS_KEY]: JSON.stringify({ state: { locale: saved, language: "c" }, version: 1 }) });
    const s = createSettingsStore(storage).getState();
    expect(s.locale).toBe(expected);
    expect(s.language).toBe("c");
    expect(s.notice === null).toBe(expected !== null);
  });

  it("saves the interface's language the player picks", () => {
    const storage = memoryStorage();
    createSettingsStore(storage).getState().setLocale("es");
    expect(createSettingsStore(storage).getState().locale).toBe("es");
    createSettingsStore(storage).getState().setLocale(null);
    expect(createSettingsStore(storage).getState().locale).toBeNull();
  });

  it("keeps an unreadable save aside before the defaults are saved over it", () => {
    const storage = memoryStorage({ [SETTINGS_KEY]: "{{{" });
    const store = createSettingsStore(storage);
    store.getState().setLanguage("java");
    expect(storage.dump()[`${SETTINGS_KEY}.corrupt`]).toBe("{{{");
    expect(JSON.parse(storage.dump()[SETTINGS_KEY]).state.language).toBe("java");
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeNull();
  });
});

describe("the settings' notice", () => {
  afterEach(async () => {
    await switchLocale("en");
  });

  it("is said in the language current when it is shown, the settings it names too", async () => {
    const storage = memoryStorage({ [SETTINGS_KEY]: JSON.stringify({ state: { language: "cobol", tourDone: 3 }, version: 1 }) });
    const { notice } = createSettingsStore(storage).getState();
    expect(say(notice!)).toBe("Some of your settings could not be read (the language code is shown in, whether the tour was done), so those are back to their defaults.");
    await switchLocale("de");
    expect(say(notice!)).toBe(
      "Einige deiner Einstellungen konnten nicht gelesen werden (die Anzeigesprache des Codes, ob die Tour abgeschlossen wurde) und stehen daher wieder auf den Standardwerten.",
    );
  });
});
