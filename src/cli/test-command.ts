// `levels test DIR`: plays every level file of DIR in Chromium through the game's own screens,
// with the Playwright harness that tests the campaign (e2e/levels-test/): a break-it level's
// solution clicked move by move, a fix-it level's reference fix typed in, a prove-it level's
// claim made. Prints one line per level and exits 0 only when every level passed.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { USAGE } from "./usage";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CONFIG = join(ROOT, "e2e/levels-test/playwright.config.ts");

/** What Playwright's JSON reporter writes, as far as it is read here. */
interface JsonSuite {
  title: string;
  specs?: { title: string; tests: { results: { status: string; error?: { message?: string } }[] }[] }[];
  suites?: JsonSuite[];
}

export function testCommand(args: string[]): number {
  const options = args.filter((a) => a.startsWith("-"));
  const dirs = args.filter((a) => !a.startsWith("-"));
  if (options.length > 0) return usage(`unknown option "${options[0]}"`);
  if (dirs.length !== 1) return usage(dirs.length === 0 ? "no folder given" : "one folder at a time");
  const dir = resolve(dirs[0]);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`${dirs[0]}: no such folder`);
    return 1;
  }

  const out = mkdtempSync(join(tmpdir(), "interleave-levels-test-"));
  const report = join(out, "report.json");
  const served = process.env.LEVELS_TEST_BASE_URL;
  console.error(served ? `playing the levels of ${dirs[0]} in Chromium at ${served}…` : `building the game, then playing the levels of ${dirs[0]} in Chromium…`);
  const cli = createRequire(import.meta.url).resolve("@playwright/test/cli");
  // Playwright's own progress (the build, a line per test) goes to stderr as it happens; the
  // results come from its JSON report, and this command's lines go to stdout.
  const run = spawnSync(process.execPath, [cli, "test", "--config", CONFIG, "--reporter=list,json"], {
    cwd: process.cwd(),
    env: { ...process.env, LEVELS_TEST_DIR: dir, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    stdio: ["ignore", process.stderr, process.stderr],
  });
  let suites: JsonSuite[];
  try {
    suites = (JSON.parse(readFileSync(report, "utf8")) as { suites: JsonSuite[] }).suites;
  } catch {
    console.error("Playwright did not run the levels: its output above says why");
    return 1;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  let failed = run.status !== 0;
  // By title: each starts with its file's path, so the lines follow the folder's files.
  for (const spec of suites.flatMap(specsOf).sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))) {
    const results = spec.tests.flatMap((t) => t.results);
    const passed = results.length > 0 && results.every((r) => r.status === "passed");
    if (passed && spec.title === "the folder has levels") continue;
    if (!passed) failed = true;
    console.log(`${passed ? "ok  " : "FAIL"} ${spec.title}`);
    const error = results.find((r) => r.error)?.error?.message;
    if (!passed) console.log(`     ${error ? firstLines(error) : results[0]?.status ?? "not run"}`);
  }
  return failed ? 1 : 0;
}

function specsOf(suite: JsonSuite): NonNullable<JsonSuite["specs"]> {
  return [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specsOf)];
}

/** The gist of a Playwright error: its first lines, without colours or the call log. */
function firstLines(message: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, "");
  const lines = plain.split("\n").map((l) => l.trim()).filter(Boolean);
  const end = lines.findIndex((l) => l.startsWith("Call log:"));
  return lines.slice(0, end < 0 ? 3 : Math.min(end, 3)).join("\n     ");
}

function usage(problem: string): number {
  console.error(`${problem}\n\n${USAGE}`);
  return 2;
}
