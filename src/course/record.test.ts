// Reading a completion record: a good one comes back as data to grade; a broken one gives every
// error at its file, line and column. makeRecord writes what parseRecord reads.

import { describe, expect, it } from "vitest";
import { formatError } from "./errors";
import { loadPack } from "./pack";
import { makeRecord, parseRecord, recordText, type CompletionRecord } from "./record";
import { samplePackText } from "./testing";

const F = "records/ada.json";
const messages = (r: { ok: boolean; error?: unknown }) => (r.ok ? [] : (r.error as Parameters<typeof formatError>[0][]).map(formatError));
const H = `sha256-${"a".repeat(64)}`;
const T = "2026-12-07T18:00:00.000Z";

function recordJson(levels: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: "interleave-record", version: 1, student: "Ada Lovelace", pack: { id: "os-week3", hash: H }, createdAt: T, levels, ...extra }, null, 2);
}

describe("parseRecord", () => {
  it("reads a record with a schedule, a fix and a proof", () => {
    const text = recordJson([
      { id: "lost-update", hash: H, solvedAt: T, schedule: ["Teller Al", "Teller Bea"] },
      { id: "fix-lost-update", hash: H, solvedAt: T, fix: { "Teller Al": "m.lock();" } },
      { id: "peterson", hash: H, solvedAt: T, proof: true },
    ]);
    const r = parseRecord(text, F);
    expect(r).toEqual({
      ok: true,
      value: {
        format: "interleave-record", version: 1, student: "Ada Lovelace", pack: { id: "os-week3", hash: H }, createdAt: T,
        levels: [
          { id: "lost-update", hash: H, solvedAt: T, schedule: ["Teller Al", "Teller Bea"] },
          { id: "fix-lost-update", hash: H, solvedAt: T, fix: { "Teller Al": "m.lock();" } },
          { id: "peterson", hash: H, solvedAt: T, proof: true },
        ],
      },
    });
  });

  it("keeps a fix for a thread named __proto__ as the thread's code", () => {
    const text = recordJson([]).replace('"levels": []', `"levels": [{ "id": "a", "hash": "${H}", "solvedAt": "${T}", "fix": { "__proto__": "x = 1;" } }]`);
    const r = parseRecord(text, F);
    expect(r.ok).toBe(true);
    const fix = r.ok && "fix" in r.value.levels[0] ? r.value.levels[0].fix : {};
    expect(Object.entries(fix)).toEqual([["__proto__", "x = 1;"]]);
    expect(Object.getPrototypeOf(fix)).toBe(Object.prototype);
  });

  it("places a syntax error", () => {
    expect(messages(parseRecord('{\n  "format": "interleave-record",\n  "student": "Ada",\n}', F))).toEqual([`${F}:3:19: trailing commas are not allowed in JSON`]);
  });

  it("names wrong fields, a missing one and a bad date at their places", () => {
    const text = recordJson([{ id: "lost-update", hash: "sha1-x", solvedAt: "yesterday", schedule: [1] }], { student: "", createdAt: undefined, colour: "red" });
    expect(messages(parseRecord(text, F))).toEqual([
      `${F}:4:14: the student's name is empty (at student)`,
      `${F}:1:1: missing required field "createdAt" (at createdAt)`,
      `${F}:12:15: a hash is "sha256-" followed by 64 lower-case hex digits (at levels[0].hash)`,
      `${F}:13:19: "solvedAt" is a date and time like "2026-12-07T18:00:00.000Z" (at levels[0].solvedAt)`,
      `${F}:15:9: expected a string (at levels[0].schedule[0])`,
      `${F}:19:3: unknown field "colour" (at colour)`,
    ]);
  });

  it("wants exactly one of schedule, fix and proof, and each level once", () => {
    const text = recordJson([
      { id: "lost-update", hash: H, solvedAt: T },
      { id: "peterson", hash: H, solvedAt: T, proof: true, schedule: [] },
      { id: "peterson", hash: H, solvedAt: T, proof: true },
    ]);
    expect(messages(parseRecord(text, F)).map((m) => m.replace(/^[^:]+:\d+:\d+: /, ""))).toEqual([
      'a solved level gives one of "schedule", "fix" or "proof" (at levels[0])',
      'a solved level gives only one of "schedule", "fix" or "proof", not "schedule" and "proof" (at levels[1])',
      'level "peterson" is already in the record (at levels[2].id)',
    ]);
  });

  it("refuses a schedule of more than 10,000 moves", () => {
    const text = recordJson([{ id: "lost-update", hash: H, solvedAt: T, schedule: Array.from({ length: 10_001 }, () => "A") }]);
    expect(messages(parseRecord(text, F))).toEqual([`${F}:15:19: a schedule has at most 10,000 moves (at levels[0].schedule)`]);
  });
});

describe("makeRecord", () => {
  it("writes one entry per solved level of the pack, in the pack's order, with the pack's hashes; parseRecord reads it back", async () => {
    const loaded = await loadPack(await samplePackText(), "p.json");
    if (!loaded.ok) throw new Error("the sample pack loads");
    const pack = loaded.value;
    const record = makeRecord("  Ada  Lovelace ", pack, [
      { id: "peterson", solvedAt: "2026-12-07T18:05:00.000Z", proof: true },
      { id: "not-in-the-pack", solvedAt: T, proof: true },
      { id: "lost-update", solvedAt: T, schedule: ["Teller Al", "Teller Bea"] },
    ]);
    expect(record).toEqual<CompletionRecord>({
      format: "interleave-record", version: 1, student: "  Ada  Lovelace ", pack: { id: "os-week3", hash: pack.hash }, createdAt: "2026-12-07T18:05:00.000Z",
      levels: [
        { id: "lost-update", hash: pack.levels[0].hash, solvedAt: T, schedule: ["Teller Al", "Teller Bea"] },
        { id: "peterson", hash: pack.levels[2].hash, solvedAt: "2026-12-07T18:05:00.000Z", proof: true },
      ],
    });
    expect(parseRecord(recordText(record), F)).toEqual({ ok: true, value: record });
    expect(makeRecord("Ada", pack, [], T).createdAt).toBe(T);
  });
});
