// Level packs, end to end: the example pack is what `levels pack` builds from its folder; opened
// by link, by `?src=` and from a file it shows its chapters; two levels played to a win count in
// the pack's own progress (not the campaign's); "Download my record" saves a file that `levels
// grade` (and gradeRecords) reports solved, and rejects with its reason once a schedule move is
// changed or the pack is rebuilt with a level's code changed; `#/grade` shows the same table with
// nothing uploaded; a broken or hostile pack shows where it is wrong and runs nothing.

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { gradeRecords, type GradeTable } from "../src/course/grade";
import { buildPack, loadPack, type Pack } from "../src/course/pack";
import { parseRecord } from "../src/course/record";
import { button, outcomeDialog } from "./helpers/game";
import { campaignIds, campaignLevel, moveButton } from "./helpers/levels";

const PACK_FILE = new URL("../public/packs/example.json", import.meta.url);
const packText = readFileSync(PACK_FILE, "utf8");
const pack = JSON.parse(packText) as { id: string; hash: string; title: string; chapters: { title: string; levels: string[] }[] };
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SOURCE = fileURLToPath(new URL("fixtures/example-pack/", import.meta.url));

/** `npm run -s levels -- ARGS`, as an instructor runs it. */
function levels(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/levels.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const linkData = (text: string) => deflateRawSync(Buffer.from(text, "utf8")).toString("base64url");

async function expectPackCampaign(page: Page) {
  await expect(page).toHaveURL(/#\/packs\/example$/);
  await expect(page.getByRole("heading", { level: 1, name: pack.title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(pack.chapters.map((c, i) => `Chapter ${i + 1} ${c.title}`));
  await expect(page.getByRole("link", { name: /^First Steps/ })).toHaveAccessibleName("First Steps, up next");
}

/** Plays a level's own `solution` on the level screen, by its buttons, to the victory dialog. */
async function playSolution(page: Page, id: string) {
  const level = campaignLevel(id);
  await expect(page.getByRole("heading", { level: 1, name: level.level.spec.title })).toBeVisible();
  for (const move of level.solution) await button(page, moveButton(level.level, move)).click();
  await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victory/);
}

test("the example pack is what `levels pack` builds from its folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "interleave-packs-"));
  const built = levels("pack", SOURCE, "-o", join(dir, "example.json"));
  expect(built.status, built.stdout + built.stderr).toBe(0);
  expect(readFileSync(join(dir, "example.json"), "utf8")).toBe(packText);
});

test("a pack opened by ?src= shows its chapters and is listed on the campaign", async ({ page }) => {
  await page.goto("/#/pack?src=packs/example.json");
  await expectPackCampaign(page);
  await page.goto("/#/");
  const list = page.getByRole("list", { name: "Level packs" });
  await expect(list.getByRole("link")).toHaveText([pack.title]);
  await list.getByRole("link", { name: pack.title }).click();
  await expectPackCampaign(page);
});

test("a pack opened by a link shows its chapters, and survives a reload", async ({ page }) => {
  await page.goto(`/#/pack?data=${linkData(packText)}`);
  await expectPackCampaign(page);
  await page.reload();
  await expectPackCampaign(page);
});

test("a broken or hostile pack says where it is wrong, and nothing runs", async ({ page }) => {
  const tampered = packText.replace("critical_section();", "critical_section(); critical_section();");
  await page.goto(`/#/pack?data=${linkData(tampered)}`);
  await expect(page.getByRole("heading", { level: 1, name: "This pack has errors" })).toBeVisible();
  const line = packText.split("\n").findIndex((l) => l.includes('"hash"')) + 1;
  await expect(page.getByRole("listitem").first()).toContainText(`the pack in this link: line ${line}, column`);
  await expect(page.getByRole("listitem").first()).toContainText('level "first-steps" has changed since the pack was built');
  await expect(page.getByRole("button", { name: /^Step / })).toHaveCount(0);

  await page.goto("/#/pack?src=https://example.org/packs/evil.json");
  await expect(page.getByRole("heading", { level: 1, name: "This pack cannot be opened" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("is not a path on this site");
  await page.goto("/#/pack?src=packs/../../secret.json");
  await expect(page.getByRole("main")).toContainText("is not a plain path inside this site");
  await page.goto("/#/pack?src=packs/no-such-pack.json");
  await expect(page.getByRole("main")).toContainText("could not be fetched: there is no such file");

  await page.goto("/#/");
  await page.getByLabel("Open a pack…").setInputFiles({ name: "week3.json", mimeType: "application/json", buffer: Buffer.from('{"format": "interleave-pack",\n  "version": 2}') });
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("This pack has errors, so nothing in it is run");
  await expect(alert).toContainText("week3.json: line 2, column");
});

test("a pack opened from a file is checked and opened", async ({ page }) => {
  await page.goto("/#/");
  await page.getByLabel("Open a pack…").setInputFiles({ name: "example.json", mimeType: "application/json", buffer: Buffer.from(packText) });
  await expectPackCampaign(page);
});

test("two levels won in a pack count in its own progress, and Download my record saves them", async ({ page }) => {
  await page.goto("/#/pack?src=packs/example.json");
  await expectPackCampaign(page);
  await page.getByRole("link", { name: /^First Steps/ }).click();
  await playSolution(page, "first-steps");
  await page.goto("/#/packs/example/lost-update");
  await playSolution(page, "lost-update");

  await page.goto("/#/packs/example");
  await expect(page.getByRole("link", { name: /^First Steps/ })).toHaveAccessibleName("First Steps, solved");
  await expect(page.getByRole("link", { name: /^The Lost Deposit/ })).toHaveAccessibleName("The Lost Deposit, solved");
  await expect(page.getByText(`2 of ${pack.chapters.flatMap((c) => c.levels).length} levels solved.`)).toBeVisible();
  // The main campaign knows nothing of it.
  await page.goto("/#/");
  await expect(page.getByText(`0 of ${campaignIds().length} levels solved.`)).toBeVisible();

  await page.goto("/#/packs/example");
  await page.getByRole("button", { name: "Download my record", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Download my record" });
  await dialog.getByRole("button", { name: "Download" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Type your name as your instructor knows it.");
  await dialog.getByLabel("Your name").fill("Ada Lovelace");
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toBe("example-ada-lovelace.record.json");
  const recordText = readFileSync(await download.path(), "utf8");
  const record = parseRecord(recordText, "example-ada-lovelace.record.json");
  if (!record.ok) throw new Error(record.error.map((e) => e.message).join("; "));
  expect(record.value.student).toBe("Ada Lovelace");
  expect(record.value.pack).toEqual({ id: pack.id, hash: pack.hash });
  const loaded = await loadPack(packText, "example.json");
  if (!loaded.ok) throw new Error("the example pack does not load");
  const hashOf = (id: string) => loaded.value.levels.find((l) => l.id === id)!.hash;
  expect(record.value.levels.map(({ solvedAt: _, ...entry }) => entry)).toEqual([
    { id: "first-steps", hash: hashOf("first-steps"), schedule: campaignLevel("first-steps").solution },
    { id: "lost-update", hash: hashOf("lost-update"), schedule: campaignLevel("lost-update").solution },
  ]);

  // The name is remembered for next time.
  await page.reload();
  await page.getByRole("button", { name: "Download my record", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Download my record" }).getByLabel("Your name")).toHaveValue("Ada Lovelace");
  await page.keyboard.press("Escape");

  // `levels grade`, as the instructor runs it: both solved, exit status 0.
  const dir = mkdtempSync(join(tmpdir(), "interleave-packs-"));
  const recordPath = join(dir, "ada.record.json");
  writeFileSync(recordPath, recordText);
  const cli = levels("grade", "public/packs/example.json", recordPath);
  expect(cli.stderr).toBe("");
  expect(cli.status).toBe(0);
  expect(cli.stdout.split("\n")[1].split(/\s{2,}/)).toEqual(["Ada Lovelace", recordPath, "solved", "solved", "-", "-", "2/4"]);

  // Graded: both wins count; the other levels were not attempted.
  const graded = await gradeRecords(loaded.value, [{ file: "ada.record.json", text: recordText }]);
  expect(cells(graded)).toEqual([["ada.record.json", "solved", "solved", "not attempted", "not attempted"]]);

  // One move of a schedule changed: that level no longer counts, and the reason says why.
  const edited = JSON.parse(recordText) as { levels: { id: string; schedule: string[] }[] };
  const lost = edited.levels.find((l) => l.id === "lost-update")!;
  lost.schedule[1] = lost.schedule[1] === "Teller Al" ? "Teller Bea" : "Teller Al";
  const editedText = JSON.stringify(edited, null, 2);
  const regraded = await gradeRecords(loaded.value, [{ file: "edited.record.json", text: editedText }]);
  expect(cells(regraded)[0].slice(0, 3)).toEqual(["edited.record.json", "solved", expect.stringMatching(/^rejected: schedule does not win/)]);

  const editedPath = join(dir, "edited.record.json");
  writeFileSync(editedPath, editedText);
  const cliEdited = levels("grade", "public/packs/example.json", editedPath);
  expect(cliEdited.status).toBe(1);
  expect(cliEdited.stdout).toContain(`${editedPath} (Ada Lovelace), lost-update: schedule does not win`);

  // The pack rebuilt by `levels pack` with a level's code changed: the record no longer counts, and says why.
  const changedDir = join(dir, "changed");
  cpSync(SOURCE, changedDir, { recursive: true });
  const lostUpdate = JSON.parse(campaignLevel("lost-update").text) as { threads: { code: string }[] };
  lostUpdate.threads[0].code += "\nbalance = balance;";
  writeFileSync(join(changedDir, "lost-update.json"), JSON.stringify(lostUpdate, null, 2));
  const built = levels("pack", changedDir, "-o", join(dir, "changed.json"));
  expect(built.status, built.stdout + built.stderr).toBe(0);
  const cliChanged = levels("grade", join(dir, "changed.json"), recordPath);
  expect(cliChanged.status).toBe(1);
  expect(cliChanged.stdout.split("\n")[1].split(/\s{2,}/)).toEqual(["Ada Lovelace", recordPath, "REJECTED", "REJECTED", "REJECTED", "REJECTED", "0/4"]);
  expect(cliChanged.stdout).toMatch(new RegExp(`${recordPath} \\(Ada Lovelace\\), lost-update: record for another pack: "example" as it was before it was rebuilt \\(hash ${pack.hash}\\); level changed since it was solved\n`));
  // The same, by gradeRecords: nothing counts, and the changed level says so.
  const changed = await changedPack(loaded.value, "lost-update");
  const againstChanged = await gradeRecords(changed, [{ file: "ada.record.json", text: recordText }]);
  const before = `rejected: record for another pack: "example" as it was before it was rebuilt (hash ${pack.hash})`;
  expect(cells(againstChanged)).toEqual([["ada.record.json", before, `${before}; level changed since it was solved`, before, before]]);

  // #/grade in this browser shows the same table, for both records, with nothing uploaded.
  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.method() !== "GET") requests.push(`${r.method()} ${r.url()}`);
  });
  await page.goto("/#/grade");
  await expect(page.getByRole("heading", { level: 1, name: "Grade records" })).toBeVisible();
  await page.getByLabel("Choose the pack…").setInputFiles({ name: "example.json", mimeType: "application/json", buffer: Buffer.from(packText) });
  await expect(page.getByRole("region", { name: "The pack" })).toContainText(`${pack.title} (4 levels, from example.json)`);
  await page.getByLabel("Choose records…").setInputFiles([
    { name: "ada.record.json", mimeType: "application/json", buffer: Buffer.from(recordText) },
    { name: "edited.record.json", mimeType: "application/json", buffer: Buffer.from(editedText) },
  ]);
  await expect(page.getByRole("status").filter({ hasText: "graded" })).toHaveText("2 records graded: 0 with every level solved.");
  const table = page.getByRole("table", { name: "Grades: student by level" });
  await expect(table.getByRole("columnheader")).toHaveText(["Student", ...graded.levels]);
  const both = await gradeRecords(loaded.value, [{ file: "ada.record.json", text: recordText }, { file: "edited.record.json", text: editedText }]);
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(3);
  for (const [i, s] of both.students.entries()) {
    await expect(rows.nth(i + 1).getByRole("rowheader")).toHaveText(`Ada Lovelace${s.file}`);
    await expect(rows.nth(i + 1).getByRole("cell")).toHaveText(s.rows.map((r) => (r.status === "solved" ? "✓ solved" : r.status === "rejected" ? `✗ rejected: ${r.reason}` : r.reason!)));
  }
  expect(requests).toEqual([]);
});

/** Each student's file, then a cell per level as the grade table words it. */
function cells(table: GradeTable): string[][] {
  return table.students.map((s) => [s.file, ...s.rows.map((r) => (r.status === "solved" ? "solved" : r.status === "missing" ? r.reason! : `rejected: ${r.reason}`))]);
}

/** The pack rebuilt (hashes and all) with one level's first thread's code changed. */
async function changedPack(original: Pack, id: string): Promise<Pack> {
  const levels = original.levels.map((l) => {
    if (l.id !== id) return l.level;
    const level = structuredClone(l.level) as { threads: { code: string }[] };
    level.threads[0].code = `${level.threads[0].code}\nbalance = balance;`;
    return level as Record<string, unknown>;
  });
  const built = await buildPack({ id: original.id, title: original.title, intro: original.intro, chapters: original.chapters, levels });
  const reloaded = await loadPack(JSON.stringify(built), "changed.json");
  if (!reloaded.ok) throw new Error(reloaded.error.map((e) => e.message).join("; "));
  expect(reloaded.value.hash).not.toBe(original.hash);
  return reloaded.value;
}

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("the pack's campaign, the record dialog and the grading page fit", async ({ page }) => {
    await page.goto("/#/pack?src=packs/example.json");
    await expectPackCampaign(page);
    const width = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await width()).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Download my record", exact: true }).tap();
    const name = page.getByRole("dialog", { name: "Download my record" }).getByLabel("Your name");
    await expect(name).toBeInViewport();
    expect(await width()).toBeLessThanOrEqual(0);
    await page.keyboard.press("Escape");

    // The grade table scrolls inside its own box; the page does not.
    await page.goto("/#/grade");
    await page.getByLabel("Choose the pack…").setInputFiles({ name: "example.json", mimeType: "application/json", buffer: Buffer.from(packText) });
    await page.getByLabel("Choose records…").setInputFiles({ name: "broken.record.json", mimeType: "application/json", buffer: Buffer.from("{") });
    await expect(page.getByRole("table")).toBeVisible();
    expect(await width()).toBeLessThanOrEqual(0);
    await page.getByRole("rowheader").scrollIntoViewIfNeeded();
    await expect(page.getByRole("rowheader")).toBeInViewport();
  });
});
