// The JSON Schemas of a built pack and of a completion record (levels/pack.schema.json and
// levels/record.schema.json), made from the same zod schemas the loaders use, as the level
// schema is. `npm run schema` writes them; a test holds the committed files to this.

import * as z from "zod/mini";
import { PackSchema } from "./pack";
import { RecordSchema } from "./record";

function jsonSchema(schema: z.ZodMiniType): Record<string, unknown> {
  const { $schema, title, description, ...rest } = z.toJSONSchema(schema, { target: "draft-07", io: "input" });
  return { $schema, title, description, ...rest };
}

type Properties = Record<string, Record<string, unknown>>;

export function packJsonSchema(): Record<string, unknown> {
  const schema = jsonSchema(PackSchema);
  // An embedded level is checked as a level file is, by the level schema beside this one.
  const levels = (schema.properties as Properties).levels as { items: { properties: Properties } };
  const level = levels.items.properties.level;
  levels.items.properties.level = { $ref: "./level.schema.json", description: level.description };
  return schema;
}

export function recordJsonSchema(): Record<string, unknown> {
  const schema = jsonSchema(RecordSchema);
  // What parseRecord checks beyond the shape: exactly one of schedule, fix and proof per level.
  const levels = (schema.properties as Properties).levels as { items: Record<string, unknown> };
  levels.items.oneOf = ["schedule", "fix", "proof"].map((field) => ({ required: [field] }));
  return schema;
}

export const packJsonSchemaText = () => `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
export const recordJsonSchemaText = () => `${JSON.stringify(recordJsonSchema(), null, 2)}\n`;
