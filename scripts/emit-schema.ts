// Writes levels/level.schema.json, the JSON Schema editors use to check level files as they are
// typed, from the zod schema in src/engine/level-schema.ts. Run `npm run schema` after changing it.

import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { levelJsonSchemaText } from "../src/engine/level-schema";

const file = fileURLToPath(new URL("../levels/level.schema.json", import.meta.url));
writeFileSync(file, levelJsonSchemaText());
console.log(`wrote ${file}`);
