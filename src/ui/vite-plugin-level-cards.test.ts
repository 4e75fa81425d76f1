import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCampaign } from "../engine/index";
import { cardWords, readCampaign, readCampaignOrder, readLevelCards } from "./vite-plugin-level-cards";

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

  it("keep the title and summary of each translation, with the default variant's numbers, and skip malformed ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "cards-"));
    const params = { cash: { min: 50, max: 200, step: 50, default: 100 } };
    const translations = {
      de: { title: "{{cash}} Münzen", summary: "Zwei Automaten.", story: "Nicht auf der Karte." },
      es: { summary: "Dos cajeros." },
      "de-DE": { title: "not a language" },
      fr: "not an object",
      it: { title: 7 },
    };
    writeFileSync(join(dir, "atm.json"), JSON.stringify({ format: 1, id: "atm", title: "{{cash}} coins", summary: "Two machines.", params, translations, threads: [] }));
    expect(readLevelCards(dir)).toEqual({
      atm: { title: "100 coins", summary: "Two machines.", translations: { de: { title: "100 Münzen", summary: "Zwei Automaten." }, es: { summary: "Dos cajeros." } } },
    });
    // One language's words go to the player in a file of their own.
    expect(cardWords(readLevelCards(dir), "es")).toEqual({ atm: { summary: "Dos cajeros." } });
    expect(cardWords(readLevelCards(dir), "fr")).toEqual({});
  });

  it("cover every level of the shipped campaign", () => {
    const cards = readLevelCards(join(import.meta.dirname, "../../levels"));
    expect(cards["lost-update"]).toEqual({
      title: "The Lost Deposit", summary: expect.any(String), translations: { de: { title: "Die verlorene Einzahlung", summary: expect.any(String) } },
    });
    expect(Object.values(cards).every((c) => c !== null)).toBe(true);
  });

  it("give a level screen the shipped campaign's order, exactly as the campaign's parser reads it", () => {
    const dir = join(import.meta.dirname, "../../levels");
    const parsed = parseCampaign(readFileSync(join(dir, "campaign.json"), "utf8"), new Set(Object.keys(readLevelCards(dir))));
    if (!parsed.ok) throw new Error(parsed.error.map((e) => e.message).join("; "));
    const order = readCampaignOrder(dir);
    expect(order).toEqual(parsed.value.chapters.flatMap((c) => c.levels));
    expect(order[0]).toBe("first-steps");
  });

  it("give no order for a campaign file the parser would refuse", () => {
    const orderOf = (campaign: string) => {
      const dir = mkdtempSync(join(tmpdir(), "order-"));
      for (const id of ["one", "two"]) writeFileSync(join(dir, `${id}.json`), "{}");
      writeFileSync(join(dir, "campaign.json"), campaign);
      return readCampaignOrder(dir);
    };
    const chapter = (levels: unknown) => JSON.stringify({ chapters: [{ title: "T", intro: "", levels }] });
    expect(orderOf(chapter(["one", "two"]))).toEqual(["one", "two"]);
    expect(orderOf(chapter(["one", "three"]))).toEqual([]); // no such level file
    expect(orderOf(chapter(["one", "one"]))).toEqual([]); // a level twice
    expect(orderOf(chapter([]))).toEqual([]);
    expect(orderOf(chapter([1]))).toEqual([]);
    expect(orderOf(JSON.stringify({ chapters: [] }))).toEqual([]);
    expect(orderOf("null")).toEqual([]);
    expect(orderOf('{ "chapters": ')).toEqual([]);
  });

  it("give the campaign screen the shipped campaign's chapters, and a broken campaign's errors with their places", () => {
    const shipped = readCampaign(join(import.meta.dirname, "../../levels"), parseCampaign);
    if (!shipped.ok) throw new Error(shipped.error.map((e) => e.message).join("; "));
    expect(shipped.value.chapters[0].levels[0]).toBe("first-steps");
    const dir = mkdtempSync(join(tmpdir(), "campaign-"));
    writeFileSync(join(dir, "one.json"), "{}");
    writeFileSync(join(dir, "campaign.json"), JSON.stringify({ chapters: [{ title: "T", intro: "", levels: ["one", "three"] }] }, null, 2));
    expect(readCampaign(dir, parseCampaign)).toEqual({
      ok: false,
      error: [{ code: "unknown-level", message: 'there is no level with id "three"', path: "chapters[0].levels[1]", line: 8, column: 9 }],
    });
  });
});
