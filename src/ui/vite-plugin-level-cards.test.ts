import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLevelCards } from "./vite-plugin-level-cards";

describe("level cards for the campaign screen", () => {
  it("keep each level's title and summary, and mark a file that is not readable as null", () => {
    const dir = mkdtempSync(join(tmpdir(), "cards-"));
    writeFileSync(join(dir, "good.json"), JSON.stringify({ format: 1, id: "good", title: "Good", summary: "It works.", threads: [] }));
    writeFileSync(join(dir, "no-summary.json"), JSON.stringify({ title: "Half" }));
    writeFileSync(join(dir, "broken.json"), '{ "title": "Broken", ');
    writeFileSync(join(dir, "campaign.json"), "{}");
    writeFileSync(join(dir, "level.schema.json"), "{}");
    writeFileSync(join(dir, "pack.schema.json"), "{}");
    writeFileSync(join(dir, "notes.txt"), "not a level");
    const params = { deposit: { min: 50, max: 200, step: 50, default: 100 } };
    writeFileSync(join(dir, "deposit.json"), JSON.stringify({ format: 1, id: "deposit", title: "Deposit {{deposit}}", summary: "{{ deposit }} coins go in.", params, threads: [] }));
    // A parameterised level's card shows its default variant, never a placeholder.
    expect(readLevelCards(dir)).toEqual({ broken: null, deposit: { title: "Deposit 100", summary: "100 coins go in." }, good: { title: "Good", summary: "It works." }, "no-summary": null });
  });

  it("cover every level of the shipped campaign", () => {
    const cards = readLevelCards(join(import.meta.dirname, "../../levels"));
    expect(cards["lost-update"]).toEqual({ title: "The Lost Deposit", summary: expect.any(String) });
    expect(Object.values(cards).every((c) => c !== null)).toBe(true);
  });
});
