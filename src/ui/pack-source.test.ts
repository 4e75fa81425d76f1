import { describe, expect, it } from "vitest";
import { encodeLevelLink } from "./share";
import { decodePackLink, fileNamePart, MAX_PACK_BYTES, packSrcUrl, PackSourceError, readPackFile } from "./pack-source";

const BASE = "https://example.org/interleave/index.html";

describe("a pack's address on this site", () => {
  it.each([
    ["packs/os-week3.json", "https://example.org/interleave/packs/os-week3.json"],
    ["os-week3.json", "https://example.org/interleave/os-week3.json"],
    ["packs/week 3.json", "https://example.org/interleave/packs/week%203.json"],
  ])("opens %s", (src, url) => {
    expect(packSrcUrl(src, BASE).href).toBe(url);
  });

  it.each([
    ["https://evil.example/pack.json", "is not a path on this site"],
    ["//evil.example/pack.json", "is not a path on this site"],
    ["/packs/os-week3.json", "is not a path on this site"],
    ["javascript:alert(1)", "is not a path on this site"],
    ["data:application/json,{}", "is not a path on this site"],
    ["../secret.json", "is not a plain path"],
    ["packs/../../x.json", "is not a plain path"],
    ["packs/%2e%2e/x.json", "is not a plain path"],
    ["packs\\x.json", "is not a plain path"],
    ["packs/x.json?y", "is not a plain path"],
    ["", "empty or too long"],
  ])("refuses %s", (src, why) => {
    expect(() => packSrcUrl(src, BASE)).toThrow(PackSourceError);
    expect(() => packSrcUrl(src, BASE)).toThrow(why);
  });
});

describe("a pack in a link", () => {
  it("round-trips like a level link, and stops past the pack limit", async () => {
    const text = '{"format": "interleave-pack", "title": "Semaine 3 — les verrous"}';
    expect(await decodePackLink(await encodeLevelLink(text))).toBe(text);
    const huge = await encodeLevelLink(" ".repeat(MAX_PACK_BYTES + 1));
    await expect(decodePackLink(huge)).rejects.toThrow(`the pack in this link is larger than ${MAX_PACK_BYTES} bytes`);
    await expect(decodePackLink("not base64!")).rejects.toThrow("the link's pack data is not base64url text");
  });
});

describe("a pack file", () => {
  it("is read as UTF-8 text, without a byte-order mark; anything else is refused", async () => {
    expect(await readPackFile(new File(["\uFEFF{}"], "p.json"))).toBe("{}");
    await expect(readPackFile(new File([new Uint8Array([0xff, 0xfe, 0x00])], "p.bin"))).rejects.toThrow("“p.bin” is not UTF-8 text");
    await expect(readPackFile(new File(["12345"], "big.json"), 4)).rejects.toThrow("“big.json” is larger than 4 bytes");
  });
});

describe("a record's file name", () => {
  it.each([
    ["Ada Lovelace", "ada-lovelace"],
    ["  Zoë  O'Brien ", "zoë-o-brien"],
    ["../../etc/passwd", "etc-passwd"],
    ["李雷", "李雷"],
    ["???", "student"],
  ])("%s -> %s", (name, part) => {
    expect(fileNamePart(name)).toBe(part);
  });
});
