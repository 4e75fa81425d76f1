// Progress: a win shows as solved on the campaign (to screen readers too) and survives a reload;
// clearing asks first; a corrupt save is kept aside, reset, and the player is told.

import { expect, test, type Page } from "@playwright/test";
import { CORRUPT_KEY, PROGRESS_KEY } from "../src/ui/store/progress";
import { openLevel, outcomeDialog } from "./helpers/game";
import { campaignIds } from "./helpers/levels";

const LEVELS = campaignIds().length;

async function winFirstSteps(page: Page) {
  await openLevel(page, "first-steps");
  await page.keyboard.press("1");
  await page.keyboard.press("2");
  await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victory/);
}

test("a solved level is marked on the campaign, after a reload too", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: /^First Steps/ })).toHaveAccessibleName("First Steps, up next");
  await expect(page.getByText(`0 of ${LEVELS} levels solved.`)).toBeVisible();

  await winFirstSteps(page);
  await page.goto("/#/");
  const solved = page.getByRole("link", { name: /^First Steps/ });
  await expect(solved).toHaveAccessibleName("First Steps, solved");
  await expect(page.getByRole("link", { name: /^One Statement, Two Steps/ })).toHaveAccessibleName("One Statement, Two Steps, up next");

  await page.reload();
  await expect(page.getByRole("link", { name: /^First Steps/ })).toHaveAccessibleName("First Steps, solved");
  await expect(page.getByText(`1 of ${LEVELS} levels solved.`)).toBeVisible();
  const saved = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY))!);
  expect(saved.version).toBe(1);
  expect(saved.state.solved["first-steps"].moves).toEqual(["Clerk Ada", "Clerk Bo"]);
});

test("clearing progress asks first", async ({ page }) => {
  await winFirstSteps(page);
  await page.goto("/#/");
  await page.getByRole("button", { name: "Clear progress" }).click();
  const confirm = page.getByRole("dialog", { name: "Clear progress?" });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("link", { name: /^First Steps/ })).toHaveAccessibleName("First Steps, solved");

  await page.getByRole("button", { name: "Clear progress" }).click();
  await page.getByRole("dialog", { name: "Clear progress?" }).getByRole("button", { name: "Clear progress" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^First Steps/ })).toHaveAccessibleName("First Steps, up next");
  await page.reload();
  await expect(page.getByText(`0 of ${LEVELS} levels solved.`)).toBeVisible();
});

test("a corrupt save is kept aside, progress is reset, and a notice says so", async ({ page }) => {
  const garbage = '{"state": {"solved": 42}, "version": 1'; // truncated JSON
  await page.goto("/");
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PROGRESS_KEY, garbage]);
  await page.reload();

  const notice = page.getByRole("status").filter({ hasText: "could not be read" });
  await expect(notice).toContainText(`Your saved progress could not be read, so it has been reset. The old save is kept in this browser's storage under "${CORRUPT_KEY}".`);
  expect(await page.evaluate((k) => localStorage.getItem(k), CORRUPT_KEY)).toBe(garbage);
  expect(await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY)).toBeNull();
  await expect(page.getByText(`0 of ${LEVELS} levels solved.`)).toBeVisible();

  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
  // Play on: progress is saved again, and the garbage stays where it was put.
  await winFirstSteps(page);
  await page.goto("/#/");
  await page.reload();
  await expect(page.getByRole("link", { name: /^First Steps/ })).toHaveAccessibleName("First Steps, solved");
  await expect(page.getByRole("status")).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), CORRUPT_KEY)).toBe(garbage);
});
