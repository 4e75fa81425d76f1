// The committed levels/pack.schema.json and levels/record.schema.json must be what `npm run
// schema` writes from the loaders' zod schemas today, so editors never check against a stale copy.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packJsonSchema, packJsonSchemaText, recordJsonSchema, recordJsonSchemaText } from "./schema";

const committed = (name: string) => readFileSync(new URL(`../../levels/${name}.schema.json`, import.meta.url), "utf8");
type Schema = { $schema: string; title: string; required: string[]; properties: Record<string, { description?: string }> };

describe("levels/pack.schema.json and levels/record.schema.json", () => {
  it("are up to date with the zod schemas (run `npm run schema` to regenerate them)", () => {
    expect(committed("pack")).toBe(packJsonSchemaText());
    expect(committed("record")).toBe(recordJsonSchemaText());
  });

  it.each([
    ["pack", packJsonSchema() as Schema, "Interleave level pack", ["format", "version", "id", "title", "chapters", "levels", "hash"]],
    ["record", recordJsonSchema() as Schema, "Interleave completion record", ["format", "version", "student", "pack", "createdAt", "levels"]],
  ])("the %s schema is draft-07 with a title, requires what the loader requires and describes every field", (_name, schema, title, required) => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.title).toBe(title);
    expect(schema.required).toEqual(required);
    expect(Object.entries(schema.properties).filter(([, p]) => !p.description).map(([name]) => name)).toEqual([]);
  });

  it("checks an embedded level with the level schema, and a record's level has exactly one answer", () => {
    const pack = packJsonSchema() as { properties: { levels: { items: { properties: { level: unknown } } } } };
    expect(pack.properties.levels.items.properties.level).toEqual({ $ref: "./level.schema.json", description: "A whole level file's JSON, id included." });
    const record = recordJsonSchema() as { properties: { levels: { items: { oneOf: unknown } } } };
    expect(record.properties.levels.items.oneOf).toEqual([{ required: ["schedule"] }, { required: ["fix"] }, { required: ["proof"] }]);
  });
});
