// `levels check` on a parameterised level: every variant is checked as the default is, and a
// variant whose verdict differs from the level's claim fails the check, named by its values.

import { describe, expect, it } from "vitest";
import { overdraft } from "../engine/testing/overdraft";
import { checkLevelText, passes, variantLines } from "./check";

describe("levels check on a parameterised level", () => {
  it("passes when every variant's verdict is the level's claim", () => {
    const record = checkLevelText("overdraft.json", overdraft({ start: { min: 100, max: 150, step: 10 } }));
    expect(record.variants).toEqual({ count: 6, checked: 6, sampled: false, failing: [] });
    expect(passes(record)).toBe(true);
    expect(variantLines(record)).toEqual(["     all 6 variants pass"]);
  });

  it("fails and names each variant whose verdict differs", () => {
    const record = checkLevelText("overdraft.json", overdraft({ start: { min: 100, max: 300, step: 100 } }));
    expect(record.verdict).toBe("breakable");
    const problem = 'the level is meant to be breakable, but no schedule wins (mark it "breakable": false if the code is meant to be correct)';
    expect(record.variants).toEqual({
      count: 3, checked: 3, sampled: false,
      failing: [{ values: { start: 200 }, verdict: "safe", problems: [problem] }, { values: { start: 300 }, verdict: "safe", problems: [problem] }],
    });
    expect(passes(record)).toBe(false);
    expect(variantLines(record)).toEqual([
      "     2 of all 3 variants fail:",
      `     variant start=200: ${problem}`,
      `     variant start=300: ${problem}`,
    ]);
    // The JSON record carries the field as it is.
    expect(JSON.parse(JSON.stringify(record)).variants.failing[0].values).toEqual({ start: 200 });
  });

  it("checks a sample of 64 when there are more variants, the default first", () => {
    const record = checkLevelText("overdraft.json", overdraft({ start: { min: 100, max: 199 } }));
    expect(record.variants).toMatchObject({ count: 100, checked: 64, sampled: true, failing: [] });
  });

  it("gives a level without params no variants field", () => {
    const text = overdraft({}).replace('"params":{},', "").replaceAll("{{start}}", "100").replace('"balance":"100"', '"balance":100');
    const record = checkLevelText("overdraft.json", text);
    expect(record.valid).toBe(true);
    expect(record.variants).toBeUndefined();
  });
});
