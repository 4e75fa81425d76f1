// Hardware mode in Chromium: the level screen's panel races a level on real Web Workers sharing
// a SharedArrayBuffer. The panel opens from the "Hardware mode" button of every level screen;
// static hosts get isolation from the game's service worker (src/offline).

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { encodeLevelLink } from "../src/ui/share";
import { expectNoAxeViolations } from "./helpers/axe";
import { staticHost, type StaticHost } from "./helpers/static-host";

/** Opens the level's hardware mode (a button under the shared state) and returns the panel. */
const panelOf = (page: Page) => page.getByRole("region", { name: "Hardware mode" });
async function openPanel(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Hardware mode" }).click();
  return panelOf(page);
}
const HARDWARE_WORKER = /\/worker-[\w-]+\.js$/; // the hardware worker's bundle (not the hint worker)

/** Runs `trials` trials in the panel and waits for the end; returns the tally as rows. */
async function runTrials(panel: Locator, trials: number): Promise<{ outcome: string; count: number; notSC: boolean }[]> {
  await panel.getByLabel("Trials").fill(String(trials));
  await panel.getByRole("button", { name: "Run trials" }).click();
  await expect(panel.getByRole("status")).toContainText(`Done: ${trials.toLocaleString("en-US")} trials`, { timeout: 120_000 });
  const table = panel.getByRole("table", { name: `Outcomes of ${trials.toLocaleString("en-US")} trials` });
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => ({
      outcome: row.querySelector(".hw-message")?.textContent ?? "",
      count: Number((row.querySelectorAll("td")[0]?.textContent ?? "").replace(/,/g, "")),
      notSC: row.querySelector(".hw-sc") !== null,
    })),
  );
}

test.describe("hardware mode on #/level/lost-update (the panel mounted in the level screen)", () => {
  test.describe.configure({ timeout: 180_000 });

  test("the page is cross-origin isolated and the panel is ready", async ({ page }) => {
    await page.goto("/#/level/lost-update");
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    const panel = await openPanel(page);
    await expect(panel.getByLabel("Trials")).toHaveValue("10000");
    await expect(panel.getByRole("button", { name: "Run trials" })).toBeEnabled();
    await expect(panel.getByRole("button", { name: "Stop" })).toBeDisabled();
    // The browser by name and version, not the raw user-agent string.
    await expect(panel.locator(".hw-platform")).toHaveText(/^Platform: \d+ logical cores · Chrome \d+ on [A-Za-z]+$/);
  });

  test("10,000 trials finish, the tally adds up, and every outcome is one the engine allows", async ({ page }) => {
    await page.goto("/#/level/lost-update");
    const rows = await runTrials(await openPanel(page), 10_000);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(10_000);
    const reachable = [
      "Every thread ran to its end: the program worked correctly this time",
      "Teller Bea failed assert(balance == 200) at line 5",
    ];
    for (const row of rows) {
      // Anything else must be explained: a reordering the panel flags, or a spin that ran out
      // of its budget while the other thread waited for a core.
      if (!reachable.includes(row.outcome)) expect(row.notSC || /still running after/.test(row.outcome), row.outcome).toBe(true);
    }
    await expect(panelOf(page)).toContainText(/\d[\d,]* trials per second/);
    await expect(panelOf(page).locator(".hw-compare")).toHaveText(
      "Each outcome was compared with the puzzle: the solver tried every order of the threads' steps, and knows every ending they can reach.",
    );
    await panelOf(page).locator("summary").first().click(); // a final shared state, opened
    await expectNoAxeViolations(page, "the level screen with hardware mode's results");
  });

  test("a correctly locked deposit shows no bad outcome in 10,000 trials", async ({ page }) => {
    const level = JSON.parse(readFileSync("levels/lost-update.json", "utf8"));
    level.id = "locked-deposit";
    level.shared.m = { type: "mutex" };
    level.threads[0].code = "m.lock();\nbalance += 100;\nm.unlock();\nalDone = true;";
    level.threads[1].code = "m.lock();\nbalance += 100;\nm.unlock();\nwhile (!alDone) {\n  // wait for Al\n}\nassert(balance == 200);";
    delete level.solution;
    level.breakable = false;
    await page.goto(`/#/play?level=${await encodeLevelLink(JSON.stringify(level))}`);
    const rows = await runTrials(await openPanel(page), 10_000);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(10_000);
    const bad = rows.filter((r) => r.outcome !== "Every thread ran to its end: the program worked correctly this time" && !/still running after/.test(r.outcome));
    expect(bad).toEqual([]);
  });

  test("Stop ends the run and its workers", async ({ page }) => {
    const started: string[] = [];
    let closed = 0;
    page.on("worker", (w) => {
      if (!HARDWARE_WORKER.test(w.url())) return;
      started.push(w.url());
      w.on("close", () => closed++);
    });
    await page.goto("/#/level/lost-update");
    const panel = await openPanel(page);
    await panel.getByLabel("Trials").fill("1000000");
    await panel.getByRole("button", { name: "Run trials" }).click();
    await expect(panel.getByRole("status")).toContainText(/[\d,]+ of 1,000,000 trials/);
    await panel.getByRole("button", { name: "Stop" }).click();
    await expect(panel.getByRole("status")).toContainText(/Stopped after [\d,]+ of 1,000,000 trials/);
    await expect(panel.getByRole("button", { name: "Run trials" })).toBeEnabled();
    expect(started).toHaveLength(2);
    await expect.poll(() => closed).toBe(2);
  });
});

test.describe("a static host without the headers (the service worker adds them)", () => {
  const dist = resolve(process.env.INTERLEAVE_DIST ?? "dist");
  let host: StaticHost;
  test.beforeAll(async () => {
    host = await staticHost(dist);
  });
  test.afterAll(() => host.close());
  test.use({ serviceWorkers: "allow" });

  test("the built site reaches isolation through the service worker", async ({ page }) => {
    expect(readFileSync(join(dist, "index.html"), "utf8"), "index.html loads sw-register.js: add offline() to vite.config.ts").toContain('src="./sw-register.js"');
    const response = await page.goto(`${host.url}/`);
    expect(response?.headers()["cross-origin-embedder-policy"]).toBeUndefined();
    // The first visit registers the worker and reloads; from then on responses carry the headers.
    await expect.poll(() => page.evaluate(() => self.crossOriginIsolated).catch(() => false), { timeout: 20_000 }).toBe(true);
    expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe("function");
    await page.goto(`${host.url}/#/level/lost-update`);
    // A few hundred trials show the workers run here; the count matters less than finishing on a
    // loaded machine, where trials through the service worker's page can be slow.
    const rows = await runTrials(await openPanel(page), 300);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(300);
  });

  test("without isolation, the panel says why and the level still plays", async ({ browser }) => {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(`${host.url}/#/level/lost-update`);
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false);
    const panel = await openPanel(page);
    await expect(panel.getByRole("note")).toContainText("Cross-Origin-Opener-Policy: same-origin");
    await expect(panel.getByRole("button", { name: "Run trials" })).toBeDisabled();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("The Lost Deposit");
    await context.close();
  });
});
