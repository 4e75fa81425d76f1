// `levels test DIR`, in Chromium: every level file of $LEVELS_TEST_DIR opened through the game's
// own `#/play?level=<link>` route and played as a student plays it. A break-it level's solution
// is clicked move by move and must end in Victory; a fix-it level's reference fix is typed into
// its editors and must be accepted; a prove-it level is tried, then claimed safe, and the claim
// must be right. One test per file, named by the file, so a failure names the level.

import { expect, test, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { levelKind, parseLevel, type FixCode, type Level } from "../../src/engine/index";
import { encodeLevelLink } from "../../src/ui/share";
import { button, outcomeDialog, scheduleItems } from "../helpers/game";
import { moveButton } from "../helpers/levels";

const dir = process.env.LEVELS_TEST_DIR;
if (!dir) throw new Error("LEVELS_TEST_DIR names the folder of levels to play (npm run -s levels -- test DIR sets it)");
const NOT_LEVELS = new Set(["campaign.json", "pack.json"]);
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && !NOT_LEVELS.has(f) && !f.endsWith(".schema.json")).sort();
const shown = (file: string) => relative(process.cwd(), join(dir, file)) || file;

test.describe.configure({ timeout: 120_000 });

test("the folder has levels", () => {
  expect(files, `${dir} has no level files`).not.toEqual([]);
});

async function open(page: Page, text: string) {
  await page.goto(`/#/play?level=${await encodeLevelLink(text)}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

for (const file of files) {
  const text = readFileSync(join(dir, file), "utf8");
  const parsed = parseLevel(text, file);
  if (!parsed.ok) {
    test(`${shown(file)}: loads`, () => {
      const first = parsed.error[0];
      throw new Error(`${first.line ?? 1}:${first.column ?? 1}: ${first.message} (npm run -s levels -- check says more)`);
    });
    continue;
  }
  const level = parsed.value;
  const kind = levelKind(level.spec);
  if (kind === "break") test(`${shown(file)}: its solution, played by clicking, wins`, ({ page }) => playSolution(page, text, level));
  if (kind === "fix") test(`${shown(file)}: its reference fix, typed in, is accepted`, ({ page }) => typeReferenceFix(page, text, level));
  if (kind === "prove") test(`${shown(file)}: tried, then claimed safe, the claim is right`, ({ page }) => claimSafe(page, text, level));
}

async function playSolution(page: Page, text: string, level: Level) {
  const solution = level.spec.solution ?? [];
  expect(solution.length, 'the level has no "solution" to play').toBeGreaterThan(0);
  await open(page, text);
  for (const [i, move] of solution.entries()) {
    const name = moveButton(level, move);
    const control = button(page, name);
    await expect(outcomeDialog(page), `the game ended before move ${i + 1} (${name})`).toHaveCount(0);
    await expect(control, `move ${i + 1} (${name}) cannot be made: its button is disabled`).not.toHaveAttribute("aria-disabled", "true");
    await control.click();
    // The last move opens the outcome dialog, which hides the rest of the screen.
    if (i < solution.length - 1) await expect(scheduleItems(page)).toHaveCount(i + 1);
  }
  await expect(outcomeDialog(page), `after all ${solution.length} moves there is no Victory`).toHaveAccessibleName(/^Victory/);
}

async function typeReferenceFix(page: Page, text: string, level: Level) {
  const fix = level.spec.fix!;
  await open(page, text);
  await button(page, "Edit the code").click();
  // The editors load Monaco on first use: a slow machine may take a while.
  for (const t of fix.threads) await expect(page.locator(`.fix-monaco[data-thread="${t}"][data-state=ready] .monaco-editor`)).toBeVisible({ timeout: 30_000 });
  for (const [thread, code] of Object.entries(fix.reference as FixCode)) {
    await page.locator(`.fix-monaco[data-thread="${thread}"] .view-lines`).click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    if (code !== "") await page.keyboard.insertText(code);
  }
  await button(page, "Check my fix").click();
  await expect(outcomeDialog(page), "the reference fix is not accepted").toHaveAccessibleName("Victory: Fixed", { timeout: 90_000 });
}

async function claimSafe(page: Page, text: string, level: Level) {
  await open(page, text);
  const proof = page.getByRole("region", { name: "Prove it" });
  // The claim waits until every thread that can move has moved.
  let moves = 0;
  for (const t of level.program.threads) {
    const stepIt = button(page, `Step ${t.name}`);
    if ((await stepIt.getAttribute("aria-disabled")) === "true") continue;
    await stepIt.click();
    await expect(scheduleItems(page)).toHaveCount(++moves);
  }
  await proof.getByRole("button", { name: "It cannot break" }).click();
  await expect(proof.getByRole("status"), "the claim that it cannot break is not accepted").toContainText(/^Right: it cannot break\./, { timeout: 90_000 });
}
