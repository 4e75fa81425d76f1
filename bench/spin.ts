// `npm run bench`, SPIN section: the same state spaces explored by the SPIN model checker, for
// comparison. Each bench/<model>.pml is a Promela model of one level with the engine's atomicity
// (one shared access per step, one Promela transition per step) and the level's property; the
// comment at the top of each file says how its steps map to the level's code.
//
// SPIN is run for a full exploration that is as close as SPIN allows to what our solver does:
//   spin -o3 -a model.pml        -o3: no statement merging (it would fuse local-only steps
//                                that the engine counts as steps of their own)
//   gcc -O2 -DNOREDUCE -DSAFETY  no partial-order reduction (as our plain search); safety
//                                properties only (no cycle detection, as for us)
//   ./pan -m10000 -wN -n -E -c0  depth bound 10000 (the deepest model is 90 steps); a hash
//                                table of 2^N slots, sized to the model so that neither side
//                                gets a rehash advantage; no unreached-code listing; no
//                                invalid-end-state (deadlock) errors, since a deadlock is a
//                                state to store, not a reason to stop; -c0: do not stop at the
//                                first property violation, count them all and explore on.
// State vectors are stored in full (no -DCOLLAPSE, -DMA or bitstate hashing).

import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Program } from "../src/engine/index";
import { fixed, heading, int, median, BENCH_DIR, table, writeJson } from "./report";
import { bundleStressRun, loadLevel, runStress, STRESS_ID, STRESS_MAX_STATES, STRESS_RUNS, stressProgram, timedSolve, type LevelRun, type SolverReport } from "./solver";

interface Model {
  /** The level id; the model is bench/<level>.pml. */
  level: string;
  /** log2 of pan's hash table size (-w). */
  hashBits: number;
  runs: number;
}

const MODELS: Model[] = [
  { level: STRESS_ID, hashBits: 24, runs: STRESS_RUNS },
  { level: "lost-update", hashBits: 10, runs: 3 },
  { level: "flag-guard", hashBits: 10, runs: 3 },
  { level: "two-counters", hashBits: 10, runs: 3 },
];

const SPIN_GEN = ["-o3", "-a"];
const GCC_FLAGS = ["-O2", "-DNOREDUCE", "-DSAFETY"];
const panFlags = (hashBits: number) => ["-m10000", `-w${hashBits}`, "-n", "-E", "-c0"];

/** Figures parsed from one run of ./pan. */
export interface PanRun {
  statesStored: number;
  statesMatched: number;
  transitions: number;
  stateVectorBytes: number;
  /** Bytes stored per state: the vector as stored plus pan's per-state overhead (pan prints
   *  it only for larger runs; null otherwise). */
  storedBytesPerState: number | null;
  depth: number;
  errors: number;
  /** "total actual memory usage", megabytes. */
  memoryMB: number;
  /** pan's own elapsed time for the search (its timer has a 10 ms resolution). */
  elapsedMs: number;
  /** pan's "rate", states/second (absent when the elapsed time is 0). */
  rate: number | null;
  /** Wall-clock time of the ./pan process, start to exit. */
  wallMs: number;
  depthTooSmall: boolean;
}

export interface SpinComparison {
  level: string;
  pml: string;
  commands: string[];
  ours: { states: number; ms: number; statesPerSecond: number; bytesPerState: number; verdict: string; runs: number };
  spin: { runs: PanRun[]; best: PanRun; medianElapsedMs: number; compileMs: number };
  /** ours / SPIN. */
  stateRatio: number;
  /** ours / SPIN (pan's elapsed time); null when pan's time is below its timer's resolution. */
  timeRatio: number | null;
}

export function parsePanOutput(out: string, wallMs: number): PanRun {
  const num = (re: RegExp): number | null => {
    const m = re.exec(out);
    return m ? Number(m[1]) : null;
  };
  const elapsed = num(/pan: elapsed time ([\d.e+-]+) seconds/) ?? 0;
  const vector = /state-vector as stored = (\d+) byte \+ (\d+) byte overhead/.exec(out);
  return {
    statesStored: num(/^\s*(\d+) states, stored/m) ?? NaN,
    statesMatched: num(/^\s*(\d+) states, matched/m) ?? NaN,
    transitions: num(/^\s*(\d+) transitions \(= stored\+matched\)/m) ?? NaN,
    stateVectorBytes: num(/State-vector (\d+) byte/) ?? NaN,
    storedBytesPerState: vector ? Number(vector[1]) + Number(vector[2]) : null,
    depth: num(/depth reached (\d+)/) ?? NaN,
    errors: num(/errors: (\d+)/) ?? NaN,
    memoryMB: num(/([\d.]+)\s+total actual memory usage/) ?? NaN,
    elapsedMs: elapsed * 1000,
    rate: num(/pan: rate\s+([\d.e+]+) states\/second/),
    wallMs,
    depthTooSmall: /max search depth too small/.test(out),
  };
}

