// The stress level's timed runs, in a process of their own: `solverBench()` bundles this file
// with Vite, as the app's solver is bundled for the browser's workers, and runs it with plain
// `node`, so the figures are the shipped solver's and not tsx's (whose on-the-fly transform and
// loader cost the search loop about 15%). Prints one JSON line: { runs, peakRssKB }.
//
//   node bench/out/stress-run/stress-run.js RUNS MAX_STATES

import { STRESS_ID, stressProgram, timedSolve, type LevelRun } from "./solver";

export interface StressRuns {
  runs: LevelRun[];
  /** Peak resident set size of this process, which only solves the stress level (kilobytes). */
  peakRssKB: number;
}

const [runs, maxStates] = process.argv.slice(2).map(Number);
const program = stressProgram();
const out: StressRuns = { runs: [], peakRssKB: 0 };
for (let k = 0; k < runs; k++) {
  out.runs.push(timedSolve(STRESS_ID, program, false, maxStates));
  // Let the last run's arrays go before the next one allocates its own.
  await new Promise((resolve) => setTimeout(resolve, 0));
}
out.peakRssKB = process.resourceUsage().maxRSS;
console.log(JSON.stringify(out));
