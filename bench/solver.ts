// `npm run bench`, solver section: solves every campaign level and the generated stress level
// with the breadth-first solver, and reports states, speed and memory. It prints numbers and
// never fails on speed: it is a measurement, not a test.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { join } from "node:path";
import { parseCampaign } from "../src/engine/campaign";
import { parseLevel, type Program } from "../src/engine/index";
import { DEFAULT_MAX_STATES, solve, type SolveResult } from "../src/solver/solve";
import { BENCH_DIR, fixed, heading, int, median, OUT_DIR, ROOT_DIR, table, writeJson } from "./report";
import type { StressRuns } from "./stress-run";
import { producersConsumersLevelText, readersWritersLevelText, stressLevelText } from "./stress";

/** The stress level has about 6.4 million states: more than the default budget. */
export const STRESS_MAX_STATES = 50_000_000;
export const STRESS_RUNS = 3;
export const STRESS_ID = "stress-philosophers";
const TARGET_STATES_PER_SECOND = 1_000_000;

export interface LevelRun {
  level: string;
  /** What the level file says: true when it should be breakable. */
  breakable: boolean;
  verdict: SolveResult["verdict"];
  outcome: string | null;
  /** Moves in the shortest winning schedule. */
  shortest: number | null;
  states: number;
  depth: number;
  ms: number;
  statesPerSecond: number;
  bytesPerState: number;
}

export interface SolverReport {
  date: string;
  machine: { cpu: string; cores: number; node: string; platform: string };
  levels: LevelRun[];
  stress: {
    level: string;
    maxStates: number;
    runs: LevelRun[];
    bestStatesPerSecond: number;
    medianStatesPerSecond: number;
    bestMs: number;
    medianMs: number;
    targetStatesPerSecond: number;
    /** Peak resident set size of the process that made the runs (kilobytes). */
    peakRssKB: number;
    /** One more run, in this process under tsx, as `npm run levels` runs the solver. */
    underTsx: LevelRun;
  };
}

/** Loads and compiles `levels/<id>.json`. */
export function loadLevel(id: string): { program: Program; breakable: boolean } {
  const file = join(ROOT_DIR, "levels", `${id}.json`);
  const parsed = parseLevel(readFileSync(file, "utf8"), `levels/${id}.json`);
  if (!parsed.ok) throw new Error(`levels/${id}.json: ${parsed.error.map((e) => e.message).join("; ")}`);
  return { program: parsed.value.program, breakable: parsed.value.spec.breakable };
}

export function stressProgram(): Program {
  return benchProgram(STRESS_ID);
}

/** The generated levels of the bench (bench/stress.ts), by id: the stress level, and the two
 *  that the reduction is measured on besides it. */
export const BENCH_LEVELS: Record<string, () => string> = {
  [STRESS_ID]: () => stressLevelText(),
  "producers-consumers": () => producersConsumersLevelText(),
  "readers-writers": () => readersWritersLevelText(),
};

export function benchProgram(id: string): Program {
  const parsed = parseLevel(BENCH_LEVELS[id](), id);
  if (!parsed.ok) throw new Error(`${id}: ${parsed.error.map((e) => e.message).join("; ")}`);
  return parsed.value.program;
}

/** Level ids of the campaign, in order. */
export function campaignLevelIds(): string[] {
  const parsed = parseCampaign(readFileSync(join(ROOT_DIR, "levels", "campaign.json"), "utf8"));
  if (!parsed.ok) throw new Error(`levels/campaign.json: ${parsed.error.map((e) => e.message).join("; ")}`);
  return parsed.value.chapters.flatMap((c) => c.levels);
}

/**
 * Bundles bench/stress-run.ts with Vite, the app's bundler, minified as for the browser, and
 * returns the arguments that make `node` run it.
 */
let bundled: Promise<string[]> | null = null;
export function bundleStressRun(): Promise<string[]> {
  bundled ??= bundle();
  return bundled;
}

async function bundle(): Promise<string[]> {
  const outDir = join(OUT_DIR, "stress-run");
  const { build } = await import("vite");
  await build({
    configFile: false,
    root: ROOT_DIR,
    publicDir: false,
    logLevel: "warn",
    build: {
      ssr: join(BENCH_DIR, "stress-run.ts"),
      outDir,
      emptyOutDir: true,
      minify: true,
      target: "node20",
      rollupOptions: { output: { entryFileNames: "stress-run.js" } },
    },
  });
  return [join(outDir, "stress-run.js")];
}

/** Runs a bench level (the stress level unless told) `runs` times in a fresh `node` process of
 *  its own, solved as `mode` says (src/solver/REDUCTION.md). */
