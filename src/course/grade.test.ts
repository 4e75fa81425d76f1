// Grading as an instructor sees it: a record that really solves the pack's levels is solved
// everywhere; an edited schedule, a swapped level, a record for another pack, a fix that does not
// hold, a proof claimed on a breakable level and a broken file are each rejected with the reason.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { allVerified, gradeRecords, gradeTableCsv, gradeTableText, type GradeTable } from "./grade";
import { loadPack, type Pack } from "./pack";
import { makeRecord, recordText, type SolvedLevel } from "./record";
import { campaignLevel, samplePackText } from "./testing";

const T = "2026-12-07T18:00:00.000Z";
let pack: Pack;
const solution = campaignLevel("lost-update").solution as string[];
const reference = (campaignLevel("fix-lost-update").fix as { reference: Record<string, string> }).reference;
const allSolved: SolvedLevel[] = [
  { id: "lost-update", solvedAt: T, schedule: solution },
  { id: "fix-lost-update", solvedAt: T, fix: reference },
  { id: "peterson", solvedAt: T, proof: true },
];

async function load(text: string): Promise<Pack> {
  const r = await loadPack(text, "os-week3.json");
  if (!r.ok) throw new Error(r.error.map((e) => e.message).join("\n"));
  return r.value;
}

const grade = (text: string, file = "ada.json", p = pack) => gradeRecords(p, [{ file, text }]);
const rowsOf = (t: GradeTable) => t.students[0].rows.map((r) => [r.levelId, r.status, r.reason ?? ""]);

beforeAll(async () => {
  pack = await load(await samplePackText());
});

