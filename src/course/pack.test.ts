// Reading a built pack: what students open. A good pack loads with its chapters and levels ready
// to play; a broken one gives every error at its file, line and column; a tampered one fails
// its hashes.

import { describe, expect, it } from "vitest";
import { formatError } from "./errors";
import { loadPack, parsePack, verifyPack } from "./pack";
import { campaignLevel, samplePackText } from "./testing";

const F = "packs/os-week3.json";
const messages = (r: { ok: boolean; error?: unknown }) => (r.ok ? [] : (r.error as Parameters<typeof formatError>[0][]).map(formatError));

describe("parsePack", () => {
  it("reads a built pack: its chapters, and every level parsed, hashed and ready to play", async () => {
    const text = await samplePackText();
    const r = await loadPack(text, F);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pack = r.value;
    expect([pack.id, pack.title, pack.intro]).toEqual(["os-week3", "OS week 3: locks", "Races and locks."]);
    expect(pack.chapters).toEqual([
      { title: "Races", intro: "Find the order that breaks it.", levels: ["lost-update", "fix-lost-update"] },
      { title: "Proofs", levels: ["peterson"] },
    ]);
    expect(pack.levels.map((l) => [l.id, l.parsed.spec.title, l.hash.slice(0, 7)])).toEqual([
      ["lost-update", "The Lost Deposit", "sha256-"], ["fix-lost-update", campaignLevel("fix-lost-update").title, "sha256-"], ["peterson", campaignLevel("peterson").title, "sha256-"],
    ]);
    expect(JSON.parse(pack.levels[0].text)).toEqual(campaignLevel("lost-update"));
  });

  it("embeds a level's translations, and its hash covers them", async () => {
    const r = await loadPack(await samplePackText(), F);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.levels[0].parsed.spec.translations?.de.title).toBe("Die verlorene Einzahlung");
    const retitled = (await samplePackText()).replace('"title": "Die verlorene Einzahlung"', '"title": "Das verlorene Geld"');
    const tampered = await loadPack(retitled, F);
    expect(messages(tampered).join("\n")).toMatch(/hash/);
  });

  it("places a syntax error in the pack file", () => {
    expect(messages(parsePack('{\n  "format": "interleave-pack",\n  "id": "x"\n  "title": "T"\n}', F))).toEqual([`${F}:4:3: expected a comma or a closing brace`]);
  });

  it("names unknown, missing and wrong fields at their places", () => {
    const text = '{\n  "format": "interleave-pak",\n  "version": 1,\n  "id": "Week 3",\n  "title": "T",\n  "chapters": [],\n  "levels": [],\n  "hash": "md5-1",\n  "colour": 1\n}';
    expect(messages(parsePack(text, F))).toEqual([
      `${F}:2:13: "format" must be "interleave-pack" (at format)`,
      `${F}:4:9: "id" is lower-case kebab-case, like "lost-update" (at id)`,
      `${F}:6:15: a pack has at least one chapter (at chapters)`,
      `${F}:7:13: a pack embeds at least one level (at levels)`,
      `${F}:8:11: a hash is "sha256-" followed by 64 lower-case hex digits (at hash)`,
      `${F}:9:3: unknown field "colour" (at colour)`,
    ]);
  });

  it("places an error in an embedded level's code in the pack file, and in the code", async () => {
    const text = await samplePackText((levels) => {
      const threads = levels[0].threads as { code: string }[];
      threads[0].code = "balanse += 100;";
    });
    const line = text.split("\n").findIndex((l) => l.includes('"code": "balanse')) + 1;
    const column = text.split("\n")[line - 1].indexOf('"balanse') + 2;
    expect(messages(parsePack(text, F))).toEqual([
      `${F}:${line}:${column}: undeclared name "balanse" (did you mean "balance"?) (in levels[0].level.threads[0].code, line 1, col 1)`,
    ]);
  });

  it("places a level's schema error in the pack file", async () => {
    const text = (await samplePackText()).replace('"summary": "Two deposits', '"sumary": "Two deposits');
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes('"sumary"')) + 1;
    const r = parsePack(text, F);
    expect(messages(r)).toContain(`${F}:${line}:${lines[line - 1].indexOf('"sumary"') + 1}: unknown field "sumary" (did you mean "summary"?) (at levels[0].level.sumary)`);
  });

  it("refuses a chapter naming a level the pack does not embed, and a level embedded twice", async () => {
    const missing = (await samplePackText()).replace('"levels": [\n        "peterson"', '"levels": [\n        "petersen"');
    expect(messages(parsePack(missing, F))).toEqual([expect.stringMatching(/:\d+:\d+: the pack has no level with id "petersen" \(at chapters\[1\]\.levels\[0\]\)$/)]);
    const twice = await samplePackText((levels) => levels.push(campaignLevel("peterson")));
    expect(messages(parsePack(twice, F))).toEqual([expect.stringMatching(/: level "peterson" is already in the pack \(levels\[2\]\) \(at levels\[3\]\.level\.id\)$/)]);
  });

  it("refuses a file over 2 MB before reading it", () => {
    expect(messages(parsePack(" ".repeat(2 * 1024 * 1024 + 1), F))).toEqual([`${F}:1:1: the pack is 2,097,153 characters; the most is 2,097,152`]);
  });
});

describe("verifyPack", () => {
  it("finds a level changed after the pack was built, at its hash", async () => {
    const text = (await samplePackText()).replace("balance += 100;\\nalDone = true;", "balance += 200;\\nalDone = true;");
    const parsed = parsePack(text, F);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const errors = await verifyPack(parsed.value);
    expect(errors.map(formatError)).toEqual([
      expect.stringMatching(/^packs\/os-week3.json:\d+:\d+: level "lost-update" has changed since the pack was built: its hash is sha256-[0-9a-f]{64}, not sha256-[0-9a-f]{64} \(at levels\[0\]\.hash\)$/),
      expect.stringMatching(/: the pack has changed since it was built: its hash is sha256-\w+, not sha256-\w+ \(at hash\)$/),
    ]);
  });

  it("finds a retitled pack by its hash", async () => {
    const text = (await samplePackText()).replace('"title": "OS week 3: locks"', '"title": "OS week 4"');
    const r = await loadPack(text, F);
    expect(messages(r)).toEqual([expect.stringContaining("the pack has changed since it was built")]);
  });
});
