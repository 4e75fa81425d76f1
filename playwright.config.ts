// The end-to-end suite: Chromium against a production build served by `vite preview`, so the
// tests see the same COOP/COEP headers and bundles players get. Which Chromium is decided in
// scripts/browser-path.mjs, shared with the check `npm test` runs first.

import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, resolveBrowser } from "./scripts/browser-path.mjs";

const browser = resolveBrowser();
if (!browser.ok) throw new Error(browser.message);

const CI = Boolean(process.env.CI);
// PREVIEW_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.PREVIEW_PORT ?? 4173);
const PREVIEW_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  // Specs may share the one preview server and its storage; run each file's tests in order.
  fullyParallel: false,
  forbidOnly: CI,
  retries: 0,
  workers: CI ? 1 : 2,
  reporter: "list",
  use: {
    baseURL: PREVIEW_URL,
    trace: "retain-on-failure",
    // The offline service worker precaches the whole build (~5 MB) in every fresh context: on a
    // 2-core machine that is load no other spec needs. The specs about it allow it themselves.
    serviceWorkers: "block",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: browser.executablePath, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: `npx vite build && npx vite preview --port ${PORT} --strictPort`,
    url: PREVIEW_URL,
    reuseExistingServer: !CI,
    timeout: 180_000,
  },
});
