// The JSON Schema of a level file (draft-07, which VS Code and Monaco read), made from the
// level schema. A face of its own: zod's JSON Schema writer is ~20 kB, and only the editor and
// `npm run schema` want it, not the play screens that parse levels with the same schema.

import * as z from "zod/mini";
import { LevelSchema } from "./level-schema";

/** The JSON Schema (draft-07, which VS Code and Monaco read) of a level file, for editors. */
export function levelJsonSchema(): Record<string, unknown> {
  // io "input": fields with a default are optional in the file.
  const { $schema, title, description, ...rest } = z.toJSONSchema(LevelSchema, { target: "draft-07", io: "input" });
  const properties = rest.properties as Record<string, unknown> | undefined;
  if (properties?.shared) properties.shared = allowPlaceholders(properties.shared);
  return { $schema, title, description, ...rest };
}

/** In "shared", a number may be written "{{name}}": each integer of the subschema also accepts that string. */
function allowPlaceholders(schema: unknown): unknown {
  const placeholder = { type: "string", pattern: "^\\{\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\}\\}$", description: "A parameter, {{name}}: its value." };
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    for (const [key, child] of Object.entries(node)) {
      if (typeof child === "object" && child !== null && (child as Record<string, unknown>).type === "integer") {
        (node as Record<string, unknown>)[key] = { anyOf: [child, placeholder] };
      } else stack.push(child);
    }
  }
  return schema;
}

/** The text of levels/level.schema.json: what `npm run schema` writes and a test compares. */
export function levelJsonSchemaText(): string {
  return `${JSON.stringify(levelJsonSchema(), null, 2)}\n`;
}
