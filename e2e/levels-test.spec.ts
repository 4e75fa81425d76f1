// `npm run -s levels -- test DIR` as an instructor runs it, against the game this suite serves:
// a folder of good levels (one of each kind) passes with a line per level; a folder where one
// level's solution stops a move short fails, naming that level and why.

import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";

const F = "src/cli/__fixtures__";

/** Runs the command as a shell would, outside this test run (no worker's environment). */
function levelsTest(dir: string, baseURL: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TEST_|PW_|PLAYWRIGHT_)/.test(k)));
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/levels.ts", "test", dir], {
    env: { ...env, LEVELS_TEST_BASE_URL: baseURL },
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test.describe.configure({ timeout: 240_000 });

test("levels test passes a folder whose every level plays to its win, one line per level", ({ baseURL }) => {
  const r = levelsTest(`${F}/levels-test-good`, baseURL!);
  expect(r.stdout.trim().split("\n")).toEqual([
    `ok   ${F}/levels-test-good/fix-lost-update.json: its reference fix, typed in, is accepted`,
    `ok   ${F}/levels-test-good/my-counter.json: its solution, played by clicking, wins`,
    `ok   ${F}/levels-test-good/peterson.json: tried, then claimed safe, the claim is right`,
  ]);
  expect(r.status).toBe(0);
});

test("levels test fails a folder with a broken solution, naming the level", ({ baseURL }) => {
  const r = levelsTest(`${F}/levels-test-broken`, baseURL!);
  const lines = r.stdout.trim().split("\n");
  expect(lines.slice(0, 3)).toEqual([
    `ok   ${F}/levels-test-broken/my-counter.json: its solution, played by clicking, wins`,
    `FAIL ${F}/levels-test-broken/stops-short.json: its solution, played by clicking, wins`,
    "     Error: after all 6 moves there is no Victory",
  ]);
  expect(r.status).toBe(1);
});
