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
import type { TimedJudge } from "./browser/judge-page";
import { BENCH_DIR, fixed, heading, int, median, OUT_DIR, table, writeJson } from "./report";
import { fixProducersConsumersLevelText } from "./stress";

const RUNS = 5;
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

export async function browserBench(): Promise<BrowserJudgeRun[]> {
  heading("Browser: the fix-it judge of a six-thread level in Chromium");
  const choice = resolveBrowser();
  if (!choice.ok) {
    console.log(`skipped: no Chromium. ${choice.message}`);
    return [];
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
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => typeof window.judgeTimed === "function");
    const times = new Map<string, TimedJudge[]>(codes.map(([name]) => [name, []]));
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
  console.log(`  written   ${writeJson("browser.json", { date: new Date().toISOString(), level: spec.id, runs })}`);
  return runs;
}
