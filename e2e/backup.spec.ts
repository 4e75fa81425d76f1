// Back up and move progress: Export progress saves one file; Import progress in a fresh browser
// restores it after the player confirms; a broken file is refused and nothing is overwritten.

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PROGRESS_KEY } from "../src/ui/store/progress";
import { openLevel, outcomeDialog } from "./helpers/game";

const lostUpdate = (page: Page) => page.getByRole("link", { name: /^The Lost Deposit/ });

async function importFile(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import progress" }).click();
  await (await chooser).setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

test("progress exported in one browser is restored in a fresh one, after the player confirms", async ({ page, browser }) => {
  await openLevel(page, "lost-update");
  for (const t of "1221122") await page.keyboard.press(t);
  await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victory/);
  await page.goto("/#/");
  await expect(lostUpdate(page)).toHaveAccessibleName("The Lost Deposit, solved");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export progress" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^interleave-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync((await file.path())!, "utf8");

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("/#/");
  await expect(lostUpdate(other)).toHaveAccessibleName("The Lost Deposit");
  await importFile(other, "backup.json", text);
  const confirm = other.getByRole("dialog", { name: "Replace your progress?" });
  await expect(confirm).toContainText("holds 1 solved level");
  // Nothing is written before the player says so.
  expect(await other.evaluate((k) => localStorage.getItem(k) ?? "", PROGRESS_KEY)).not.toContain("lost-update");
  await confirm.getByRole("button", { name: "Replace my progress" }).click();
  await expect(lostUpdate(other)).toHaveAccessibleName("The Lost Deposit, solved");
  await expect(other.getByText("Your best: 7 moves")).toBeVisible();
  await fresh.close();
});

test("a broken backup is refused with the reason, and the progress there is kept", async ({ page }) => {
  await openLevel(page, "lost-update");
  for (const t of "1221122") await page.keyboard.press(t);
  await page.goto("/#/");
  await importFile(page, "broken.json", '{\n  "format": "interleave-backup",\n  "version": 1,\n  nope\n}');
  await expect(page.getByRole("alert")).toContainText("broken.json:4:");
  await importFile(page, "pack.json", JSON.stringify({ format: "interleave-pack" }));
  await expect(page.getByRole("alert")).toContainText("pack.json cannot be imported: it is not an Interleave backup");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.reload();
  await expect(lostUpdate(page)).toHaveAccessibleName("The Lost Deposit, solved");
});