describe("gradeRecords", () => {
  it("counts a record that replays, holds and proves as solved on every level", async () => {
    const table = await grade(recordText(makeRecord("Ada Lovelace", pack, allSolved)));
    expect(table.levels).toEqual(["lost-update", "fix-lost-update", "peterson"]);
    expect(table.students.map((s) => [s.file, s.student])).toEqual([["ada.json", "Ada Lovelace"]]);
    expect(rowsOf(table)).toEqual([["lost-update", "solved", ""], ["fix-lost-update", "solved", ""], ["peterson", "solved", ""]]);
    expect(allVerified(table)).toBe(true);
  });

  it("says which move of an edited schedule is wrong", async () => {
    const edited = [...solution];
    edited[1] = "Teller Al";
    const table = await grade(recordText(makeRecord("Ada", pack, [{ id: "lost-update", solvedAt: T, schedule: edited }])));
    expect(rowsOf(table)[0]).toEqual(["lost-update", "rejected", "schedule does not win: move 5 (Teller Al) is not legal: Teller Al has finished."]);
    expect(rowsOf(table).slice(1)).toEqual([["fix-lost-update", "missing", "not attempted"], ["peterson", "missing", "not attempted"]]);
    expect(allVerified(table)).toBe(false);
  });

  it("names a move after the end, a move that names no thread, and a game that ends in a loss", async () => {
    const after = await grade(recordText(makeRecord("Ada", pack, [{ id: "lost-update", solvedAt: T, schedule: [...solution, "Teller Al"] }])));
    expect(rowsOf(after)[0][2]).toBe("schedule does not win: move 8 (Teller Al) is not legal: The game is over: undo or reset to play on.");
    const loss = await grade(recordText(makeRecord("Ada", pack, [{ id: "lost-update", solvedAt: T, schedule: ["Teller Al", "Teller Al", "Teller Al", "Teller Bea", "Teller Bea", "Teller Bea", "Teller Bea"] }])));
    expect(rowsOf(loss)[0][2]).toBe("schedule does not win: it ends in a loss: finished (Every thread ran to its end: the program worked correctly this time)");
    const unknown = await grade(recordText(makeRecord("Ada", pack, [{ id: "lost-update", solvedAt: T, schedule: ["Teller Al", "Teller Cy"] }])));
    expect(rowsOf(unknown)[0][2]).toBe('schedule does not win: move 2 ("Teller Cy") names no thread');
  });

  it("rejects a record for another pack", async () => {
    const record = recordText(makeRecord("Ada", pack, allSolved));
    const other = await grade(record.replace('"id": "os-week3"', '"id": "os-week4"'));
    expect(new Set(rowsOf(other).map((r) => r.slice(1).join(": ")))).toEqual(new Set(['rejected: record for another pack: "os-week4", not "os-week3"']));
  });

  it("rejects a record for this pack before it was rebuilt, and says which levels changed since", async () => {
    const record = recordText(makeRecord("Ada", pack, allSolved));
    const rebuilt = await load(await samplePackText((levels) => void (levels[2].title = "Peterson, again")));
    expect(rebuilt.hash).not.toBe(pack.hash);
    const table = await grade(record, "ada.json", rebuilt);
    const reason = `record for another pack: "os-week3" as it was before it was rebuilt (hash ${pack.hash})`;
    expect(rowsOf(table)).toEqual([
      ["lost-update", "rejected", reason], ["fix-lost-update", "rejected", reason], ["peterson", "rejected", `${reason}; level changed since it was solved`],
    ]);
  });

  it("never counts a level the student swapped: an entry whose hash is not the pack's level's", async () => {
    const swapped = recordText(makeRecord("Ada", pack, allSolved)).replace(pack.levels[0].hash, `sha256-${"0".repeat(64)}`);
    expect(rowsOf(await grade(swapped))[0]).toEqual(["lost-update", "rejected", `level changed since it was solved: the record has hash sha256-${"0".repeat(64)}, the pack ${pack.levels[0].hash}`]);
  });

  it("re-judges a fix: the level's own code does not hold, with a schedule that breaks it", async () => {
    const table = await grade(recordText(makeRecord("Ada", pack, [{ id: "fix-lost-update", solvedAt: T, fix: {} }])));
    expect(rowsOf(table)[1]).toEqual([
      "fix-lost-update", "rejected",
      "fix does not hold: a schedule of 7 moves still reaches assertion: Teller Al, Teller Bea, Teller Al, Teller Al, Teller Bea, Teller Bea, Teller Bea",
    ]);
  });

  it("rejects a proof claimed on a breakable level and answers of the wrong kind", async () => {
    const table = await grade(recordText(makeRecord("Ada", pack, [
      { id: "lost-update", solvedAt: T, proof: true },
      { id: "fix-lost-update", solvedAt: T, schedule: solution },
      { id: "peterson", solvedAt: T, schedule: ["Thread 0"] },
    ])));
    expect(rowsOf(table).map((r) => r[2].replace(/: .*/s, ""))).toEqual(["proof claim on a breakable level", "fix does not hold", "schedule does not win"]);
  });

  it("rejects a malformed file with its file, line and column", async () => {
    const table = await grade('{\n  "format": "interleave-record",\n  "student": "Ada"\n  "levels": []\n}', "bob.json");
    expect(table.students[0].student).toBe("");
    expect(new Set(rowsOf(table).map((r) => r[2]))).toEqual(new Set(["malformed file: bob.json:4:3: expected a comma or a closing brace"]));
  });

  it("never throws on a hostile record", async () => {
    const good = JSON.parse(recordText(makeRecord("Ada", pack, allSolved))) as Record<string, unknown>;
    const hostile = fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.constantFrom('"__proto__"', '{"__proto__": "x = 1;"}', '["constructor", "toString"]', "null", "[]"));
    const fields = ["student", "levels", "pack"] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields, 0, 1, 2), hostile, async (where, text) => {
        const copy = structuredClone(good) as Record<string, unknown> & { levels: Record<string, unknown>[] };
        if (typeof where === "number") copy.levels[where][Object.keys(copy.levels[where])[3]] = "\u0000SWAP";
        else (copy as Record<string, unknown>)[where] = "\u0000SWAP";
        const table = await grade(JSON.stringify(copy).replace('"\\u0000SWAP"', text));
        expect(table.students[0].rows).toHaveLength(3);
        gradeTableText(table);
        gradeTableCsv(table);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the table", () => {
  it("prints a row per record, a cell per level, and every rejection with its reason", async () => {
    const table = await gradeRecords(pack, [
      { file: "ada.json", text: recordText(makeRecord("Ada Lovelace", pack, allSolved)) },
      { file: "bob.json", text: recordText(makeRecord("=HYPERLINK(\"x\")\u202e", pack, [{ id: "lost-update", solvedAt: T, schedule: ["Teller Al"] }])) },
      { file: "cy.json", text: "{" },
    ]);
    expect(gradeTableText(table)).toBe(
      [
        "student           file      lost-update  fix-lost-update  peterson  score",
        "Ada Lovelace      ada.json  solved       solved           solved    3/3",
        '=HYPERLINK("x")?  bob.json  REJECTED     -                -         0/3',
        "?                 cy.json   REJECTED     REJECTED         REJECTED  0/3",
        "",
        "Rejected:",
        '  bob.json (=HYPERLINK("x")?), lost-update: schedule does not win: after all 1 moves the game is still going',
        "  cy.json, every level: malformed file: cy.json:1:2: unexpected end of file: the object that opens at line 1, col 1 is not closed",
        "",
      ].join("\n"),
    );
    expect(gradeTableCsv(table).split("\r\n")).toEqual([
      "student,file,lost-update,fix-lost-update,peterson,score",
      "Ada Lovelace,ada.json,solved,solved,solved,3/3",
      `"'=HYPERLINK(""x"")\u202e",bob.json,rejected: schedule does not win: after all 1 moves the game is still going,not attempted,not attempted,0/3`,
      `,cy.json,${Array(3).fill('"rejected: malformed file: cy.json:1:2: unexpected end of file: the object that opens at line 1, col 1 is not closed"').join(",")},0/3`,
      "",
    ]);
  });
});
