// `npm run bench`, hardware-mode section: how fast hardware mode races a level, and how faithful
// its picture of the race is, beside the same threads written by hand, in Node's worker_threads
// and in Chromium. Every side runs under the same trial protocol (workers starting each trial
// from a barrier in shared memory, the last one out logging and resetting; the same tally), so
// the differences are the cost of running a level: compiled to wasm (what hardware mode does),
// interpreted (its fallback), hand-written JavaScript, and hand-written wasm for the litmus tests
// (lost-update, store buffering and its fenced twin). The failed-assert share is the race's
// picture: a slower thread widens a race window and shows a bug more often than the machine does.
// Chromium runs a small page (bench/hardware-browser/) built by Vite and served with COOP/COEP.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { build, preview } from "vite";
import { CHROMIUM_ARGS, resolveBrowser } from "../scripts/browser-path.mjs";
import { parseLevel, type Program } from "../src/engine/index";
import { mini } from "../src/engine/testing/levels";
import { spawnNodeWorker } from "../src/hardware/node-worker";
import { runSolo } from "../src/hardware/testing";
import { runWasmSequential } from "../src/hardware/wasm/testing";
import { raceSide, type Side, type SideRequest, type Way } from "./hardware-sides";
import { BENCH_DIR, fixed, heading, int, median, OUT_DIR, ROOT_DIR, table, writeJson } from "./report";

const ROUNDS = 3;
/** Statements a thread may run in a trial. The hand-written spins have no budget; hardware
 *  mode's default is a fraction of a second of native spinning, so on a loaded machine wasm
 *  trials could end "still running" for want of a core, not for anything the code does. */
const BENCH_BUDGET = 100_000_000;
/** HARDWARE_BENCH_SCALE=0.1 runs a tenth of the trials (a loaded machine; a quick look). */
const SCALE = Number(process.env.HARDWARE_BENCH_SCALE ?? 1) || 1;
const LOOP_ITERATIONS = 1000;
/** The trials a student's run must finish in Chromium in under 10 s, on two-thread levels. */
const LONG_RUN = 100_000;

interface Workload {
  name: string;
  text: string;
  baseline: SideRequest["workload"];
  ways: Way[];
  trials: number;
  iterations?: number;
}

const levelText = (id: string) => readFileSync(join(ROOT_DIR, `levels/${id}.json`), "utf8");

function workloads(): Workload[] {
  const counterLoop = JSON.stringify({
    format: 1, id: "counter-loop", title: "Counter loop", summary: "Racy increments in a loop.",
    shared: { counter: 0 },
    threads: [{ name: "T{id}", count: 2, code: `int i = 0;\nwhile (i < ${LOOP_ITERATIONS}) {\n  counter++;\n  i++;\n}` }],
  });
  const litmus: Way[] = ["wasm", "js-by-hand", "wasm-by-hand"];
  const list: Workload[] = [
    { name: "lost-update", text: levelText("lost-update"), baseline: "lost-update", ways: ["wasm", "interpreter", "js-by-hand", "wasm-by-hand"], trials: 20_000 },
    { name: "store buffering (ships-in-the-night)", text: levelText("ships-in-the-night"), baseline: "store-buffering", ways: litmus, trials: 20_000 },
    { name: "fenced (wait-for-the-mailboat)", text: levelText("wait-for-the-mailboat"), baseline: "store-buffering-fenced", ways: litmus, trials: 20_000 },
    { name: `counter-loop (${int(LOOP_ITERATIONS)} increments a thread)`, text: counterLoop, baseline: "counter-loop", ways: ["wasm", "interpreter", "js-by-hand"], trials: 2_000, iterations: LOOP_ITERATIONS },
  ];
  return list.map((w) => ({ ...w, trials: Math.max(100, Math.round(w.trials * SCALE)) }));
}

function load(text: string): Program {
  const level = parseLevel(text);
  if (!level.ok) throw new Error(level.error.map((e) => e.message).join("\n"));
  return level.value.program;
}

type Race = (w: Workload, request: SideRequest) => Promise<Side>;

interface Figures {
  workload: string;
  trials: number;
  sides: Partial<Record<Way, Side>>;
}

/** Each workload: a warm-up, then ROUNDS rounds that alternate its ways; medians. */
async function measure(race: Race): Promise<Figures[]> {
  const out: Figures[] = [];
  for (const w of workloads()) {
    const request = (way: Way, trials: number): SideRequest => ({ way, trials, workload: w.baseline, iterations: w.iterations, budget: BENCH_BUDGET });
    for (const way of w.ways) await race(w, request(way, Math.min(w.trials, 500)));
    const runs = new Map<Way, Side[]>(w.ways.map((way) => [way, []]));
    for (let r = 0; r < ROUNDS; r++) for (const way of w.ways) runs.get(way)!.push(await race(w, request(way, w.trials)));
    const sides: Partial<Record<Way, Side>> = {};
    for (const [way, list] of runs) {
      sides[way] = {
        trials: w.trials, trialsPerSecond: median(list.map((s) => s.trialsPerSecond)), assertShare: median(list.map((s) => s.assertShare)),
        runningShare: median(list.map((s) => s.runningShare)), wallMs: median(list.map((s) => s.wallMs)),
      };
    }
    out.push({ workload: w.name, trials: w.trials, sides });
  }
  return out;
}

