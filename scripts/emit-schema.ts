// Writes the JSON Schemas editors check files with as they are typed: levels/level.schema.json
// from the zod schema in src/engine/level-schema.ts, and levels/pack.schema.json and
// levels/record.schema.json (a course's built pack, a student's completion record) from
// src/course. Run `npm run schema` after changing any of them.

import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { levelJsonSchemaText } from "../src/engine/level-json-schema";
import { packJsonSchemaText, recordJsonSchemaText } from "../src/course/schema";

for (const [name, text] of [["level", levelJsonSchemaText()], ["pack", packJsonSchemaText()], ["record", recordJsonSchemaText()]]) {
  const file = fileURLToPath(new URL(`../levels/${name}.schema.json`, import.meta.url));
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
