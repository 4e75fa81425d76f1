// Packs and records come from strangers: no text makes parsePack, verifyPack or parseRecord
// throw. Random strings, random JSON, JSON nested past any stack, every name a plain object
// answers to (__proto__, constructor ...) as a key, and good files with one value swapped.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePack, verifyPack } from "./pack";
import { parseRecord } from "./record";
import { samplePackText } from "./testing";

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
const key = fc.oneof(fc.constantFrom(...PROTO_NAMES, "format", "version", "levels", "level", "hash", "fix", "schedule", "proof", "id", "threads", "chapters"), fc.string());
/** JSON text from entries, so a key may be "__proto__" (JSON.stringify of an object drops it). */
const { value } = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
    fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`),
  ),
}));

const H = `sha256-${"0".repeat(64)}`;
const RECORD = {
  format: "interleave-record", version: 1, student: "Ada", pack: { id: "os-week3", hash: H }, createdAt: "2026-12-07T18:00:00.000Z",
  levels: [
    { id: "lost-update", hash: H, solvedAt: "2026-12-07T18:00:00.000Z", schedule: ["Teller Al"] },
    { id: "fix-lost-update", hash: H, solvedAt: "2026-12-07T18:00:00.000Z", fix: { "Teller Al": "x = 1;" } },
  ],
};

/** Every path to a value in `v`, objects' keys and arrays' indexes, breadth first, at most `max`. */
function pathsOf(v: unknown, max = 400): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: [unknown, (string | number)[]][] = [[v, []]];
  while (queue.length > 0 && out.length < max) {
    const [node, path] = queue.shift()!;
    out.push(path);
    if (Array.isArray(node)) node.forEach((x, i) => queue.push([x, [...path, i]]));
    else if (node && typeof node === "object") for (const [k, x] of Object.entries(node)) queue.push([x, [...path, k]]);
  }
  return out;
}

/** `json` with the value at `path` replaced by the text `replacement`. */
function swapAt(json: unknown, path: (string | number)[], replacement: string): string {
  const marker = "\u0000SWAP\u0000";
  if (path.length === 0) return replacement;
  const copy = structuredClone(json) as Record<string | number, unknown>;
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  node[path[path.length - 1]] = marker;
  return JSON.stringify(copy).replace(JSON.stringify(marker), replacement);
}

async function neverThrows(text: string) {
  const record = parseRecord(text, "r.json");
  if (!record.ok) expect(record.error.every((e) => typeof e.message === "string" && e.line! >= 1 && e.column! >= 1)).toBe(true);
  const pack = parsePack(text, "p.json");
  if (pack.ok) await verifyPack(pack.value);
  else expect(pack.error.every((e) => typeof e.message === "string" && (e.inFile ?? e).line! >= 1)).toBe(true);
}

describe("hostile packs and records", () => {
  it("no string makes them throw", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: "binary" })), neverThrows), { numRuns: 300 });
  });

  it("no JSON makes them throw, whatever its keys", async () => {
    await fc.assert(fc.asyncProperty(value, neverThrows), { numRuns: 300 });
  });

  it("JSON nested 100,000 deep is refused at its place", () => {
    for (const text of ["[".repeat(100_000), `{"levels":${"[".repeat(100_000)}${"]".repeat(100_000)}}`, '{"a":'.repeat(50_000)]) {
      for (const r of [parseRecord(text, "r.json"), parsePack(text, "p.json")]) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error[0].message).toMatch(/nests more than 100 levels deep/);
      }
    }
  });

  it("a good record with any one value swapped for hostile JSON does not make parseRecord throw", async () => {
    const paths = pathsOf(RECORD);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...paths), value, async (path, replacement) => neverThrows(swapAt(RECORD, path, replacement))), { numRuns: 400 });
  });

  it("a good pack with any one value swapped for hostile JSON does not make parsePack or verifyPack throw", async () => {
    const pack = JSON.parse(await samplePackText()) as unknown;
    const paths = pathsOf(pack);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...paths), value, async (path, replacement) => neverThrows(swapAt(pack, path, replacement))), { numRuns: 200 });
  });
});
