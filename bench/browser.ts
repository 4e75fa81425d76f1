// `npm run bench -- browser`: the fix-it judge in Chromium. Bundles a minimal page
// (bench/browser/) that runs the game's judge worker as "Check my fix" does, serves it with
// `vite preview`, drives headless Chromium through Playwright's library API, and times a check of
// a six-thread fix-it level (bench/stress.ts, fixProducersConsumersLevelText) with the reference
// fix and with the broken code. Target: a check answers in under a second. A measurement: it never
// fails because something is slow.

import { join } from "node:path";
import { chromium } from "@playwright/test";
import { build, preview } from "vite";
import { CHROMIUM_ARGS, resolveBrowser } from "../scripts/browser-path.mjs";
import { parseLevel, type FixCode } from "../src/engine/index";
import { DEFAULT_MAX_STATES } from "../src/solver/solve";
import type { JudgeRequest } from "../src/solver/judge.worker";
import type { Timed } from "./browser/worker-page";
import type { JudgeReply } from "../src/solver/judge.worker";
import { BENCH_LEVELS, benchProgram, STRESS_MAX_STATES } from "./solver";
import { BENCH_DIR, fixed, heading, int, median, OUT_DIR, table, writeJson } from "./report";
import { fixProducersConsumersLevelText } from "./stress";

const RUNS = 5;
const WORKER_RUNS = 3;
const TARGET_MS = 1000;
/** The port of the page's server (vite preview); the next free one if taken. */
const PORT = Number(process.env.BENCH_BROWSER_PORT ?? 4312);

export interface BrowserJudgeRun {
  code: "reference" | "broken";
  verdict: string;
  states: number;
  /** Each check's time, from `new Worker` to the verdict (milliseconds). */
  ms: number[];
  medianMs: number;
}

/** A bench level's reduced search in a worker, against what starting a worker costs. */
export interface WorkerCostRun {
  level: string;
  verdict: string;
  states: number;
  /** From `new Worker` to the answer of a request whose level does not parse (milliseconds). */
  startupMs: number[];
  /** From `new Worker` to the search's answer. */
  searchMs: number[];
}

export async function browserBench(): Promise<{ judge: BrowserJudgeRun[]; workers: WorkerCostRun[] }> {
  heading("Browser: the fix-it judge of a six-thread level in Chromium");
  const choice = resolveBrowser();
  if (!choice.ok) {
    console.log(`skipped: no Chromium. ${choice.message}`);
    return { judge: [], workers: [] };
  }
  const levelText = fixProducersConsumersLevelText();
  const parsed = parseLevel(levelText, "fix-producers-consumers");
  if (!parsed.ok) throw new Error(parsed.error.map((e) => e.message).join("; "));
  const { spec } = parsed.value;
  const fix = spec.fix!;
  const broken: FixCode = Object.fromEntries(fix.threads.map((t) => [t, spec.threads.find((th) => th.name === t)!.code]));
  const codes: [BrowserJudgeRun["code"], FixCode][] = [["reference", fix.reference], ["broken", broken]];

  const root = join(BENCH_DIR, "browser");
  const outDir = join(OUT_DIR, "browser-dist");
  const config = { configFile: false as const, root, base: "./", logLevel: "warn" as const, worker: { format: "es" as const } };
  await build({ ...config, build: { outDir, emptyOutDir: true } });
  const server = await preview({ ...config, build: { outDir }, preview: { port: PORT, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not say where it listens");
  const browser = await chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS, headless: true });
  const runs: BrowserJudgeRun[] = [];
  const workers: WorkerCostRun[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => typeof window.judgeTimed === "function");
    const times = new Map<string, Timed<JudgeReply>[]>(codes.map(([name]) => [name, []]));
    // Interleaved, so that a burst of load on the shared machine hits both alike.
    for (let k = 0; k < RUNS; k++) {
      for (const [name, code] of codes) {
        const request: JudgeRequest = { levelText, code, maxStates: DEFAULT_MAX_STATES, reduce: true };
        times.get(name)!.push(await page.evaluate((r) => window.judgeTimed(r), request));
      }
    }
    for (const [name] of codes) {
      const got = times.get(name)!;
      const last = got[got.length - 1].reply;
      if (last.type !== "result") throw new Error(`the judge failed in Chromium: ${last.message}`);
      const ms = got.map((t) => t.ms);
      runs.push({ code: name, verdict: last.verdict.verdict, states: "states" in last.verdict ? (last.verdict.states ?? 0) : 0, ms, medianMs: median(ms) });
    }
    // Deliverable 5 of issue 13, parallel search: what a worker costs to start, against the
    // reduced searches a second worker would share.
    for (const level of Object.keys(BENCH_LEVELS)) {
      const program = benchProgram(level);
      const run: WorkerCostRun = { level, verdict: "", states: 0, startupMs: [], searchMs: [] };
      for (let k = 0; k < WORKER_RUNS; k++) {
        const startup = await page.evaluate((r) => window.solveTimed(r), { levelText: "", packed: program.initial, maxStates: 1, reduce: true });
        if (startup.reply.type !== "error") throw new Error("a level that does not parse got an answer");
        run.startupMs.push(startup.ms);
        const search = await page.evaluate((r) => window.solveTimed(r), { levelText: BENCH_LEVELS[level](), packed: program.initial, maxStates: STRESS_MAX_STATES, reduce: true });
        if (search.reply.type !== "result") throw new Error(`the search failed in Chromium: ${search.reply.message}`);
        run.searchMs.push(search.ms);
        run.verdict = search.reply.verdict;
        run.states = search.reply.states;
      }
      workers.push(run);
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }

  console.log(`${spec.id}: ${spec.summary}`);
  console.log(table(
    ["code", "verdict", "expected", ">states", ">median ms", ">best ms", ">runs (ms)"],
    runs.map((r) => [r.code, r.verdict, r.code === "reference" ? "fixed" : "broken", int(r.states), fixed(r.medianMs, 0), fixed(Math.min(...r.ms), 0), r.ms.map((m) => fixed(m, 0)).join(" ")]),
  ));
  const worst = Math.max(...runs.map((r) => r.medianMs));
  console.log(`Each check: a fresh judge worker, as "Check my fix" makes one, timed from \`new Worker\` to the verdict`);
  console.log(`(start-up and parsing included), reduced search, budget ${int(DEFAULT_MAX_STATES)} states; ${RUNS} runs each, interleaved.`);
  console.log(`Target: under ${int(TARGET_MS)} ms: ${worst < TARGET_MS ? "reached" : "not reached"} (slowest median ${fixed(worst, 0)} ms).`);

  console.log();
  console.log("Parallel search: a worker's start-up against the reduced search a second worker would share");
  console.log(table(
    ["level", "verdict", ">states", ">start-up ms", ">search ms", ">start-up / search"],
    workers.map((w) => [w.level, w.verdict, int(w.states), fixed(median(w.startupMs), 0), fixed(median(w.searchMs), 0), fixed(median(w.startupMs) / median(w.searchMs), 2)]),
  ));
  console.log(`Medians of ${WORKER_RUNS} runs, interleaved: start-up is \`new Worker\` (the hint's search worker) to the answer to a level`);
  console.log("that does not parse; search is `new Worker` to the answer of `solve(..., { reduce: true })` on the bench level,");
  console.log("start-up included. Two workers on 2 cores could at best halve the search less its start-up, and pay");
  console.log("a second start-up and the sharing of the visited set.");
  console.log(`  written   ${writeJson("browser.json", { date: new Date().toISOString(), level: spec.id, runs, workers })}`);
  return { judge: runs, workers };
}
