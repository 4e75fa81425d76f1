// The instructors' command: `npm run -s levels -- check FILE|DIR... [--json] [--max-states N] [--no-reduce]`
// prints errors as file:line:column (where the engine placed them), or each level's verdict, and
// exits 0 only when all pass. `pack` builds a course's level pack, `grade` grades completion
// records against one, `test` plays every level's solution in Chromium, `scorm` packages a pack
// for an LMS.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseCampaign } from "../engine/index";
import { checkLevelText, emptyRecord, passes, type CheckRecord } from "./check";
import { gradeCommand } from "./grade-command";
import { packCommand } from "./pack-command";
import { printRecord } from "./print";
import { scormCommand } from "./scorm-command";
import { testCommand } from "./test-command";
import { USAGE } from "./usage";
import { DEFAULT_MAX_STATES } from "../solver/solve";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "pack") return packCommand(rest);
  if (command === "grade") return gradeCommand(rest);
  if (command === "test") return testCommand(rest);
  if (command === "scorm") return scormCommand(rest);
  if (command !== "check") {
    console.error(command ? `unknown command "${command}"\n\n${USAGE}` : USAGE);
    return 2;
  }
  let json = false;
  let reduce = true;
  let maxStates = DEFAULT_MAX_STATES;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--json") json = true;
    else if (arg === "--no-reduce") reduce = false;
    else if (arg === "--max-states") {
      maxStates = Number(rest[++i]);
      if (!Number.isInteger(maxStates) || maxStates < 1) {
        console.error(`--max-states needs a positive whole number\n\n${USAGE}`);
        return 2;
      }
    } else if (arg.startsWith("--")) {
      console.error(`unknown option "${arg}"\n\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    console.error(`no level files given\n\n${USAGE}`);
    return 2;
  }

  const records: CheckRecord[] = files.flatMap(filesOf).map((file) => {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String((e as Error).message);
      return { ...checkLevelText(file, ""), errors: [{ code: "io", message: `cannot read the file: ${reason}` }] };
    }
    if (basename(file) === "campaign.json") return checkCampaign(file, text);
    // The JSON Schema that sits beside the levels is not a level.
    if (file.endsWith(".schema.json")) return { ...emptyRecord(file), kind: "schema" as const, valid: true };
    return checkLevelText(file, text, maxStates, reduce);
  });

  // Ids are unique across the files checked together.
  const seen = new Map<string, string>();
  for (const r of records) {
    if (!r.valid || !r.id) continue;
    const other = seen.get(r.id);
    if (other) {
      r.valid = false;
      r.errors.push({ code: "duplicate-id", message: `id "${r.id}" is already used by ${other}`, path: "id" });
    } else seen.set(r.id, r.file);
  }

  if (json) {
    console.log(JSON.stringify(records.map(({ report: _r, ...r }) => r), null, 2));
  } else {
    for (const r of records) printRecord(r);
  }
  return records.every(passes) ? 0 : 1;
}

/** A level file as given, or a folder's .json files (not its subfolders), in name order. */
function filesOf(arg: string): string[] {
  let isFolder = false;
  try {
    isFolder = statSync(arg).isDirectory();
  } catch {
    return [arg]; // reported as unreadable below, with the reason
  }
  if (!isFolder) return [arg];
  return readdirSync(arg).filter((name) => name.endsWith(".json")).sort().map((name) => join(arg, name));
}

/** A campaign file: valid JSON of the right shape, naming levels that exist beside it. */
function checkCampaign(file: string, text: string): CheckRecord {
  const dir = dirname(file);
  const ids = new Set<string>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".json") || name === "campaign.json" || name.endsWith(".schema.json")) continue;
    const id = /"id"\s*:\s*"([^"]*)"/.exec(readFileSync(join(dir, name), "utf8"));
    if (id) ids.add(id[1]);
  }
  const parsed = parseCampaign(text, ids);
  return { ...emptyRecord(file), kind: "campaign", valid: parsed.ok, errors: parsed.ok ? [] : parsed.error };
}

process.exitCode = await main(process.argv.slice(2));
