// The content hash: the same level hashes the same whatever its file's spacing and key order;
// any change to its content changes the hash.

import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, levelHash, packHash } from "./hash";
import { campaignLevel } from "./testing";

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps arrays in order", () => {
    expect(canonicalJson({ b: [3, { z: 1, a: "x" }], a: null, c: { y: true, x: 1.5 } })).toBe('{"a":null,"b":[3,{"a":"x","z":1}],"c":{"x":1.5,"y":true}}');
  });

  it("is JSON that reads back to the same value, whatever the order of its keys", () => {
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const text = canonicalJson(v);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(reversed(v))).toBe(text);
      }),
    );
  });

  it("writes values nested 100,000 deep without recursion", () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { k: deep };
    expect(canonicalJson(deep).length).toBe(50_000 * '{"k":}'.length + 50_000 * "[]".length + 1);
  });

  it("keeps a __proto__ key that JSON.parse made an own field", () => {
    expect(canonicalJson(JSON.parse('{"__proto__": {"x": 1}, "a": 2}'))).toBe('{"__proto__":{"x":1},"a":2}');
  });
});

describe("levelHash", () => {
  it("is sha256- and the hex SHA-256 of the canonical JSON", async () => {
    const level = campaignLevel("lost-update");
    const expected = createHash("sha256").update(canonicalJson(level)).digest("hex");
    expect(await levelHash(level)).toBe(`sha256-${expected}`);
  });

  it("ignores spacing and key order but not content", async () => {
    const level = campaignLevel("lost-update");
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(level).reverse()), null, 4));
    expect(await levelHash(reordered)).toBe(await levelHash(level));
    const threads = level.threads as { code: string }[];
    const changed = { ...level, threads: [{ ...threads[0], code: threads[0].code.replace("100", "101") }, threads[1]] };
    expect(await levelHash(changed)).not.toBe(await levelHash(level));
  });

  it("packHash leaves out $schema and hash and reads only the file's fields", async () => {
    const pack = { format: "interleave-pack", version: 1, id: "p", title: "P", chapters: [{ title: "C", levels: ["a"] }], levels: [{ hash: "sha256-0", level: { id: "a" } }] };
    const base = await packHash(pack);
    expect(await packHash({ ...pack, $schema: "x", hash: "y", parsedExtra: 1 } as typeof pack)).toBe(base);
    expect(await packHash({ ...pack, title: "Q" })).not.toBe(base);
  });
});