function available(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return !r.error && r.status === 0;
}

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${r.status}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** Our side of a comparison: a full exploration with the level's property checked at every
 *  state but no reason to stop (no outcome counts as a win), like SPIN with -c0. */
function oursExhaustive(level: string, stress: LevelRun[] | undefined): SpinComparison["ours"] {
  let runs: LevelRun[];
  if (level === STRESS_ID && stress) {
    runs = stress; // the solver section's runs: already a full exploration
  } else {
    const program: Program = level === STRESS_ID ? stressProgram() : loadLevel(level).program;
    const exhaustive: Program = { ...program, spec: { ...program.spec, win: [] } };
    // Tiny state spaces: warm up, then keep the best of a few runs.
    runs = Array.from({ length: 6 }, () => timedSolve(level, exhaustive, false, STRESS_MAX_STATES)).slice(1);
  }
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { states: best.states, ms: best.ms, statesPerSecond: best.statesPerSecond, bytesPerState: best.bytesPerState, verdict: best.verdict, runs: runs.length };
}

export async function spinBench(solver?: SolverReport): Promise<SpinComparison[] | null> {
  heading("SPIN: the same state spaces in the SPIN model checker");
  if (!available("spin", ["-V"])) {
    console.log("SPIN figures skipped: `spin` is not on PATH (install it with `apt-get install -y spin`).");
    return null;
  }
  if (!available("gcc", ["--version"])) {
    console.log("SPIN figures skipped: `gcc` is not on PATH, and pan.c must be compiled (`apt-get install -y gcc`).");
    return null;
  }
  const version = spawnSync("spin", ["-V"], { encoding: "utf8" }).stdout.trim();
  console.log(`${version}; gcc ${GCC_FLAGS.join(" ")}; full exploration, no partial-order reduction.`);

  const results: SpinComparison[] = [];
  for (const model of MODELS) {
    const pml = `${model.level}.pml`;
    const dir = mkdtempSync(join(tmpdir(), "interleave-spin-"));
    try {
      copyFileSync(join(BENCH_DIR, pml), join(dir, pml));
      const t0 = performance.now();
      run("spin", [...SPIN_GEN, pml], dir);
      run("gcc", [...GCC_FLAGS, "-o", "pan", "pan.c"], dir);
      const compileMs = performance.now() - t0;
      const spinRuns: PanRun[] = [];
      for (let k = 0; k < model.runs; k++) {
        const start = performance.now();
        const out = run("./pan", panFlags(model.hashBits), dir);
        spinRuns.push(parsePanOutput(out, performance.now() - start));
      }
      const best = spinRuns.reduce((a, b) => (b.elapsedMs < a.elapsedMs || (b.elapsedMs === a.elapsedMs && b.wallMs < a.wallMs) ? b : a));
      const ours = oursExhaustive(model.level, model.level === STRESS_ID ? solver?.stress.runs : undefined);
      results.push({
        level: model.level, pml: `bench/${pml}`,
        commands: [`spin ${SPIN_GEN.join(" ")} ${pml}`, `gcc ${GCC_FLAGS.join(" ")} -o pan pan.c`, `./pan ${panFlags(model.hashBits).join(" ")}`],
        ours,
        spin: { runs: spinRuns, best, medianElapsedMs: median(spinRuns.map((r) => r.elapsedMs)), compileMs },
        stateRatio: ours.states / best.statesStored,
        timeRatio: best.elapsedMs >= 10 ? ours.ms / best.elapsedMs : null,
      });
    } catch (e) {
      console.log(`${model.level}: SPIN run failed: ${(e as Error).message}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  console.log();
  console.log(table(
    ["model", ">ours states", ">SPIN states", ">ours/SPIN", ">SPIN transitions", ">SPIN depth", ">SPIN errors", "pan flags"],
    results.map((r) => [
      r.pml, int(r.ours.states), int(r.spin.best.statesStored), fixed(r.stateRatio, 3), int(r.spin.best.transitions),
      r.spin.best.depth, r.spin.best.errors + (r.spin.best.depthTooSmall ? " (depth too small!)" : ""), r.commands[2].slice(6),
    ]),
  ));
  console.log();
  const ms = (x: number) => fixed(x, x < 100 ? 2 : 0);
  console.log(table(
    ["model", ">ours ms", ">SPIN ms", ">ours/SPIN", ">ours states/s", ">SPIN states/s", ">ours B/state", ">SPIN B/state", ">SPIN MB", ">SPIN wall ms"],
    results.map((r) => [
      r.pml, ms(r.ours.ms), r.spin.best.elapsedMs >= 10 ? ms(r.spin.best.elapsedMs) : "<10",
      r.timeRatio === null ? "-" : fixed(r.timeRatio, 2),
      int(r.ours.statesPerSecond), r.spin.best.elapsedMs >= 10 ? int(r.spin.best.statesStored / (r.spin.best.elapsedMs / 1000)) : "-",
      fixed(r.ours.bytesPerState, 0), r.spin.best.storedBytesPerState ?? "-", fixed(r.spin.best.memoryMB, 1), ms(r.spin.best.wallMs),
    ]),
  ));
  console.log();
  console.log("Times are the best of the runs (stress: 3 each; ours on the small levels: best of 5 after a warm-up).");
  console.log("ours: the level with no outcome counting as a win, so the search explores everything, like pan -c0.");
  console.log("SPIN ms: pan's own search time (10 ms resolution); SPIN wall ms: the whole ./pan process.");
  console.log("B/state: ours, the solver's bytesPerState; SPIN, the stored vector + pan's per-state overhead");
  console.log("(its hash table, 8 bytes a slot, comes on top and is in SPIN MB). See bench/README.md.");
  const reduction = await reductionBench(solver);
  console.log(`written   ${writeJson("spin.json", { date: new Date().toISOString(), spin: version, models: results, reduction })}`);
  return results;
}

/** The larger models, measured with partial-order reduction on both sides and without. */
const REDUCTION_MODELS = [
  { level: STRESS_ID, hashBits: 24, plainRuns: STRESS_RUNS },
  { level: "producers-consumers", hashBits: 24, plainRuns: 1 },
  { level: "readers-writers", hashBits: 22, plainRuns: 1 },
];
const REDUCED_RUNS = 3;
/** SPIN's default partial-order reduction: the same, without -DNOREDUCE. */
const GCC_FLAGS_REDUCED = GCC_FLAGS.filter((f) => f !== "-DNOREDUCE");

export interface ReductionComparison {
  level: string;
  pml: string;
  /** reduced: partial-order reduction alone (as SPIN's); symmetric: with symmetry too. */
  ours: { plain: LevelRun[]; reduced: LevelRun[]; symmetric: LevelRun[] };
  spin: { noreduce: PanRun[]; reduced: PanRun[] };
  /** Best times: ours reduced / SPIN default (null below pan's 10 ms timer). */
  timeRatio: number | null;
}

const bestRun = (runs: LevelRun[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
const bestPan = (runs: PanRun[]) => runs.reduce((a, b) => (b.elapsedMs < a.elapsedMs || (b.elapsedMs === a.elapsedMs && b.wallMs < a.wallMs) ? b : a));

/**
 * Ours with partial-order reduction (src/solver/REDUCTION.md) and without, against SPIN with its
 * default reduction and with -DNOREDUCE, on the stress level, 4 producers + 4 consumers, and
 * readers-writers. Ours: the solver as bundled for the browser, each level in a node process of
 * its own (the stress level's plain runs are the solver section's).
 */
export async function reductionBench(solver?: SolverReport): Promise<ReductionComparison[]> {
  heading("Partial-order reduction: ours reduced and plain, SPIN default and -DNOREDUCE");
  const node = await bundleStressRun();
  const out: ReductionComparison[] = [];
  for (const model of REDUCTION_MODELS) {
    const pml = `${model.level}.pml`;
    const dir = mkdtempSync(join(tmpdir(), "interleave-spin-"));
    try {
      copyFileSync(join(BENCH_DIR, pml), join(dir, pml));
      run("spin", [...SPIN_GEN, pml], dir);
      run("gcc", [...GCC_FLAGS, "-o", "pan", "pan.c"], dir);
      run("gcc", [...GCC_FLAGS_REDUCED, "-o", "pan-por", "pan.c"], dir);
      const pan = (exe: string, runs: number) =>
        Array.from({ length: runs }, () => {
          const start = performance.now();
          const text = run(exe, panFlags(model.hashBits), dir);
          return parsePanOutput(text, performance.now() - start);
        });
      const spinReduced = pan("./pan-por", REDUCED_RUNS);
      const spinPlain = pan("./pan", model.plainRuns);
      const reduced = runStress(node, REDUCED_RUNS, model.level, "por").runs;
      const symmetric = runStress(node, REDUCED_RUNS, model.level, "reduce").runs;
      const plain = model.level === STRESS_ID && solver ? solver.stress.runs : runStress(node, model.plainRuns, model.level, "plain").runs;
      const spinBest = bestPan(spinReduced);
      out.push({
        level: model.level, pml: `bench/${pml}`,
        ours: { plain, reduced, symmetric },
        spin: { noreduce: spinPlain, reduced: spinReduced },
        timeRatio: spinBest.elapsedMs >= 10 ? bestRun(symmetric).ms / spinBest.elapsedMs : null,
      });
    } catch (e) {
      console.log(`${model.level}: run failed: ${(e as Error).message}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const ms = (x: number) => fixed(x, x < 100 ? 1 : 0);
  const panMs = (r: PanRun) => (r.elapsedMs >= 10 ? ms(r.elapsedMs) : "<10");
  console.log(table(
    ["model", ">ours plain", ">ours POR", ">ours POR+sym", ">SPIN NOREDUCE", ">SPIN default"],
    out.map((r) => [
      r.pml, int(bestRun(r.ours.plain).states), int(bestRun(r.ours.reduced).states), int(bestRun(r.ours.symmetric).states),
      int(bestPan(r.spin.noreduce).statesStored), int(bestPan(r.spin.reduced).statesStored),
    ]),
  ));
  console.log();
  console.log(table(
    ["model", ">ours plain ms", ">ours POR ms", ">ours POR+sym ms", ">SPIN NOREDUCE ms", ">SPIN default ms", ">ours/SPIN default"],
    out.map((r) => {
      const ours = bestRun(r.ours.symmetric);
      const spin = bestPan(r.spin.reduced);
      return [
        r.pml, ms(bestRun(r.ours.plain).ms), ms(bestRun(r.ours.reduced).ms), ms(ours.ms), panMs(bestPan(r.spin.noreduce)), panMs(spin),
        r.timeRatio === null ? "-" : fixed(r.timeRatio, 2),
      ];
    }),
  ));
  console.log();
  const spinBytes = (runs: PanRun[]) => {
    const best = bestPan(runs);
    return `${best.storedBytesPerState ?? "-"} (${fixed((best.memoryMB * 1024 * 1024) / best.statesStored, 0)})`;
  };
  console.log(table(
    ["model", ">ours plain B/state", ">ours POR B/state", ">ours POR+sym B/state", ">SPIN NOREDUCE B/state", ">SPIN default B/state"],
    out.map((r) => [
      r.pml, fixed(bestRun(r.ours.plain).bytesPerState, 1), fixed(bestRun(r.ours.reduced).bytesPerState, 1), fixed(bestRun(r.ours.symmetric).bytesPerState, 1),
      spinBytes(r.spin.noreduce), spinBytes(r.spin.reduced),
    ]),
  ));
  console.log();
  console.log(`States stored by each; times the best of the runs (reduced: ${REDUCED_RUNS} each side; plain: as in REDUCTION_MODELS).`);
  console.log("POR: partial-order reduction alone; POR+sym: with symmetry too, as `levels check` proves (the default).");
  console.log("ours/SPIN default: ours POR+sym / SPIN default, by time (below 1: we are faster).");
  console.log("ours B/state: every array the search keeps, as allocated (growth reserve included), over the states stored:");
  console.log("  past 8,192 states the halves' tables, the pairs (8 bytes a state), their hash table and the layer ends that");
  console.log("  schedules are found again from (no parents are kept); below it, the flat set with parents (src/solver/tree-set.ts).");
  console.log("SPIN B/state: the vector as stored + pan's overhead (in parentheses: pan's whole memory, hash table included, per state).");
  console.log(`SPIN default: gcc ${GCC_FLAGS_REDUCED.join(" ")} (its partial-order reduction on); both with spin ${SPIN_GEN.join(" ")}.`);
  return out;
}
