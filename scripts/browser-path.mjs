// Which Chromium the Playwright suite drives. playwright.config.ts and scripts/require-browser.mjs
// both ask resolveBrowser(), so the check that runs before `npm test` and the suite itself agree.
// Order: $INTERLEAVE_CHROMIUM (exactly that path, never a fallback), Debian's /usr/bin/chromium,
// then the browser Playwright downloads itself (which `playwright install` puts in its cache).

import { accessSync, constants, statSync } from "node:fs";
import { chromium } from "@playwright/test";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const HOW_TO_FIX = [
  "How to fix:",
  "  on Debian or Ubuntu (as root):  apt-get install -y chromium",
  "  or point at a Chrome/Chromium you have:  INTERLEAVE_CHROMIUM=/path/to/chrome npm test",
].join("\n");

/** True when `path` is a file this process may execute. */
export function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function playwrightBrowserPath() {
  try {
    return chromium.executablePath();
  } catch {
    return undefined; // Playwright has no build for this platform
  }
}

export function resolveBrowser({
  env = process.env,
  systemPath = SYSTEM_CHROMIUM,
  bundledPath = playwrightBrowserPath,
  exists = isExecutableFile,
} = {}) {
  const chosen = env.INTERLEAVE_CHROMIUM;
  if (chosen) {
    if (exists(chosen)) return { ok: true, source: "INTERLEAVE_CHROMIUM", path: chosen, executablePath: chosen };
    return {
      ok: false,
      message: [
        `INTERLEAVE_CHROMIUM is set to ${chosen}, but that is not an executable file.`,
        "When it is set, the end-to-end tests use exactly that browser and try nothing else.",
        "How to fix:",
        "  point it at a Chrome or Chromium executable:  INTERLEAVE_CHROMIUM=/path/to/chrome npm test",
        `  or unset it to use ${systemPath} (Debian, as root: apt-get install -y chromium)`,
      ].join("\n"),
    };
  }
  if (exists(systemPath)) return { ok: true, source: "system", path: systemPath, executablePath: systemPath };

  const bundled = bundledPath();
  if (bundled && exists(bundled)) return { ok: true, source: "playwright", path: bundled, executablePath: undefined };

  return {
    ok: false,
    message: [
      "No Chromium found for the end-to-end tests (Playwright).",
      "Looked for:",
      "  INTERLEAVE_CHROMIUM      not set",
      `  ${systemPath.padEnd(24)} not found`,
      `  Playwright's browser     ${bundled ? `not found at ${bundled}` : "not available on this platform"}`,
      HOW_TO_FIX,
    ].join("\n"),
  };
}
