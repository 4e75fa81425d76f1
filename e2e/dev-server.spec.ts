// `npm start`, the README's first command, serves a working game: the dev server (not the build
// the other specs use) shows the campaign and plays a level, cross-origin isolated.

import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import { button, outcomeDialog } from "./helpers/game";

let server: ChildProcess | null = null;
let base = "";

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  // What `npm start` runs, on a port of its own.
  server = spawn("npx", ["vite", "--port", String(port), "--strictPort"], { stdio: "ignore", detached: true });
  for (let tries = 0; tries < 120; tries++) {
    const up = await fetch(base).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the dev server did not answer on ${base}`);
});

test.afterAll(() => {
  // The whole process group: npx and the vite it started.
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

test("npm start serves the campaign and a playable level, cross-origin isolated", async ({ page }) => {
  test.setTimeout(120_000);
  const response = await page.goto(`${base}/#/`);
  expect(response?.headers()["cross-origin-embedder-policy"]).toBe("require-corp");
  await expect(page.getByRole("heading", { level: 1, name: "Interleave" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("link", { name: /^The Lost Deposit/ })).toBeVisible();
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);

  await page.getByRole("link", { name: /^The Lost Deposit/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The Lost Deposit" })).toBeVisible({ timeout: 60_000 });
  for (const t of ["Teller Al", "Teller Bea", "Teller Al", "Teller Al", "Teller Bea", "Teller Bea", "Teller Bea"]) await button(page, `Step ${t}`).click();
  await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victory/);
});
