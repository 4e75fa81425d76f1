// The SCORM 1.2 package in an LMS: `levels scorm` packages a two-level pack; a test page plays the
// LMS's part with scorm-again's SCORM 1.2 API (the real run-time, as LMSs embed it) and frames the
// unzipped package, all served by Playwright's router on one origin. The game reports incomplete
// with score 0, then 50 after the first level is won, then completed with 100 after the second,
// and puts its progress in cmi.suspend_data; a fresh browser (nothing in its storage) launched
// with that suspend_data resumes with both levels solved.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Browser, type FrameLocator, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { buildPack, loadPack, type Pack } from "../src/course/pack";
import { campaignLevel as levelFile } from "../src/course/testing";
import { decodeSuspendData } from "../src/course/suspend-data";
import { campaignLevel, moveButton } from "./helpers/levels";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// https, as LMSs are: the game checks pack hashes with Web Crypto, which needs a secure context.
const LMS = "https://lms.test";
const LEVELS = ["first-steps", "lost-update"];
// scorm-again's browser build of the SCORM 1.2 API (its exports name no file, so by path).
const SCORM_AGAIN = readFileSync(join(ROOT, "node_modules/scorm-again/dist/scorm12.min.js"), "utf8");

// The LMS's page: scorm-again's API on window.API (loaded with the suspend_data of an earlier
// session when given one), a log of what each commit held, and the package in a frame.
const LMS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm12.min.js"></script>
<script>
  window.API = new Scorm12API({ logLevel: 5 });
  var resume = new URLSearchParams(location.search).get("resume");
  if (resume) window.API.loadFromJSON({ suspend_data: resume, core: { lesson_status: "incomplete" } });
  window.lmsLog = [];
  window.lmsFinished = false;
  window.API.on("LMSFinish", function () { window.lmsFinished = true; });
  window.API.on("LMSCommit", function () {
    window.lmsLog.push({ status: window.API.cmi.core.lesson_status, score: window.API.cmi.core.score.raw, max: window.API.cmi.core.score.max, suspend: window.API.cmi.suspend_data });
  });
</script></head>
<body><iframe title="Course" src="pkg/launch.html" style="width:100%;height:900px;border:0"></iframe></body></html>`;

const TYPES: [RegExp, string][] = [[/\.html$/, "text/html"], [/\.js$/, "text/javascript"], [/\.css$/, "text/css"], [/\.json$/, "application/json"], [/\.svg$/, "image/svg+xml"], [/\.xml$/, "application/xml"]];

let files: Record<string, Uint8Array>;
let pack: Pack;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const built = await buildPack({ id: "lms-week1", title: "Week 1 in the LMS", chapters: [{ title: "Break it", levels: LEVELS }], levels: LEVELS.map(levelFile) });
  const dir = mkdtempSync(join(tmpdir(), "interleave-scorm-e2e-"));
  const packPath = join(dir, "week1.json");
  writeFileSync(packPath, JSON.stringify(built, null, 2));
  const loaded = await loadPack(readFileSync(packPath, "utf8"), "week1.json");
  if (!loaded.ok) throw new Error(loaded.error[0].message);
  pack = loaded.value;
  const zipPath = join(dir, "week1.zip");
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/levels.ts", "scorm", packPath, "-o", zipPath], { cwd: ROOT, encoding: "utf8", timeout: 170_000 });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toContain(`wrote ${zipPath}: a SCORM 1.2 package of "Week 1 in the LMS" (2 levels`);
  files = unzipSync(readFileSync(zipPath));
});

test("the package's manifest is SCORM 1.2, one SCO, and every link in it is relative", () => {
  const manifest = Buffer.from(files["imsmanifest.xml"]).toString("utf8");
  expect(manifest).toContain("<schemaversion>1.2</schemaversion>");
  expect(manifest.match(/adlcp:scormtype="sco"/g)).toHaveLength(1);
  expect(manifest).toContain('href="launch.html"');
  const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => decodeURIComponent(m[1])).sort();
  expect(listed).toEqual(Object.keys(files).filter((f) => f !== "imsmanifest.xml").sort());
  const index = Buffer.from(files["index.html"]).toString("utf8");
  expect(index).not.toMatch(/(src|href)="\//);
  expect(index).not.toContain("sw-register");
  expect(Object.keys(files).filter((f) => /^sw(-register)?\.js$/.test(f))).toEqual([]);
  expect(Buffer.from(files["pack.json"]).toString("utf8")).toBe(JSON.stringify(JSON.parse(Buffer.from(files["pack.json"]).toString("utf8")), null, 2));
});

async function lmsPage(browser: Browser, resume?: string): Promise<{ page: Page; course: FrameLocator }> {
  const context = await browser.newContext();
  await context.route(`${LMS}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === "/lms.html") return route.fulfill({ contentType: "text/html", body: LMS_PAGE });
    if (path === "/scorm12.min.js") return route.fulfill({ contentType: "text/javascript", body: SCORM_AGAIN });
    const file = path.startsWith("/pkg/") ? files[decodeURIComponent(path.slice("/pkg/".length))] : undefined;
    if (!file) return route.fulfill({ status: 404, body: "not found" });
    return route.fulfill({ contentType: TYPES.find(([re]) => re.test(path))?.[1] ?? "application/octet-stream", body: Buffer.from(file) });
  });
  const page = await context.newPage();
  await page.goto(`${LMS}/lms.html${resume === undefined ? "" : `?resume=${encodeURIComponent(resume)}`}`);
  return { page, course: page.frameLocator("iframe") };
}

