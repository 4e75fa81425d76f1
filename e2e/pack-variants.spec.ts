// Per-student variants in a pack: a pack with a parameterised level (crossed-transfers) asks the
// student's name once; two students whose names give two variants each see their own numbers and
// play them to a win (the schedule found by the solver on their variant); each downloaded record
// names its variant, and `levels grade` (and gradeRecords) accepts each record only for its own
// student: with the names swapped, both are refused because the variant is not that student's.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";
import { expect, test, type Browser } from "@playwright/test";
import { describeVariant, formatMove, levelParams, studentSeed, variantFor } from "../src/engine/index";
import { solve } from "../src/solver/solve";
import { gradeRecords } from "../src/course/grade";
import { buildPack, loadPack, type Pack, type PackLevel } from "../src/course/pack";
import { parseRecord } from "../src/course/record";
import { campaignLevel as levelFile } from "../src/course/testing";
import { studentLevel } from "../src/course/variant";
import { button, outcomeDialog } from "./helpers/game";
import { moveButton } from "./helpers/levels";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LEVEL = "crossed-transfers";

function levels(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/levels.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let packText: string;
let pack: Pack;
let level: PackLevel;

test.beforeAll(async () => {
  const built = await buildPack({ id: "os-variants", title: "Transfers week", chapters: [{ title: "Transfers", levels: [LEVEL] }], levels: [levelFile(LEVEL)] });
  packText = `${JSON.stringify(built, null, 2)}\n`;
  const loaded = await loadPack(packText, "os-variants.json");
  if (!loaded.ok) throw new Error(loaded.error.map((e) => e.message).join("; "));
  pack = loaded.value;
  level = pack.levels[0];
});

/** Two names whose variants of the level differ, found with the engine. */
function twoStudents(): [string, string] {
  const params = levelParams(level.parsed.spec);
  const names = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov"];
  const variantOf = (n: string) => describeVariant(variantFor(params, studentSeed(pack.id, n)));
  const other = names.find((n) => variantOf(n) !== variantOf(names[0]));
  if (!other) throw new Error("every name gives the same variant");
  return [names[0], other];
}

/** Opens the pack in a fresh browser as `student`, wins their variant, and downloads their record. */
async function playAs(browser: Browser, student: string): Promise<string> {
  const own = studentLevel(pack.id, level, student);
  if (!own.ok) throw new Error(own.error[0].message);
  const found = solve(own.value.level.program, { maxStates: 200_000, reduce: true });
  if (found.verdict !== "breakable") throw new Error(`${student}'s variant is ${found.verdict}`);
  const schedule = found.schedule!.map((m) => formatMove(own.value.level.program, m));

  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`/#/pack?data=${deflateRawSync(Buffer.from(packText, "utf8")).toString("base64url")}`);
  await expect(page.getByRole("heading", { level: 1, name: pack.title })).toBeVisible();
  // The level asks the name first, once; the pack remembers it.
  await page.getByRole("link", { name: /^Crossed/ }).click();
  const form = page.getByRole("form", { name: "Who is playing?" });
  await form.getByRole("button", { name: "Play" }).click();
  await expect(form.getByRole("alert")).toHaveText("Type your name as your instructor knows it.");
  await form.getByLabel("Your name").fill(student);
  await form.getByRole("button", { name: "Play" }).click();
  await expect(page.getByRole("heading", { level: 1, name: own.value.level.spec.title })).toBeVisible();
  // The student's own numbers are in the story.
  const numbers = (own.value.level.spec.story ?? "").split("\n\n")[1];
  expect(numbers).toContain(`moves ${own.value.variant!.amount} coins`);
  await expect(page.getByText(numbers)).toBeVisible();
  for (const move of schedule) await button(page, moveButton(own.value.level, move)).click();
  await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victory/);

  await page.goto(`/#/packs/${pack.id}`);
  await expect(page.getByText(`Playing as ${student}: your numbers in this pack come from this name.`)).toBeVisible();
  await page.getByRole("button", { name: "Download my record", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Download my record" });
  await expect(dialog.getByLabel("Your name")).toHaveValue(student);
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download" }).click()]);
  const text = readFileSync(await download.path(), "utf8");
  await context.close();
  const record = parseRecord(text, "record.json");
  if (!record.ok) throw new Error(record.error.map((e) => e.message).join("; "));
  expect(record.value.student).toBe(student);
  expect(record.value.levels.map((l) => [l.id, l.variant])).toEqual([[LEVEL, own.value.variant]]);
  return text;
}

test("two students get two variants, each wins their own, and grading accepts each record only for its own student", async ({ browser }) => {
  const [a, b] = twoStudents();
  const recordA = await playAs(browser, a);
  const recordB = await playAs(browser, b);

  const dir = mkdtempSync(join(tmpdir(), "interleave-variants-"));
  const packPath = join(dir, "os-variants.json");
  writeFileSync(packPath, packText);
  const files = { a: join(dir, "a.record.json"), b: join(dir, "b.record.json"), swappedA: join(dir, "a-as-b.record.json"), swappedB: join(dir, "b-as-a.record.json") };
  writeFileSync(files.a, recordA);
  writeFileSync(files.b, recordB);
  const swap = (text: string, to: string) => JSON.stringify({ ...JSON.parse(text), student: to }, null, 2);
  writeFileSync(files.swappedA, swap(recordA, b));
  writeFileSync(files.swappedB, swap(recordB, a));

  // `levels grade`, as the instructor runs it: both records solved, exit 0.
  const ok = levels("grade", packPath, files.a, files.b);
  expect(ok.status, ok.stdout + ok.stderr).toBe(0);
  expect(ok.stdout).not.toContain("REJECTED");
  // The names swapped: each refused, exit 1, saying why.
  const swapped = levels("grade", packPath, files.swappedA, files.swappedB);
  expect(swapped.status, swapped.stdout + swapped.stderr).toBe(1);
  expect(swapped.stdout).toContain(`a-as-b.record.json (${b}), ${LEVEL}: variant is not this student's`);
  expect(swapped.stdout).toContain(`b-as-a.record.json (${a}), ${LEVEL}: variant is not this student's`);

  const graded = await gradeRecords(pack, [
    { file: "a", text: recordA },
    { file: "b", text: recordB },
    { file: "a-as-b", text: readFileSync(files.swappedA, "utf8") },
    { file: "b-as-a", text: readFileSync(files.swappedB, "utf8") },
  ]);
  expect(graded.students.map((s) => [s.file, s.rows[0].status])).toEqual([["a", "solved"], ["b", "solved"], ["a-as-b", "rejected"], ["b-as-a", "rejected"]]);
});
