// Settings survive a reload; a bad value falls back to its default alone, and never touches progress.

import { describe, expect, it } from "vitest";
import { memoryStorage, PROGRESS_KEY } from "./progress";
import { createSettingsStore, DEFAULT_SETTINGS, LEGACY_TIMELINE_KEY, SETTINGS_KEY } from "./settings";

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
    expect({ language: s.language, tourDone: s.tourDone, timelineOpen: s.timelineOpen }).toEqual(DEFAULT_SETTINGS);
  });

  it.each([["true", true], ["false", false]])("takes a timeline left open (%s) under the old key into the settings, once", (raw, open) => {
    const storage = memoryStorage({ [LEGACY_TIMELINE_KEY]: raw, [SETTINGS_KEY]: JSON.stringify({ state: { language: "c", tourDone: true }, version: 1 }) });
    const s = createSettingsStore(storage).getState();
    expect({ language: s.language, tourDone: s.tourDone, timelineOpen: s.timelineOpen }).toEqual({ language: "c", tourDone: true, timelineOpen: open });
    expect(storage.dump()[LEGACY_TIMELINE_KEY]).toBeUndefined();
    expect(createSettingsStore(storage).getState().timelineOpen).toBe(open);
  });

  it.each([
    ["not JSON", "{{{", DEFAULT_SETTINGS],
    ["an unknown language", JSON.stringify({ state: { language: "cobol", tourDone: true }, version: 1 }), { language: "interleave", tourDone: true, timelineOpen: false }],
    ["a wrong type", JSON.stringify({ state: { language: "python", tourDone: "yes", timelineOpen: 1 }, version: 1 }), { language: "python", tourDone: false, timelineOpen: false }],
    ["a newer version", JSON.stringify({ state: { language: "c", tourDone: true, timelineOpen: true }, version: 9 }), { language: "c", tourDone: true, timelineOpen: true }],
  ])("reads %s as defaults where it must, and leaves progress alone", (_what, raw, expected) => {
    const progress = JSON.stringify({ state: { solved: {} }, version: 1 });
    const storage = memoryStorage({ [SETTINGS_KEY]: raw, [PROGRESS_KEY]: progress });
    const s = createSettingsStore(storage).getState();
    expect({ language: s.language, tourDone: s.tourDone, timelineOpen: s.timelineOpen }).toEqual(expected);
    expect(storage.dump()[PROGRESS_KEY]).toBe(progress);
  });
});
