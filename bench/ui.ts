// The UI's numbers for `npm run bench`: builds the app, serves it with `vite preview`, opens it in
// headless Chromium (the Playwright suite's launch options) and reports
//   - the JavaScript transferred for the campaign screen and for a level screen (gzip sizes of the
//     JS files requested; target: 110 kB or less, leaving room for the i18n runtime and one
//     language's messages; Monaco must not load there), and
//   - how long a step takes, from the key press to the next frame (requestAnimationFrame after
//     the DOM update), median over 50 steps of the largest campaign level (target: under 16 ms).
// Run on its own with `npx tsx bench/ui.ts`.

import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { build, preview } from "vite";
import { CHROMIUM_ARGS, resolveBrowser } from "../scripts/browser-path.mjs";
import { initialState, legalMoves, parseLevel, step, type GameState } from "../src/engine/index";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = fileURLToPath(new URL("./out/ui-dist", import.meta.url));
const BUDGET_KB = 110;
const FRAME_MS = 16;
const STEPS = 50;

export interface UiBenchResult {
  campaignJsKb: number;
  levelJsKb: number;
  monacoLoaded: boolean;
  level: string;
  stepToFrameMs: number;
  stepToDomMs: number;
  stepToPaintedMs: number;
}

export async function uiBench(): Promise<UiBenchResult> {
  console.log("\n=== UI ===");
  const browserChoice = resolveBrowser();
  if (!browserChoice.ok) throw new Error(browserChoice.message);

  await build({ root: ROOT, configFile: `${ROOT}/vite.config.ts`, logLevel: "warn", build: { outDir: OUT_DIR, emptyOutDir: true } });
  const server = await preview({ root: ROOT, configFile: `${ROOT}/vite.config.ts`, logLevel: "warn", build: { outDir: OUT_DIR }, preview: { port: 4390, strictPort: false, open: false } });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error("vite preview did not say where it listens");
  const browser = await chromium.launch({ executablePath: browserChoice.executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const { id: levelId, moves } = largestLevelWalk();
    const campaign = await javascriptFor(browser, `${base}#/`);
    const level = await javascriptFor(browser, `${base}#/level/${levelId}`);
    const monacoLoaded = [...campaign.urls, ...level.urls].some((u) => /monaco|editor\.worker/i.test(u));
    const timing = await stepTimes(browser, `${base}#/level/${levelId}`, moves);

    const kb = (n: number) => `${n.toFixed(1)} kB`;
    const verdict = (ok: boolean) => (ok ? "ok" : "OVER TARGET");
    console.log(`JavaScript transferred, gzip -9, 1 kB = 1000 bytes (target ≤ ${BUDGET_KB} kB):`);
    console.log(`  campaign screen   ${kb(campaign.kb).padStart(9)}  ${campaign.urls.length} files  ${verdict(campaign.kb <= BUDGET_KB)}`);
    console.log(`  level screen      ${kb(level.kb).padStart(9)}  ${level.urls.length} files  ${verdict(level.kb <= BUDGET_KB)}`);
    for (const [name, screen] of [["campaign screen", campaign], ["level screen", level]] as const) {
      console.log(`  the ${name}'s files, largest first:`);
      for (const f of [...screen.files].sort((a, b) => b.bytes - a.bytes)) console.log(`    ${kb(f.bytes / 1000).padStart(9)}  ${f.url.slice(f.url.lastIndexOf("/") + 1)}`);
    }
    console.log(`  Monaco loaded: ${monacoLoaded ? "YES (it must not be)" : "no"}`);
    console.log(`Step, key press -> next frame, median of ${timing.frame.length} steps on ${levelId} (target < ${FRAME_MS} ms):`);
    console.log(`  DOM updated        ${median(timing.dom).toFixed(2)} ms`);
    console.log(`  next frame (rAF)   ${median(timing.frame).toFixed(2)} ms  ${verdict(median(timing.frame) < FRAME_MS)}`);
    console.log(`  after that paint   ${median(timing.painted).toFixed(2)} ms`);
    return {
      campaignJsKb: campaign.kb, levelJsKb: level.kb, monacoLoaded, level: levelId,
      stepToFrameMs: median(timing.frame), stepToDomMs: median(timing.dom), stepToPaintedMs: median(timing.painted),
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

/** Loads a screen in a fresh context (nothing cached) and sums the gzip size of its scripts. */
async function javascriptFor(browser: import("@playwright/test").Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<{ url: string; bytes: number }>[] = [];
  page.on("response", (r) => {
    const type = r.request().resourceType();
    if (type === "script" || /\.m?js(\?|$)/.test(r.url())) bodies.push(r.body().then((b) => ({ url: r.url(), bytes: gzipSync(b, { level: 9 }).length })));
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.getByRole("heading", { level: 1 }).waitFor();
  const files = await Promise.all(bodies);
  await context.close();
  return { kb: files.reduce((n, f) => n + f.bytes, 0) / 1000, urls: files.map((f) => f.url), files };
}

/** The campaign level with the most code, and STEPS key presses that play it: digits for steps
 *  that do not end the game, "r" (not timed) when none is left. Chosen by the engine. */
function largestLevelWalk(): { id: string; moves: string[] } {
  const campaign = JSON.parse(readFileSync(`${ROOT}/levels/campaign.json`, "utf8")) as { chapters: { levels: string[] }[] };
  const levels = campaign.chapters.flatMap((c) => c.levels).map((id) => {
    const parsed = parseLevel(readFileSync(`${ROOT}/levels/${id}.json`, "utf8"));
    if (!parsed.ok) throw new Error(`levels/${id}.json does not parse`);
    return { id, program: parsed.value.program };
  });
  const largest = levels.reduce((a, b) => (b.program.code.length > a.program.code.length ? b : a));
  const moves: string[] = [];
  let state: GameState = initialState(largest.program);
  let seed = 7;
  for (let timed = 0; timed < STEPS; ) {
    const options = legalMoves(state).filter((m) => m.kind === "step" && m.thread < 9 && !(step(state, m) as { value: GameState }).value.outcome);
    if (options.length === 0) {
      moves.push("r");
      state = initialState(largest.program);
      continue;
    }
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const m = options[seed % options.length];
    moves.push(String(m.thread + 1));
    state = (step(state, m) as { value: GameState }).value;
    timed++;
  }
  return { id: largest.id, moves };
}

async function stepTimes(browser: import("@playwright/test").Browser, url: string, keys: string[]) {
  const page: Page = await browser.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  await page.getByRole("button", { name: /^Step /, exact: false }).first().waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __steps: { dom: number; frame: number; painted: number }[] };
    w.__steps = [];
    window.addEventListener(
      "keydown",
      (e) => {
        if (!/^[1-9]$/.test(e.key)) return;
        const t0 = e.timeStamp;
        let dom = NaN;
        const observer = new MutationObserver(() => {
          if (Number.isNaN(dom)) dom = performance.now() - t0;
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        requestAnimationFrame(() => {
          const frame = performance.now() - t0;
          observer.disconnect();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__steps.push({ dom, frame, painted: performance.now() - t0 });
          channel.port2.postMessage(0);
        });
      },
      { capture: true },
    );
  });
  for (const key of keys) {
    const before = await page.evaluate(() => (window as unknown as { __steps: unknown[] }).__steps.length);
    await page.keyboard.press(key);
    if (key !== "r") await page.waitForFunction((n) => (window as unknown as { __steps: unknown[] }).__steps.length > n, before);
  }
  const steps = await page.evaluate(() => (window as unknown as { __steps: { dom: number; frame: number; painted: number }[] }).__steps);
  await page.close();
  if (steps.some((s) => Number.isNaN(s.dom))) throw new Error("a step key press changed nothing on the page");
  return { dom: steps.map((s) => s.dom), frame: steps.map((s) => s.frame), painted: steps.map((s) => s.painted) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await uiBench();
}