const WAY_NAMES: Record<Way, string> = { "wasm": "compiled (wasm)", "interpreter": "interpreted", "js-by-hand": "hand-written JS", "wasm-by-hand": "hand-written wasm" };
const percent = (x: number) => `${fixed(100 * x, 2)}%`;

function print(host: string, figures: Figures[]): void {
  const rows: (string | number)[][] = [];
  for (const f of figures) {
    for (const [way, s] of Object.entries(f.sides) as [Way, Side][]) {
      rows.push([f.workload, WAY_NAMES[way], int(f.trials), int(s.trialsPerSecond), percent(s.assertShare), percent(s.runningShare)]);
    }
  }
  console.log(`${host}: two workers, one per thread; median of ${ROUNDS} alternating rounds.`);
  console.log(table(["workload", "threads run as", ">trials", ">trials/s", ">failed asserts", ">still running"], rows));
  const lost = figures[0].sides;
  const compiled = lost.wasm!, hand = lost["js-by-hand"]!;
  const shareRatio = compiled.assertShare / hand.assertShare;
  console.log(
    `lost-update fidelity: failed asserts ${percent(compiled.assertShare)} compiled vs ${percent(hand.assertShare)} hand-written JS ` +
      `(${fixed(shareRatio, 2)}x; target within 2x); trials/s ${int(compiled.trialsPerSecond)} vs ${int(hand.trialsPerSecond)} ` +
      `(${fixed(compiled.trialsPerSecond / hand.trialsPerSecond, 2)}x; target at least 1x).`,
  );
}

export async function hardwareBench() {
  heading("Hardware mode: trials per second and failed-assert share, compiled vs interpreted vs hand-written");
  const nodeRace: Race = (w, request) => raceSide(load(w.text), request, spawnNodeWorker, spawnNodeWorker);
  const node = await measure(nodeRace);
  print("Node worker_threads (the browser's worker code)", node);
  const browser = await inChromium();
  print(`Chromium ${browser.version}, Web Workers`, browser.figures);
  console.log(`${int(LONG_RUN)} trials in Chromium, as hardware mode runs them (default budget; worker start-up and the engine's search included; target under 10 s):`);
  console.log(table(["level", ">seconds", ">trials/s", ">failed asserts"], browser.long.map((l) => [l.level, fixed(l.side.wallMs / 1000, 2), int(l.side.trialsPerSecond), percent(l.side.assertShare)])));
  const perStatement = statementCost();
  console.log(table(["one thread in-process, 3,000,000 racy increments", ">wasm ns/statement", ">interpreter ns/statement", ">ratio"], [
    ["median of 3", fixed(perStatement.wasm, 2), fixed(perStatement.interpreter, 2), `${fixed(perStatement.interpreter / perStatement.wasm, 1)}x`],
  ]));
  console.log(`Wrote ${writeJson("hardware.json", { node: { version: process.version, results: node }, chromium: browser, perStatement })}`);
}

/** The same measurements in headless Chromium, on the bench page built and served with COOP/COEP. */
async function inChromium(): Promise<{ version: string; figures: Figures[]; long: { level: string; side: Side }[] }> {
  const choice = resolveBrowser();
  if (!choice.ok) throw new Error(choice.message);
  const root = join(BENCH_DIR, "hardware-browser");
  const outDir = join(OUT_DIR, "hardware-browser");
  const isolation = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };
  const config = { root, configFile: false as const, logLevel: "warn" as const, base: "./", worker: { format: "es" as const } };
  await build({ ...config, build: { outDir, emptyOutDir: true } });
  const server = await preview({ ...config, build: { outDir }, preview: { port: 4391, strictPort: false, open: false, headers: isolation } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not say where it listens");
  const browser = await chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    if (!(await page.evaluate(() => self.crossOriginIsolated))) throw new Error("the bench page is not cross-origin isolated");
    const race: Race = (w, request) => raceInPage(page, w.text, request);
    const figures = await measure(race);
    const long = [];
    for (const id of ["lost-update", "ships-in-the-night"]) {
      long.push({ level: id, side: await raceInPage(page, levelText(id), { way: "wasm", trials: LONG_RUN, workload: "lost-update" }) });
    }
    return { version: browser.version(), figures, long };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

function raceInPage(page: Page, text: string, request: SideRequest): Promise<Side> {
  return page.evaluate(([t, r]) => (window as unknown as { raceSide: (t: string, r: SideRequest) => Promise<Side> }).raceSide(t, r), [text, request] as const);
}

/** What one statement costs, one thread alone in this process (no workers, no trial protocol,
 *  so the machine's other load matters less): the loop of counter-loop, run long. */
function statementCost(): { wasm: number; interpreter: number } {
  const n = 3_000_000;
  const { program } = mini({ shared: { counter: 0 }, threads: [`int i = 0;\nwhile (i < ${n}) {\n  counter++;\n  i++;\n}`] });
  const statements = 1 + 3 * n + 1;
  const time = (run: () => void) => {
    const t = performance.now();
    run();
    return ((performance.now() - t) * 1e6) / statements;
  };
  const wasm: number[] = [];
  const interpreter: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    wasm.push(time(() => runWasmSequential(program, [0], 100_000_000)));
    interpreter.push(time(() => runSolo(program, 100_000_000)));
  }
  return { wasm: median(wasm), interpreter: median(interpreter) };
}
