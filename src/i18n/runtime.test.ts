// The runtime: a switch of language changes every message at once, numbers and dates take the
// language's format, and words kept by a store are said in the language current when shown.

import { afterEach, describe, expect, it } from "vitest";
import { currentLocale, formatDate, formatNumber, say, switchLocale, t, words } from "./index";

afterEach(async () => {
  await switchLocale("en");
});

describe("the interface's language", () => {
  it("switches every message, and back", async () => {
    expect(t("common.dismiss")).toBe("Dismiss");
    await switchLocale("de");
    expect(currentLocale()).toBe("de");
    expect(t("common.dismiss")).toBe("Schließen");
    await switchLocale("es");
    expect(t("common.dismiss")).toBe("Cerrar");
  });

  it("says kept words in the language current when they are shown", async () => {
    const kept = words("common.dismiss");
    expect(say(kept)).toBe("Dismiss");
    await switchLocale("de");
    expect(say(kept)).toBe("Schließen");
    expect(say("a level's own text")).toBe("a level's own text");
  });

  it("writes numbers and dates the language's way", async () => {
    expect(formatNumber(1234.5)).toBe("1,234.5");
    await switchLocale("de");
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatDate(new Date(Date.UTC(2026, 11, 7, 12)), { dateStyle: "long", timeZone: "UTC" })).toBe("7. Dezember 2026");
    await switchLocale("es");
    expect(formatDate(new Date(Date.UTC(2026, 11, 7, 12)), { dateStyle: "long", timeZone: "UTC" })).toBe("7 de diciembre de 2026");
  });
});
