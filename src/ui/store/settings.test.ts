// Settings survive a reload; a bad value falls back to its default alone, and never touches progress.

import { describe, expect, it } from "vitest";
import { memoryStorage, PROGRESS_KEY } from "./progress";
import { createSettingsStore, DEFAULT_SETTINGS, SETTINGS_KEY } from "./settings";

describe("settings", () => {
  it("remembers the language and the tour across a reload", () => {
    const storage = memoryStorage();
    const first = createSettingsStore(storage);
    first.getState().setLanguage("java");
    first.getState().finishTour();
    const again = createSettingsStore(storage).getState();
    expect(again.language).toBe("java");
    expect(again.tourDone).toBe(true);
    expect(JSON.parse(storage.dump()[SETTINGS_KEY]).version).toBe(1);
  });

  it("starts with the level's own language and the tour to come", () => {
    const s = createSettingsStore(memoryStorage()).getState();
    expect({ language: s.language, tourDone: s.tourDone }).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ["not JSON", "{{{", DEFAULT_SETTINGS],
    ["an unknown language", JSON.stringify({ state: { language: "cobol", tourDone: true }, version: 1 }), { language: "interleave", tourDone: true }],
    ["a wrong type", JSON.stringify({ state: { language: "python", tourDone: "yes" }, version: 1 }), { language: "python", tourDone: false }],
    ["a newer version", JSON.stringify({ state: { language: "c", tourDone: true }, version: 9 }), { language: "c", tourDone: true }],
  ])("reads %s as defaults where it must, and leaves progress alone", (_what, raw, expected) => {
    const progress = JSON.stringify({ state: { solved: {} }, version: 1 });
    const storage = memoryStorage({ [SETTINGS_KEY]: raw, [PROGRESS_KEY]: progress });
    const s = createSettingsStore(storage).getState();
    expect({ language: s.language, tourDone: s.tourDone }).toEqual(expected);
    expect(storage.dump()[PROGRESS_KEY]).toBe(progress);
  });
});
