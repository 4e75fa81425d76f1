// The campaign levels the build writes as modules come back exactly as the engine reads them,
// so the level screen's fast path plays the same level the parser would give it.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parseLevel } from "../engine/index";
import { valueModule } from "./compiled-level-module";
import { campaignLevelLoad, readLevelCards } from "./vite-plugin-level-cards";

const LEVELS = join(import.meta.dirname, "../../levels");
const dir = mkdtempSync(join(tmpdir(), "compiled-"));
let modules = 0;

/** Imports the module `source` as a file, as the browser would load its chunk. */
async function imported(source: string): Promise<unknown> {
  const file = join(dir, `m${++modules}.mjs`);
  writeFileSync(file, source);
  return ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: unknown }).default;
}

describe("campaign levels compiled at build time", () => {
  it("come back equal to what the parser gives, typed arrays and shared objects included", async () => {
    const ids = Object.keys(readLevelCards(LEVELS));
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) {
      const text = readFileSync(join(LEVELS, `${id}.json`), "utf8");
      const load = campaignLevelLoad(id, text, parseLevel);
      if (!load.ok) throw new Error(`levels/${id}.json: ${load.error.map((e) => e.message).join("; ")}`);
      const back = (await imported(valueModule(load))) as typeof load;
      expect(back, id).toStrictEqual(load);
      if (!back.ok) continue;
      expect(back.value.program.spec).toBe(back.value.spec);
      expect(back.value.program.code).toBeInstanceOf(Int32Array);
    }
  });

  it("keep a broken level's errors, and refuse a level whose id is not its file's name", async () => {
    const broken = campaignLevelLoad("lost-update", '{ "id": "lost-update", ', parseLevel);
    expect(broken.ok).toBe(false);
    expect(await imported(valueModule(broken))).toStrictEqual(broken);
    const renamed = campaignLevelLoad("other-name", readFileSync(join(LEVELS, "lost-update.json"), "utf8"), parseLevel);
    expect(renamed).toMatchObject({ ok: false, error: [{ code: "id-mismatch", path: "id" }] });
  });

  it("write keys and values that look like code as data", async () => {
    const value = { ["__proto__"]: { polluted: true }, "a\"b": "</script>", n: [-0, 1.5, NaN, Infinity], u: undefined };
    const back = (await imported(valueModule(JSON.parse(JSON.stringify(value)) as unknown))) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.hasOwn(back, "__proto__")).toBe(true);
    expect(back["a\"b"]).toBe("</script>");
    expect(await imported(valueModule(value.n))).toStrictEqual([-0, 1.5, NaN, Infinity]);
    expect(() => valueModule({ at: new Map() })).toThrow("a Map cannot be written as a module");
  });
});
