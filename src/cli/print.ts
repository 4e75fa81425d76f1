// How `levels check` (and `levels pack`, which checks every level it packs) prints a check
// record: errors as file:line:column, or the level's verdict and what its solution does.

import { passes, variantLines, type CheckRecord } from "./check";

export function printRecord(r: CheckRecord) {
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
