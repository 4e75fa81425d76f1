// Offline and installable: after one visit the service worker (src/offline/sw.ts) has the whole
// game, so with the network gone a reload still plays a level to the win, and on a host without
// the isolation headers hardware mode still runs. The browser may install it. A new version
// waits behind the running one until the player reloads from the banner.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { newLevelFromTemplate, waitForEditor } from "./helpers/editor";
import { button, expectSchedule, openLevel, outcomeDialog } from "./helpers/game";
import { staticHost, type StaticHost } from "./helpers/static-host";

const dist = resolve(process.env.INTERLEAVE_DIST ?? "dist");

/** Waits until the service worker has the whole build and answers this page's requests. */
async function waitForWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
}

const isolated = (page: Page) => page.evaluate(() => self.crossOriginIsolated).catch(() => false);

// Every other spec blocks service workers (playwright.config.ts); these are about one.
test.use({ serviceWorkers: "allow" });

test("after one visit, the game reloads and a level plays to the win with no network", async ({ page, context }) => {
  await page.goto("/");
  await waitForWorker(page);
  await context.setOffline(true);
  // The network is gone for the service worker too: a file it does not keep cannot be fetched.
  expect(await page.evaluate(() => fetch("./not-in-the-build.txt").then((r) => `fetched (${r.status})`, () => "failed"))).toBe("failed");

  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: "Interleave" })).toBeVisible();
  await openLevel(page, "lost-update");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("The Lost Deposit");
  for (const key of "1221122") await page.keyboard.press(key);
  await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victory/);
});

test("a fix-it level's code editor (Monaco) works offline without having been opened before", async ({ page, context }) => {
  await page.goto("/");
  await waitForWorker(page);
  await context.setOffline(true);
  await page.reload();
  await openLevel(page, "fix-lost-update");
  await button(page, "Edit the code").click();
  await expect(page.locator('.fix-monaco[data-thread="Teller Al"][data-state=ready] .monaco-editor')).toBeVisible();
});

test("the level editor, once opened, works offline", async ({ page, context }) => {
  await page.goto("/");
  await waitForWorker(page);
  await newLevelFromTemplate(page, "race");
  // Its JSON support is kept the first time it loads (not precached): wait until it is.
  await expect.poll(() => page.evaluate(async () => (await (await caches.open("interleave-runtime")).keys()).map((r) => new URL(r.url).pathname.replace(/^.*\//, "").replace(/-[\w-]+\./, "."))), { timeout: 30_000 })
    .toEqual(expect.arrayContaining(["jsonMode.js", "json.worker.js"]));
  await context.setOffline(true);
  await page.reload();
  await waitForEditor(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Level editor: My Race");
});

test("the browser can install it: a manifest with a name, icons, a start and a standalone window", async ({ playwright, launchOptions, baseURL }) => {
  // A profile on disk: Chromium offers no installation in an incognito context (Playwright's default).
  const context = await playwright.chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "interleave-install-")), launchOptions);
  const page = await context.newPage();
  await page.goto(baseURL!);
  await waitForWorker(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  expect(installabilityErrors).toEqual([]);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    return link ? ((await (await fetch(link.href)).json()) as Record<string, unknown>) : null;
  });
  expect(manifest).toMatchObject({ name: "Interleave", short_name: "Interleave", start_url: "./", display: "standalone", theme_color: "#1e293b" });
  const icons = manifest!.icons as { src: string; sizes: string; type: string }[];
  expect(icons.filter((i) => i.type === "image/png").map((i) => i.sizes)).toEqual(["192x192", "512x512", "512x512"]);
  for (const icon of icons) {
    const type = await page.evaluate(async (src) => {
      const r = await fetch(new URL(src, document.baseURI));
      return r.ok ? (await r.blob()).type : `HTTP ${r.status}`;
    }, icon.src);
    expect(type, icon.src).toBe(icon.type);
  }
  await context.close();
});

test.describe("on a static host without the isolation headers", () => {
  test.describe.configure({ timeout: 180_000 });
  let host: StaticHost;
  test.beforeEach(async () => {
    host = await staticHost(dist);
  });
  test.afterEach(() => host.close());

  test("hardware mode is still isolated, and runs, after the host is gone", async ({ page, context }) => {
    await page.goto(`${host.url}/#/level/lost-update`);
    // The first visit registers the worker and reloads once; then the worker adds the headers.
    await expect.poll(() => isolated(page), { timeout: 30_000 }).toBe(true);
    await waitForWorker(page);

    await host.close();
    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    expect(response?.headers()["cross-origin-embedder-policy"]).toBe("require-corp");
    expect(await isolated(page)).toBe(true);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("The Lost Deposit");

    await page.getByRole("button", { name: "Hardware mode" }).click();
    const panel = page.getByRole("region", { name: "Hardware mode" });
    await panel.getByLabel("Trials").fill("300");
    await panel.getByRole("button", { name: "Run trials" }).click();
    await expect(panel.getByRole("status")).toContainText("Done: 300 trials", { timeout: 120_000 });
  });

  test("a new version is announced, not swapped in mid-level, and taken when the player reloads", async ({ page }) => {
    await page.goto(`${host.url}/#/level/lost-update`);
    await expect.poll(() => isolated(page), { timeout: 30_000 }).toBe(true);
    await waitForWorker(page);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("The Lost Deposit");
    await page.keyboard.press("1");
    await page.keyboard.press("2");
    await expectSchedule(page, ["Teller Al", "Teller Bea"]);

    // A new build: its worker differs, and says which build it is when asked.
    host.change("sw.js", (text) => `${text}\nself.addEventListener("message", function (e) { if (e.data === "which build?") e.source.postMessage("second"); });\n`);
    const whichBuild = () =>
      page.evaluate(
        () =>
          new Promise<string>((done) => {
            navigator.serviceWorker.addEventListener("message", (e) => done(String(e.data)), { once: true });
            navigator.serviceWorker.controller?.postMessage("which build?");
            setTimeout(() => done("first"), 2_000);
          }),
      );
    // The page's hourly check, made now.
    await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.update()));

    const banner = page.getByRole("status").filter({ hasText: "A new version is ready" });
    await expect(banner).toBeVisible({ timeout: 30_000 });
    // Nothing changed under the player: the moves are there, the old worker still runs the page.
    await expectSchedule(page, ["Teller Al", "Teller Bea"]);
    expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.waiting !== null))).toBe(true);
    expect(await whichBuild()).toBe("first");

    const reloaded = page.waitForEvent("load");
    await banner.getByRole("button", { name: "Reload" }).click();
    await reloaded;
    await expect(page.getByRole("heading", { level: 1 })).toContainText("The Lost Deposit");
    expect(await whichBuild()).toBe("second");
    await expect(banner).toHaveCount(0);
  });
});
