// The instructors' command: `npm run -s levels -- check FILE... [--json] [--max-states N] [--no-reduce]`.
// Prints errors as file:line:column (where the engine placed them), or each level's verdict;
// exits 0 only when all pass.

import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseCampaign } from "../engine/index";
import { checkLevelText, emptyRecord, passes, variantLines, type CheckRecord } from "./check";
import { DEFAULT_MAX_STATES } from "../solver/solve";

const USAGE = `usage: npm run -s levels -- check FILE... [--json] [--max-states N] [--no-reduce]

  check     validate each level, explore every interleaving, replay its solution
  --json    print one JSON array with a record per file
  --max-states N   give up (verdict "unknown") after N states; default ${DEFAULT_MAX_STATES.toLocaleString("en")}
  --no-reduce      prove without partial-order reduction (same verdicts, more states)`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
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

  const records: CheckRecord[] = files.map((file) => {
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

function printRecord(r: CheckRecord) {
  if (r.kind === "schema") return;
  if (r.kind === "campaign" && r.valid) {
    console.log(`ok   ${r.file}: campaign`);
    return;
  }
  if (!r.valid) {
    for (const e of r.errors) {
      let where = r.file;
      let suffix = "";
      if (e.inFile) {
        // An error in code: at its place in the file, and where it is in the code.
        where += `:${e.inFile.line}:${e.inFile.column}`;
        suffix = ` (in ${e.path}, line ${e.line}, col ${e.column})`;
      } else if (e.line && e.column) {
        where += `:${e.line}:${e.column}`;
        if (e.path) suffix = ` (at ${e.path})`;
      }
      console.log(`${where}: ${e.message}${suffix}`);
    }
    return;
  }
  const ok = passes(r);
  const mark = ok ? "ok  " : "FAIL";
  const stats = `${r.states!.toLocaleString("en")} states, ${r.ms} ms`;
  if (r.fix) {
    const f = r.fix;
    const brokenPart = f.brokenVerdict === "broken" ? `broken code fails (${f.brokenOutcome} in ${f.brokenShortest} steps)` : `broken code does not fail (${f.brokenVerdict})`;
    const referencePart =
      f.referenceVerdict === "fixed"
        ? `reference fix holds (${f.referenceStates!.toLocaleString("en")} states, ${f.referenceMs} ms)`
        : `reference fix does not hold (${f.referenceVerdict})`;
    console.log(`${mark} ${r.file}: fix-it: ${brokenPart}; ${referencePart}`);
    if (f.brokenSchedule) console.log(`     shortest: ${f.brokenSchedule.join(", ")}`);
    if (f.problem) console.log(`     ${f.problem}`);
  } else if (r.verdict === "breakable") {
    console.log(`${mark} ${r.file}: breakable: ${r.outcome} in ${r.shortest} steps (${stats})`);
    console.log(`     shortest: ${r.schedule!.join(", ")}`);
  } else if (r.verdict === "safe") {
    console.log(`${mark} ${r.file}: safe: no interleaving wins (${stats})`);
  } else {
    console.log(`${mark} ${r.file}: unknown: the state budget ran out (${stats}); try --max-states`);
  }
  if (r.report?.claim) console.log(`     ${r.report.claim}`);
  if (r.solutionReplays === true) console.log(`     solution replays to a win`);
  if (r.solutionReplays === false) console.log(`     solution does not replay: ${r.solutionProblem}`);
  for (const line of variantLines(r)) console.log(line);
}

process.exitCode = main(process.argv.slice(2));
