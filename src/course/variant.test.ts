// Per-student variants in a pack: two students whose names give two variants of a parameterised
// level each get their own numbers, their records name them, and grading accepts each record only
// as its own student's variant (the names swapped, both are refused with the reason).

import { beforeAll, describe, expect, it } from "vitest";
import { describeVariant, formatMove, levelParams, studentSeed, variantFor } from "../engine/index";
import { solve } from "../solver/solve";
import { gradeRecords } from "./grade";
import { buildPack, loadPack, type Pack, type PackLevel } from "./pack";
import { makeRecord, parseRecord, recordText } from "./record";
import { campaignLevel } from "./testing";
import { studentLevel, studentVariant } from "./variant";

const T = "2026-12-07T18:00:00.000Z";
let pack: Pack;
let level: PackLevel;

/** The first two names of a list whose variants of `level` differ. */
function twoStudents(): [string, string] {
  const names = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov", "Leslie Lamport"];
  const params = levelParams(level.parsed.spec);
  const first = describeVariant(variantFor(params, studentSeed(pack.id, names[0])));
  const other = names.find((n) => describeVariant(variantFor(params, studentSeed(pack.id, n))) !== first);
  if (!other) throw new Error("every name gave the same variant");
  return [names[0], other];
}

/** A winning schedule of the student's variant, found by the solver. */
function winFor(student: string): string[] {
  const own = studentLevel(pack.id, level, student);
  if (!own.ok) throw new Error(own.error[0].message);
  const found = solve(own.value.level.program, { maxStates: 200_000, reduce: true });
  expect(found.verdict).toBe("breakable");
  return found.schedule!.map((m) => formatMove(own.value.level.program, m));
}

beforeAll(async () => {
  const built = await buildPack({ id: "os-week4", title: "Variants", chapters: [{ title: "One", levels: ["crossed-transfers", "lost-update"] }], levels: ["crossed-transfers", "lost-update"].map(campaignLevel) });
  const loaded = await loadPack(JSON.stringify(built), "os-week4.json");
  if (!loaded.ok) throw new Error(loaded.error[0].message);
  pack = loaded.value;
  level = pack.levels.find((l) => l.id === "crossed-transfers")!;
});

describe("a student's variant in a pack", () => {
  it("is the same for the same name however it is spaced or capitalised, and none for a level without parameters", () => {
    expect(studentVariant(pack.id, level, "  ada   LOVELACE ")).toEqual(studentVariant(pack.id, level, "Ada Lovelace"));
    expect(studentVariant(pack.id, pack.levels.find((l) => l.id === "lost-update")!, "Ada Lovelace")).toBeNull();
  });

  it("is played with the student's numbers: the level's text has them, and no {{placeholder}}", () => {
    const [ada] = twoStudents();
    const own = studentLevel(pack.id, level, ada);
    expect(own.ok).toBe(true);
    if (!own.ok) return;
    expect(own.value.level.spec.variant).toEqual(own.value.variant);
    expect(own.value.text).not.toContain("{{");
    expect(JSON.parse(own.value.text)).not.toHaveProperty("params");
  });

  it("is named in the record, and grading accepts each record only as its own student's variant", async () => {
    const [a, b] = twoStudents();
    const recordOf = (student: string, schedule: string[]) => makeRecord(student, pack, [{ id: "crossed-transfers", solvedAt: T, schedule }]);
    const ra = recordOf(a, winFor(a));
    const rb = recordOf(b, winFor(b));
    expect(ra.levels[0].variant).toEqual(studentVariant(pack.id, level, a));
    expect(rb.levels[0].variant).toEqual(studentVariant(pack.id, level, b));
    expect(ra.levels[0].variant).not.toEqual(rb.levels[0].variant);
    const reread = parseRecord(recordText(ra), "a.json");
    expect(reread.ok && reread.value.levels[0].variant).toEqual(ra.levels[0].variant);

    const graded = await gradeRecords(pack, [{ file: "a.json", text: recordText(ra) }, { file: "b.json", text: recordText(rb) }]);
    expect(graded.students.map((s) => s.rows[0].status)).toEqual(["solved", "solved"]);

    const swapped = await gradeRecords(pack, [{ file: "a.json", text: recordText({ ...ra, student: b }) }, { file: "b.json", text: recordText({ ...rb, student: a }) }]);
    expect(swapped.students.map((s) => s.rows[0].status)).toEqual(["rejected", "rejected"]);
    expect(swapped.students[0].rows[0].reason).toBe(
      `variant is not this student's: the record names ${describeVariant(ra.levels[0].variant!)}, and ${JSON.stringify(b)} plays ${describeVariant(rb.levels[0].variant!)}`,
    );
  });

  it("refuses a variant on a level without parameters, and a variant with a value of its own added", async () => {
    const [a] = twoStudents();
    const record = makeRecord(a, pack, [
      { id: "crossed-transfers", solvedAt: T, schedule: winFor(a) },
      { id: "lost-update", solvedAt: T, schedule: campaignLevel("lost-update").solution as string[] },
    ]);
    record.levels[0] = { ...record.levels[0], variant: { ...record.levels[0].variant, extra: 1 } };
    record.levels[1] = { ...record.levels[1], variant: { x: 1 } };
    const graded = await gradeRecords(pack, [{ file: "a.json", text: recordText(record) }]);
    expect(graded.students[0].rows.map((r) => [r.status, r.reason?.slice(0, 31)])).toEqual([
      ["rejected", "variant is not this student's: "],
      ["rejected", "variant is not this student's: "],
    ]);
  });

  it("reads a record's variant, and refuses one that is not whole numbers, with its place", () => {
    const [a] = twoStudents();
    const record = makeRecord(a, pack, [{ id: "crossed-transfers", solvedAt: T, schedule: winFor(a) }]);
    const good = parseRecord(recordText(record), "a.json");
    expect(good.ok && good.value.levels[0].variant).toEqual(studentVariant(pack.id, level, a));
    const text = recordText({ ...record, levels: [{ ...record.levels[0], variant: { amount: -1, opening: 2.5 } }] });
    const bad = parseRecord(text, "a.json");
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const line = text.split("\n").findIndex((l) => l.includes('"amount": -1')) + 1;
    expect(bad.error.map((e) => e.line)).toEqual([line, line + 1]);
  });
});
