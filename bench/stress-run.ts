// The stress level's timed runs, in a process of their own: `solverBench()` bundles this file
// with Vite, as the app's solver is bundled for the browser's workers, and runs it with plain
// `node`, so the figures are the shipped solver's and not tsx's (whose on-the-fly transform and
// loader cost the search loop about 15%). Prints one JSON line: { runs, peakRssKB }.
//
//   node bench/out/stress-run/stress-run.js RUNS MAX_STATES [LEVEL] [plain|por|reduce]
//
// LEVEL is one of the generated bench levels (solver.ts, BENCH_LEVELS), the stress level by
// default; `por` solves with partial-order reduction alone, `reduce` with partial-order
// reduction and symmetry (src/solver/REDUCTION.md).

import { benchProgram, STRESS_ID, timedSolve, type LevelRun, type SolveMode } from "./solver";

export interface StressRuns {
  runs: LevelRun[];
  /** Peak resident set size of this process, which only solves the stress level (kilobytes). */
  peakRssKB: number;
}

const [runs, maxStates] = process.argv.slice(2, 4).map(Number);
const level = process.argv[4] ?? STRESS_ID;
const mode = (process.argv[5] ?? "plain") as SolveMode;
const program = benchProgram(level);
const out: StressRuns = { runs: [], peakRssKB: 0 };
for (let k = 0; k < runs; k++) {
  out.runs.push(timedSolve(level, program, false, maxStates, mode));
  // Let the last run's arrays go before the next one allocates its own.
  await new Promise((resolve) => setTimeout(resolve, 0));
}
out.peakRssKB = process.resourceUsage().maxRSS;
console.log(JSON.stringify(out));
