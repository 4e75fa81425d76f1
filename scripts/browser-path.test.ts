// Which Chromium the e2e suite gets, and how `npm test` stops when there is none.

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { resolveBrowser } from "./browser-path.mjs";

const SYSTEM = "/usr/bin/chromium";
const BUNDLED = "/cache/ms-playwright/chromium/chrome";
const CUSTOM = "/opt/chrome/chrome";

function resolveWith(env: Record<string, string>, present: string[]) {
  return resolveBrowser({ env, systemPath: SYSTEM, bundledPath: () => BUNDLED, exists: (p) => present.includes(p) });
}

describe("resolveBrowser", () => {
  test("INTERLEAVE_CHROMIUM wins when it exists", () => {
    expect(resolveWith({ INTERLEAVE_CHROMIUM: CUSTOM }, [CUSTOM, SYSTEM, BUNDLED])).toEqual({
      ok: true,
      source: "INTERLEAVE_CHROMIUM",
      path: CUSTOM,
      executablePath: CUSTOM,
    });
  });

  test("a missing INTERLEAVE_CHROMIUM is an error, never a fallback", () => {
    const choice = resolveWith({ INTERLEAVE_CHROMIUM: "/nonexistent" }, [SYSTEM, BUNDLED]);
    expect(choice.ok).toBe(false);
    if (choice.ok) return;
    expect(choice.message).toContain("INTERLEAVE_CHROMIUM is set to /nonexistent, but that is not an executable file.");
    expect(choice.message).toContain("apt-get install -y chromium");
  });

  test("an empty INTERLEAVE_CHROMIUM counts as unset", () => {
    expect(resolveWith({ INTERLEAVE_CHROMIUM: "" }, [SYSTEM])).toMatchObject({ ok: true, source: "system" });
  });

  test("Debian's /usr/bin/chromium comes next", () => {
    expect(resolveWith({}, [SYSTEM, BUNDLED])).toEqual({ ok: true, source: "system", path: SYSTEM, executablePath: SYSTEM });
  });

  test("then Playwright's own browser, launched without an executablePath", () => {
    expect(resolveWith({}, [BUNDLED])).toEqual({ ok: true, source: "playwright", path: BUNDLED, executablePath: undefined });
  });

  test("with no browser anywhere, the message says what is missing and how to fix it", () => {
    const choice = resolveWith({}, []);
    expect(choice.ok).toBe(false);
    if (choice.ok) return;
    expect(choice.message.split("\n")).toEqual([
      "No Chromium found for the end-to-end tests (Playwright).",
      "Looked for:",
      "  INTERLEAVE_CHROMIUM      not set",
      "  /usr/bin/chromium        not found",
      `  Playwright's browser     not found at ${BUNDLED}`,
      "How to fix:",
      "  on Debian or Ubuntu (as root):  apt-get install -y chromium",
      "  or point at a Chrome/Chromium you have:  INTERLEAVE_CHROMIUM=/path/to/chrome npm test",
    ]);
  });
});

test("require-browser exits 1 with the message when INTERLEAVE_CHROMIUM points nowhere", () => {
  const script = fileURLToPath(new URL("./require-browser.mjs", import.meta.url));
  const run = spawnSync(process.execPath, [script], {
    env: { ...process.env, INTERLEAVE_CHROMIUM: "/nonexistent" },
    encoding: "utf8",
  });
  expect(run.status).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr).toContain("INTERLEAVE_CHROMIUM is set to /nonexistent, but that is not an executable file.");
});
