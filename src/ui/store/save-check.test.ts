// The save readers keep what they know and refuse the rest, whatever the input.

import { describe, expect, it } from "vitest";
import { either, INVALID, list, literal, object, oneOf, record, text } from "./save-check";

describe("save readers", () => {
  const solved = object({ solvedAt: text({ date: true }), moves: list(text({ max: 3 }), { max: 2 }) });

  it("give a fresh value with only the fields they know", () => {
    const input = { solvedAt: "2030-01-01T00:00:00.000Z", moves: ["A", "B"], extra: { deep: true } };
    const read = solved(input);
    expect(read).toEqual({ solvedAt: "2030-01-01T00:00:00.000Z", moves: ["A", "B"] });
    expect(read).not.toBe(input);
  });

  it("refuse wrong types, missing fields, bad dates, too long strings and lists", () => {
    for (const input of [null, [], "x", 3, {}, { solvedAt: "not a date", moves: [] }, { solvedAt: "2030-01-01", moves: ["ABCD"] },
      { solvedAt: "2030-01-01", moves: ["A", "B", "C"] }, { solvedAt: "2030-01-01", moves: [1] }, { solvedAt: "2030-01-01" }]) {
      expect(solved(input), JSON.stringify(input)).toBe(INVALID);
    }
  });

  it("with strict, refuse a field they do not know; optional fields may be missing", () => {
    const pack = object({ id: text({ pattern: /^[a-z]+$/ }), from: oneOf(["file", "link"]), src: text() }, { optional: ["src"], strict: true });
    expect(pack({ id: "abc", from: "file" })).toEqual({ id: "abc", from: "file" });
    expect(pack({ id: "abc", from: "link", src: "/p.json" })).toEqual({ id: "abc", from: "link", src: "/p.json" });
    expect(pack({ id: "abc", from: "file", more: 1 })).toBe(INVALID);
    expect(pack({ id: "ABC", from: "file" })).toBe(INVALID);
    expect(pack({ id: "abc", from: "src" })).toBe(INVALID);
  });

  it("read a record key by key, a bad key refusing it, and keep '__proto__' as a plain key", () => {
    const code = record(text({ max: 9 }), text());
    const read = code(JSON.parse('{ "__proto__": "x", "left": "y" }'));
    expect(read).not.toBe(INVALID);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.hasOwn(read as object, "__proto__")).toBe(true);
    expect(code({ "ten-chars!": "y" })).toBe(INVALID);
    expect(code({ left: 1 })).toBe(INVALID);
    expect(code(["y"])).toBe(INVALID);
  });

  it("take the first of several shapes that fits", () => {
    const how = either(object({ proof: literal(true) }, { strict: true }), object({ schedule: list(text()) }, { strict: true }));
    expect(how({ proof: true })).toEqual({ proof: true });
    expect(how({ schedule: ["A"] })).toEqual({ schedule: ["A"] });
    expect(how({ proof: false })).toBe(INVALID);
    expect(how({ proof: true, schedule: [] })).toBe(INVALID);
  });
});
