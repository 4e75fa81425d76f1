// The compact progress an LMS keeps in cmi.suspend_data: it round-trips a pack's solves, never
// exceeds SCORM 1.2's 4,096 characters (dropping code, then moves, then times, and keeping which
// levels are solved), restores nothing from another pack, and never throws on hostile text.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPack, type Pack } from "./pack";
import type { SolvedLevel } from "./record";
import { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_MAX } from "./suspend-data";
import { campaignLevel, samplePackText } from "./testing";

let pack: Pack;
const T = "2026-12-07T18:00:00.000Z";
const schedule = campaignLevel("lost-update").solution as string[];
const reference = (campaignLevel("fix-lost-update").fix as { reference: Record<string, string> }).reference;
const all: SolvedLevel[] = [
  { id: "lost-update", solvedAt: T, schedule },
  { id: "fix-lost-update", solvedAt: "2026-12-07T18:05:09.000Z", fix: reference },
  { id: "peterson", solvedAt: T, proof: true },
];

beforeAll(async () => {
  const loaded = await loadPack(await samplePackText(), "os-week3.json");
  if (!loaded.ok) throw new Error(loaded.error[0].message);
  pack = loaded.value;
});

describe("suspend_data", () => {
  it("round-trips every kind of solve, with its time to the second", () => {
    const text = encodeSuspendData(pack, all);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_MAX);
    const back = decodeSuspendData(pack, text);
    expect(back.solvedIds).toEqual(["lost-update", "fix-lost-update", "peterson"]);
    expect(back.solved).toEqual(all);
  });

  it("keeps a long schedule's moves compactly, one character a move", () => {
    const long = Array.from({ length: 2000 }, (_, i) => schedule[i % schedule.length]);
    const text = encodeSuspendData(pack, [{ id: "lost-update", solvedAt: T, schedule: long }]);
    expect(text.length).toBeLessThan(2200);
    expect(decodeSuspendData(pack, text).solved).toEqual([{ id: "lost-update", solvedAt: T, schedule: long }]);
  });

  it("drops fixed code, then schedules, when the whole does not fit, and still says which levels are solved", () => {
    const bigFix = Object.fromEntries(Object.keys(reference).map((k) => [k, "x".repeat(3000)]));
    const text = encodeSuspendData(pack, [{ ...all[0] }, { id: "fix-lost-update", solvedAt: T, fix: bigFix }, all[2]]);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_MAX);
    const back = decodeSuspendData(pack, text);
    expect(back.solvedIds).toEqual(["lost-update", "fix-lost-update", "peterson"]);
    expect(back.solved.map((s) => s.id)).toEqual(["lost-update", "peterson"]);

    const hugeMoves = Array.from({ length: 5000 }, (_, i) => `move ${i}`);
    const squeezed = encodeSuspendData(pack, [{ id: "lost-update", solvedAt: T, schedule: hugeMoves }, all[2]]);
    expect(squeezed.length).toBeLessThanOrEqual(SUSPEND_DATA_MAX);
    expect(decodeSuspendData(pack, squeezed)).toEqual({ solvedIds: ["lost-update", "peterson"], solved: [all[2]] });
  });

  it("keeps levels known to be solved without their moves, so a later save does not lose them", () => {
    const text = encodeSuspendData(pack, [all[2]], { alsoSolved: ["lost-update", "peterson", "not-in-pack"] });
    expect(decodeSuspendData(pack, text)).toEqual({ solvedIds: ["lost-update", "peterson"], solved: [all[2]] });
  });

  it("is never over 4,096 characters, whatever was solved", () => {
    const solve = fc.oneof(
      fc.record({ schedule: fc.array(fc.string({ maxLength: 30 }), { maxLength: 3000 }) }),
      fc.record({ fix: fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 5000 }), { maxKeys: 3 }) }),
      fc.constant({ proof: true as const }),
    );
    fc.assert(
      fc.property(fc.tuple(solve, solve, solve), (solves) => {
        const solved = solves.map((s, i) => ({ id: pack.levels[i].id, solvedAt: T, ...s }) as SolvedLevel);
        const text = encodeSuspendData(pack, solved);
        expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_MAX);
        expect(decodeSuspendData(pack, text).solvedIds).toEqual(pack.levels.map((l) => l.id));
      }),
      { numRuns: 60 },
    );
  });

  it("restores nothing from another pack, another level version, or garbage", () => {
    const text = encodeSuspendData(pack, all);
    const otherPack = { ...pack, hash: `sha256-${"0".repeat(64)}` };
    expect(decodeSuspendData(otherPack, text)).toEqual({ solved: [], solvedIds: [] });
    const changed = { ...pack, levels: pack.levels.map((l, i) => (i === 0 ? { ...l, hash: `sha256-${"f".repeat(64)}` } : l)) };
    expect(decodeSuspendData(changed, text).solvedIds).toEqual(["fix-lost-update", "peterson"]);
    for (const bad of ["", "{", "null", "[]", '{"v":1}', "x".repeat(100_000), '{"v":1,"p":"","l":[[0]]}']) expect(decodeSuspendData(pack, bad)).toEqual({ solved: [], solvedIds: [] });
  });

  it("never throws on hostile text, and restores only levels of the pack", () => {
    const p = () => pack.hash.slice(7, 19);
    const entry = fc.array(fc.oneof(fc.integer({ min: -2, max: 5 }), fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 })), { maxLength: 6 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.array(entry, { maxLength: 8 }).map((l) => JSON.stringify({ v: 1, p: p(), l }))), (text) => {
        const back = decodeSuspendData(pack, text);
        const ids = new Set(pack.levels.map((l) => l.id));
        expect(back.solvedIds.every((id) => ids.has(id))).toBe(true);
        expect(new Set(back.solvedIds).size).toBe(back.solvedIds.length);
      }),
      { numRuns: 300 },
    );
    expect(decodeSuspendData(pack, JSON.stringify({ v: 1, p: p(), l: [[0, pack.levels[0].hash.slice(7, 15), "zzzzzzzz", "s", [["__proto__"], "0"]]] })).solved.length).toBe(1);
  });
});