const lastCommit = (page: Page) => page.evaluate(() => (window as unknown as { lmsLog: { status: string; score: string; max: string; suspend: string }[] }).lmsLog.at(-1) ?? null);

async function win(course: FrameLocator, id: string) {
  const level = campaignLevel(id);
  await course.getByRole("link", { name: new RegExp(`^${level.level.spec.title}`) }).click();
  await expect(course.getByRole("heading", { level: 1, name: level.level.spec.title })).toBeVisible();
  if (id === "first-steps") {
    const skip = course.getByRole("button", { name: "Skip the tour" });
    if (await skip.isVisible()) await skip.click();
  }
  for (const move of level.solution) await course.getByRole("button", { name: moveButton(level.level, move), exact: true }).click();
  await expect(course.getByRole("dialog")).toHaveAccessibleName(/^Victory/);
  await course.getByRole("dialog").press("Escape");
  await expect(course.getByRole("dialog")).toHaveCount(0);
  await course.getByRole("link", { name: "Back to the pack" }).first().click();
}

test("in an LMS: incomplete, then completed with the score, and a new launch resumes from suspend_data", async ({ browser }) => {
  const { page, course } = await lmsPage(browser);
  await expect(course.getByRole("heading", { level: 1, name: "Week 1 in the LMS" })).toBeVisible();
  await expect.poll(() => lastCommit(page)).toMatchObject({ status: "incomplete", score: "0", max: "100" });

  await win(course, "first-steps");
  await expect.poll(() => lastCommit(page)).toMatchObject({ status: "incomplete", score: "50" });
  await win(course, "lost-update");
  await expect.poll(() => lastCommit(page)).toMatchObject({ status: "completed", score: "100" });
  await expect(course.getByText("2 of 2 levels solved.")).toBeVisible();

  const { suspend } = (await lastCommit(page))!;
  expect(suspend.length).toBeLessThanOrEqual(4096);
  const resumed = decodeSuspendData(pack, suspend);
  expect(resumed.solvedIds).toEqual(LEVELS);
  expect(resumed.solved.map((s) => "schedule" in s && s.schedule)).toEqual(LEVELS.map((id) => campaignLevel(id).solution.map(String)));
  // Leaving the course ends the session.
  expect(await page.evaluate(() => (window as unknown as { lmsFinished: boolean }).lmsFinished)).toBe(false);
  await page.evaluate(() => document.querySelector("iframe")!.setAttribute("src", "about:blank"));
  await expect.poll(() => page.evaluate(() => (window as unknown as { lmsFinished: boolean }).lmsFinished)).toBe(true);
  await page.context().close();

  // Another browser, nothing in its storage: the progress comes back from the LMS alone.
  const again = await lmsPage(browser, suspend);
  await expect(again.course.getByRole("heading", { level: 1, name: "Week 1 in the LMS" })).toBeVisible();
  await expect(again.course.getByText("2 of 2 levels solved.")).toBeVisible();
  await expect(again.course.getByRole("link", { name: /^First Steps/ })).toHaveAccessibleName("First Steps, solved");
  await expect.poll(() => lastCommit(again.page)).toMatchObject({ status: "completed", score: "100" });
  await again.page.context().close();
});

test("outside an LMS the package is the game as usual: the pack opens with nothing solved, and no error", async ({ browser }) => {
  const context = await browser.newContext();
  await context.route(`${LMS}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = files[decodeURIComponent(path.slice("/pkg/".length))];
    return file ? route.fulfill({ contentType: TYPES.find(([re]) => re.test(path))?.[1] ?? "application/octet-stream", body: Buffer.from(file) }) : route.fulfill({ status: 404 });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${LMS}/pkg/launch.html`);
  await expect(page.getByRole("heading", { level: 1, name: "Week 1 in the LMS" })).toBeVisible();
  await expect(page.getByText("0 of 2 levels solved.")).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});
