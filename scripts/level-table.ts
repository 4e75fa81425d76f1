// Rewrites the table of levels in levels/README.md (between the level-table markers): every level
// of the campaign in order, with what the solver says about it, so instructors can see the
// difficulty of the campaign at a glance. It runs the same check as `npm run levels -- check`.
//
//   npx tsx scripts/level-table.ts           rewrite the table
//   npx tsx scripts/level-table.ts --check   exit 1 if the table is out of date (for CI)
//
// Either way it exits 1 when a level does not pass the check (the table would be wrong).

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkLevelText, passes, type CheckRecord } from "../src/cli/check";
import { parseCampaign } from "../src/engine/campaign";

const START = "<!-- level-table:start -->";
const END = "<!-- level-table:end -->";

const levelsDir = fileURLToPath(new URL("../levels/", import.meta.url));
const readmePath = `${levelsDir}README.md`;

interface Row {
  chapter: string;
  record: CheckRecord;
  title: string;
}

function levelIds(): string[] {
  return readdirSync(levelsDir)
    .filter((f) => f.endsWith(".json") && f !== "campaign.json" && !f.endsWith(".schema.json"))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();
}

/** Checks every level, the campaign's in campaign order, then any level the campaign leaves out. */
function collect(): { rows: Row[]; problems: string[] } {
  const problems: string[] = [];
  const ids = levelIds();
  const campaign = parseCampaign(readFileSync(`${levelsDir}campaign.json`, "utf8"), new Set(ids));
  if (!campaign.ok) {
    for (const e of campaign.error) problems.push(`levels/campaign.json${e.line ? `:${e.line}:${e.column}` : ""}: ${e.message}`);
    return { rows: [], problems };
  }
  const order: { chapter: string; id: string }[] = campaign.value.chapters.flatMap((c) => c.levels.map((id) => ({ chapter: c.title, id })));
  const listed = new Set(order.map((o) => o.id));
  for (const id of ids) if (!listed.has(id)) order.push({ chapter: "(not in the campaign)", id });

  const rows = order.map(({ chapter, id }) => {
    const file = `levels/${id}.json`;
    const text = readFileSync(`${levelsDir}${id}.json`, "utf8");
    const record = checkLevelText(file, text);
    if (!passes(record)) {
      const why = !record.valid
        ? record.errors.map((e) => e.message).join("; ")
        : record.solutionReplays === false
          ? `solution does not replay: ${record.solutionProblem}`
          : record.fix?.problem
            ? `fix-it: ${record.fix.problem}`
          : `verdict ${record.verdict}, but the level says it is ${record.report?.breakable ? "breakable" : "safe"}`;
      problems.push(`${file}: ${why}`);
    }
    let title = id;
    try {
      title = (JSON.parse(text) as { title?: string }).title ?? id;
    } catch {
      // an invalid file is reported above; its id stands in for the title
    }
    return { chapter, record, title };
  });
  return { rows, problems };
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

function renderTable(rows: Row[]): string {
  const lines = [
    "| # | Chapter | Level | Verdict | Outcome | Shortest | States |",
    "|--:|---------|-------|---------|---------|---------:|-------:|",
  ];
  rows.forEach(({ chapter, record: r, title }, i) => {
    if (r.fix) {
      // A fix-it level: what the broken code reaches, and how many states the reference fix's proof took.
      const states = r.fix.referenceStates === null ? "–" : r.fix.referenceStates.toLocaleString("en");
      lines.push(`| ${i + 1} | ${cell(chapter)} | [${cell(title)}](${r.id}.json) | fix-it | ${r.fix.brokenOutcome ?? ""} | ${r.fix.brokenShortest ?? "–"} | ${states} |`);
      return;
    }
    const verdict = r.verdict === "safe" ? "safe (prove it)" : (r.verdict ?? "invalid");
    const outcome = r.verdict === "breakable" ? (r.outcome ?? "") : "–";
    const shortest = r.verdict === "breakable" ? String(r.shortest) : "–";
    const states = r.states === null ? "–" : r.states.toLocaleString("en");
    lines.push(`| ${i + 1} | ${cell(chapter)} | [${cell(title)}](${r.id}.json) | ${verdict} | ${outcome} | ${shortest} | ${states} |`);
  });
  const levels = rows.length;
  const fixes = rows.filter((r) => r.record.fix).length;
  const safe = rows.filter((r) => !r.record.fix && r.record.verdict === "safe").length;
  const chapters = new Set(rows.map((r) => r.chapter)).size;
  const toFix = fixes > 0 ? `, ${fixes} to fix` : "";
  return `${lines.join("\n")}\n\n${levels} levels in ${chapters} chapters: ${levels - safe - fixes} to break, ${safe} to prove${toFix}.`;
}

function main(argv: string[]): number {
  const check = argv.includes("--check");
  const unknown = argv.filter((a) => a !== "--check");
  if (unknown.length > 0) {
    console.error(`unknown argument "${unknown[0]}"\n\nusage: npx tsx scripts/level-table.ts [--check]`);
    return 2;
  }
  const readme = readFileSync(readmePath, "utf8");
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    console.error(`levels/README.md needs the markers ${START} and ${END}, in that order`);
    return 1;
  }
  const { rows, problems } = collect();
  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s): fix them first (npm run -s levels -- check levels/*.json)`);
    return 1;
  }
  const updated = `${readme.slice(0, start + START.length)}\n${renderTable(rows)}\n${readme.slice(end)}`;
  if (check) {
    if (updated !== readme) {
      console.error("levels/README.md: the level table is out of date; run npx tsx scripts/level-table.ts");
      return 1;
    }
    console.log(`levels/README.md: the level table is up to date (${rows.length} levels)`);
    return 0;
  }
  if (updated !== readme) writeFileSync(readmePath, updated);
  console.log(`levels/README.md: ${updated === readme ? "the level table was already up to date" : "wrote the level table"} (${rows.length} levels)`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
