// A level's kind and when it is solved: the rule the store, the claim and the fix-it screen share.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isSolved, levelKind, parseLevel, type LevelSpec } from "./index";

const campaign = readdirSync("levels")
  .filter((f) => f.endsWith(".json") && f !== "campaign.json" && !f.endsWith(".schema.json"))
  .map((f) => {
    const parsed = parseLevel(readFileSync(`levels/${f}`, "utf8"), f);
    if (!parsed.ok) throw new Error(`${f} does not parse`);
    return parsed.value.spec;
  });
const byId = (id: string) => campaign.find((s) => s.id === id)!;

const breakIt = byId("lost-update");
const proveIt = byId("peterson");
const fixIt = byId("fix-lost-update");

describe("levelKind", () => {
  it("a fix section makes a fix-it level, whatever breakable says; otherwise breakable decides", () => {
    expect(levelKind(breakIt)).toBe("break");
    expect(levelKind(proveIt)).toBe("prove");
    expect(levelKind(fixIt)).toBe("fix");
    expect(fixIt.breakable).toBe(true);
    expect(levelKind({ ...fixIt, breakable: false })).toBe("fix");
  });

  it("counts the campaign's levels as the README does: 49 to break, 9 to prove, 11 to fix", () => {
    const count = (kind: string) => campaign.filter((s) => levelKind(s) === kind).length;
    expect([count("break"), count("prove"), count("fix")]).toEqual([49, 9, 11]);
  });
});

describe("isSolved", () => {
  const right = { right: true };
  const wrong = { right: false };
  const table: [string, LevelSpec, Parameters<typeof isSolved>[1], boolean][] = [
    ["a win solves a level to break", breakIt, { won: true }, true],
    ["a game still going does not", breakIt, { won: false }, false],
    ["a wrong claim costs the win", breakIt, { won: true, claim: wrong }, false],
    ["a right claim solves it", proveIt, { claim: right }, true],
    ["a right claim still counts after a win", proveIt, { won: true, claim: right }, true],
    ["a wrong claim on a level to prove does not", proveIt, { claim: wrong }, false],
    ["nothing yet", proveIt, {}, false],
    ["a fix that holds solves a fix-it level", fixIt, { fix: "fixed" }, true],
    ["a fix still broken does not", fixIt, { fix: "broken" }, false],
    ["a fix the judge gave up on does not", fixIt, { fix: "unknown" }, false],
    ["breaking a fix-it level's code is exploration", fixIt, { won: true }, false],
    ["nor does a claim on one", fixIt, { claim: right }, false],
  ];
  it.each(table)("%s", (_, spec, attempt, solved) => {
    expect(isSolved(spec, attempt)).toBe(solved);
  });
});
