// The hardware panel's trials field: what it accepts, and what it says of the rest.

import { afterEach, describe, expect, it } from "vitest";
import { switchLocale } from "../../i18n/index";
import { parseTrials } from "./HardwarePanel";

describe("the panel's trials field", () => {
  it.each([
    ["10000", { ok: true, value: 10000 }],
    ["1,000,000", { ok: true, value: 1_000_000 }],
    ["99", { ok: false, message: "Enter between 100 and 1,000,000 trials." }],
    ["1000001", { ok: false, message: "Enter between 100 and 1,000,000 trials." }],
    ["12.5", { ok: false, message: "Enter a whole number of trials." }],
    ["", { ok: false, message: "Enter a whole number of trials." }],
  ])("%s", (text, expected) => expect(parseTrials(text)).toEqual(expected));
});

describe("the trials field in German", () => {
  afterEach(async () => {
    await switchLocale("en");
  });

  it("asks for a number written the German way", async () => {
    await switchLocale("de");
    expect(parseTrials("99")).toEqual({ ok: false, message: "Gib zwischen 100 und 1.000.000 Durchläufe ein." });
  });
});