export function runStress(nodeArgs: string[], runs: number, level = STRESS_ID, mode: SolveMode = "plain"): StressRuns {
  const child = spawnSync(process.execPath, [...nodeArgs, String(runs), String(STRESS_MAX_STATES), level, mode], {
    cwd: ROOT_DIR,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (child.status !== 0) throw new Error(`node ${nodeArgs.join(" ")} failed (exit status ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout) as StressRuns;
}

/** Solves once, timing the call itself (parsing and compiling are not counted). */
/** How a bench level is solved: plainly, with partial-order reduction alone ("por"), or with
 *  everything `reduce` turns on: partial-order reduction and symmetry ("reduce"). */
export type SolveMode = "plain" | "por" | "reduce";

export function timedSolve(level: string, program: Program, breakable: boolean, maxStates: number, mode: SolveMode = "plain"): LevelRun {
  const t0 = performance.now();
  const r = solve(program, { maxStates, reduce: mode !== "plain", symmetry: mode === "reduce" });
  const ms = performance.now() - t0;
  return {
    level, breakable, verdict: r.verdict, outcome: r.outcome ?? null, shortest: r.schedule?.length ?? null,
    states: r.states, depth: r.depth, ms, statesPerSecond: r.states / (ms / 1000), bytesPerState: r.bytesPerState,
  };
}

function row(r: LevelRun, note = ""): (string | number)[] {
  const expected = r.breakable ? "breakable" : "safe";
  return [
    r.level + note,
    r.verdict === expected ? r.verdict : `${r.verdict} (expected ${expected})`,
    r.outcome ?? "-",
    r.shortest ?? "-",
    int(r.states),
    int(r.statesPerSecond),
    fixed(r.bytesPerState, 0),
    fixed(r.ms, r.ms < 100 ? 2 : 0),
  ];
}

export async function solverBench(): Promise<SolverReport> {
  heading("Solver: breadth-first search over every interleaving (one core)");
  const levels: LevelRun[] = [];
  for (const id of campaignLevelIds()) {
    const { program, breakable } = loadLevel(id);
    levels.push(timedSolve(id, program, breakable, DEFAULT_MAX_STATES));
  }

  const { runs, peakRssKB } = runStress(await bundleStressRun(), STRESS_RUNS);
  // For comparison, once as `npm run levels` runs the solver: the same file under tsx.
  const underTsx = runStress(["--import", "tsx", join(BENCH_DIR, "stress-run.ts")], 1).runs[0];
  const rates = runs.map((r) => r.statesPerSecond);
  const best = runs.reduce((a, b) => (b.statesPerSecond > a.statesPerSecond ? b : a));

  const headers = ["level", "verdict", "outcome", ">shortest", ">states", ">states/s", ">bytes/state", ">ms"];
  console.log(table(headers, [...levels.map((r) => row(r)), ...runs.map((r, k) => row(r, ` #${k + 1}`))]));
  console.log();
  console.log(`Campaign levels stop at the first (shortest) win, budget ${int(DEFAULT_MAX_STATES)} states.`);
  console.log(`${STRESS_ID}: 5 philosophers x 2 meals, explored exhaustively (budget ${int(STRESS_MAX_STATES)} states), ${STRESS_RUNS} runs:`);
  console.log(`  states/s  best ${int(Math.max(...rates))}  median ${int(median(rates))}` +
    `   (target >= ${int(TARGET_STATES_PER_SECOND)}: ${Math.max(...rates) >= TARGET_STATES_PER_SECOND ? "reached" : "not reached"})`);
  console.log(`  time      best ${int(best.ms)} ms  median ${int(median(runs.map((r) => r.ms)))} ms`);
  console.log(`  peak RSS  ${fixed(peakRssKB / 1024, 0)} MB (the process that ran them, process.resourceUsage().maxRSS)`);
  console.log(`  These runs: the solver as Vite bundles it for the browser, in a node process of their own.`);
  console.log(`  Under tsx, as \`npm run levels\` runs it: ${int(underTsx.statesPerSecond)} states/s (${int(underTsx.ms)} ms, one run).`);

  const report: SolverReport = {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? "unknown", cores: availableParallelism(), node: process.version, platform: `${process.platform}-${process.arch}` },
    levels,
    stress: {
      level: STRESS_ID, maxStates: STRESS_MAX_STATES, runs,
      bestStatesPerSecond: Math.max(...rates), medianStatesPerSecond: median(rates),
      bestMs: best.ms, medianMs: median(runs.map((r) => r.ms)),
      targetStatesPerSecond: TARGET_STATES_PER_SECOND, peakRssKB, underTsx,
    },
  };
  console.log(`  written   ${writeJson("solver.json", report)}`);
  return report;
}
