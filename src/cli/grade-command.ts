// `levels grade PACK.json RECORD.json... [--csv]`: grades completion records (files, or folders
// of them) against a built pack and prints the table, student by level, with every rejection's
// reason; --csv prints it for a spreadsheet. Exit status 0 only when every record verified.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { allVerified, gradeRecords, gradeTableCsv, gradeTableText } from "../course/grade";
import { readPackArg } from "./pack-file";
import { USAGE } from "./usage";

export async function gradeCommand(args: string[]): Promise<number> {
  let csv = false;
  const files: string[] = [];
  for (const arg of args) {
    if (arg === "--csv") csv = true;
    else if (arg.startsWith("--")) return usage(`unknown option "${arg}"`);
    else files.push(arg);
  }
  const [packFile, ...recordArgs] = files;
  if (!packFile) return usage("no pack given");
  if (recordArgs.length === 0) return usage("no completion records given");

  const loaded = await readPackArg(packFile);
  if (!loaded) return 1;

  const records = recordArgs.flatMap(recordFiles).map((file) => {
    const text = read(file);
    // Graded all the same: as an empty file, every level rejected.
    if (text === null) console.error(`${file}: cannot read the file`);
    return { file, text: text ?? "" };
  });
  if (records.length === 0) {
    console.error(`no .json files in ${recordArgs.join(", ")}`);
    return 1;
  }
  const table = await gradeRecords(loaded.pack, records);
  process.stdout.write(csv ? gradeTableCsv(table) : gradeTableText(table));
  return allVerified(table) ? 0 : 1;
}

/** A record file, or the .json files of a folder of them, in name order. */
function recordFiles(arg: string): string[] {
  try {
    if (statSync(arg).isDirectory()) return readdirSync(arg).filter((n) => n.endsWith(".json")).sort().map((n) => join(arg, n));
  } catch {
    // A file that cannot be read is graded as malformed, by its name.
  }
  return [arg];
}

function read(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function usage(problem: string): number {
  console.error(`${problem}\n\n${USAGE}`);
  return 2;
}
