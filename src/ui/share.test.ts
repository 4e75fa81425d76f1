import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { decodeLevelLink, encodeLevelLink, LevelLinkError, MAX_LEVEL_BYTES } from "./share";

const level = readFileSync(new URL("../../levels/lost-update.json", import.meta.url), "utf8");

describe("level links", () => {
  it("round-trips a level's text exactly, Unicode included", async () => {
    const text = `${level}\n// “quotes”, émigré, 日本, 🧵`;
    expect(await decodeLevelLink(await encodeLevelLink(text))).toBe(text);
  });

  it("is base64url without padding, and shorter than the JSON", async () => {
    const data = await encodeLevelLink(level);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(data.length).toBeLessThan(level.length);
  });

  it("is raw DEFLATE: a known small input encodes to known bytes", async () => {
    // deflate-raw of "a" is the fixed-Huffman block 4b 04 00.
    expect(await encodeLevelLink("a")).toBe("SwQA");
    expect(await decodeLevelLink("SwQA")).toBe("a");
  });

  it("rejects text that is not base64url", async () => {
    await expect(decodeLevelLink("not base64!")).rejects.toThrow(LevelLinkError);
    await expect(decodeLevelLink("")).rejects.toThrow("not base64url");
  });

  it("rejects base64url that does not inflate", async () => {
    await expect(decodeLevelLink("AAAAAAAA")).rejects.toThrow(/damaged|decompress/);
  });

  it("refuses a link that inflates past the size limit", async () => {
    const bomb = await encodeLevelLink("x".repeat(MAX_LEVEL_BYTES + 1));
    await expect(decodeLevelLink(bomb)).rejects.toThrow(/larger than/);
  });
});
