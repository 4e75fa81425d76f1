// The committed levels/level.schema.json must be what `npm run schema` writes from the zod schema
// today, so editors never check level files against a stale copy.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { levelJsonSchema, levelJsonSchemaText } from "./level-json-schema";

describe("levels/level.schema.json", () => {
  it("is up to date with the zod schema (run `npm run schema` to regenerate it)", () => {
    const committed = readFileSync(new URL("../../levels/level.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(levelJsonSchemaText());
  });

  it("is draft-07 with a title, accepts $schema and describes every field", () => {
    const schema = levelJsonSchema() as { $schema: string; title: string; properties: Record<string, { description?: string }> };
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.title).toBe("Interleave level");
    expect(Object.keys(schema.properties)).toContain("$schema");
    const undescribed = Object.entries(schema.properties).filter(([, p]) => !p.description).map(([name]) => name);
    expect(undescribed).toEqual([]);
  });
});

describe("zod in the game", () => {
  it("is zod/mini everywhere: classic zod alone would put 26 kB gzip on every screen", async () => {
    const { readdirSync } = await import("node:fs");
    const root = new URL("../", import.meta.url);
    const sources = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    const classic = sources.filter((f) => /from\s+"zod(\/v4)?"/.test(readFileSync(new URL(f, root), "utf8")));
    expect(sources.length).toBeGreaterThan(50);
    expect(classic).toEqual([]);
  });
});
