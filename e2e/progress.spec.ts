// Progress: a win shows as solved on the campaign (to screen readers too) and survives a reload;
// clearing asks first; a corrupt save is kept aside, reset, and the player is told.

import { expect, test, type Page } from "@playwright/test";
import { CORRUPT_KEY, PROGRESS_KEY } from "../src/ui/store/progress";
import { openLevel, outcomeDialog } from "./helpers/game";
import { campaignIds, campaignLevel } from "./helpers/levels";

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

const [FIRST, SECOND, THIRD] = campaignIds();
const title = (id: string) => campaignLevel(id).level.spec.title;
/** The campaign's link to a level, found by its title (its name goes on with ", solved" or ", up next"). */
const card = (page: Page, id: string) => page.getByRole("link", { name: new RegExp(`^${title(id).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
const win = (moves: string[]) => ({ solvedAt: "2030-01-02T03:04:05.000Z", moves });

async function seedProgress(page: Page, raw: string) {
  await page.goto("/");
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PROGRESS_KEY, raw]);
  await page.reload();
}

test("one broken entry costs that level only: the others stay solved, and a notice says so", async ({ page }) => {
  const raw = JSON.stringify({
    version: 1,
    state: { solved: { [FIRST]: win(["Clerk Ada", "Clerk Bo"]), [SECOND]: { solvedAt: "someday", moves: 3 }, [THIRD]: win(["A"]) } },
  });
  await seedProgress(page, raw);

  await expect(card(page, FIRST)).toHaveAccessibleName(`${title(FIRST)}, solved`);
  await expect(card(page, SECOND)).toHaveAccessibleName(`${title(SECOND)}, up next`);
  await expect(card(page, THIRD)).toHaveAccessibleName(`${title(THIRD)}, solved`);
  await expect(page.getByText(`2 of ${LEVELS} levels solved.`)).toBeVisible();
  const notice = page.getByRole("status").filter({ hasText: "could not be read" });
  await expect(notice).toHaveText(
    `One of your solved levels could not be read, so it is no longer marked solved; the other 2 are kept. The save as it was is kept in this browser's storage under "${CORRUPT_KEY}".Dismiss`,
  );
  expect(await page.evaluate((k) => localStorage.getItem(k), CORRUPT_KEY)).toBe(raw);
  expect(Object.keys(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY))!).state.solved)).toEqual([FIRST, THIRD]);

  // The repaired save reads without a word next time.
  await page.reload();
  await expect(page.getByText(`2 of ${LEVELS} levels solved.`)).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
});

test("a save from a newer version is left untouched, and the notice says the game is older", async ({ page }) => {
  const raw = JSON.stringify({ version: 2, state: { solved: { [FIRST]: win(["Clerk Ada", "Clerk Bo"]) }, badges: ["x"] } });
  await seedProgress(page, raw);

  const notice = page.getByRole("status").filter({ hasText: "older" });
  await expect(notice).toHaveText(
    "This game is older than your saved progress: the save was made by a newer version of Interleave (save version 2; this one reads version 1). The save is kept as it was, and the levels you solve here are not saved. Reload the page to get the newest version of the game.Dismiss",
  );
  await expect(page.getByText(`0 of ${LEVELS} levels solved.`)).toBeVisible();
  // A win this visit shows, but is not written over the newer save.
  await winFirstSteps(page);
  await page.goto("/#/");
  await expect(card(page, FIRST)).toHaveAccessibleName(`${title(FIRST)}, solved`);
  expect(await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY)).toBe(raw);
  await page.reload();
  await expect(notice).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY)).toBe(raw);
  expect(await page.evaluate((k) => localStorage.getItem(k), CORRUPT_KEY)).toBeNull();
});

test("when a full storage cannot keep a copy of a corrupt save, the notice says so and what to do", async ({ page }) => {
  // A storage with no room for the copy: every write under a `.corrupt` key fails as a full one does.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (/\.corrupt(\.\d+)?$/.test(key)) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  const raw = `{"state": {"solved": "${"x".repeat(200_000)}"`;
  await seedProgress(page, raw);

  const notice = page.getByRole("status").filter({ hasText: "could not be read" });
  await expect(notice).toHaveText(
    "Your saved progress could not be read, and this browser's storage is full or turned off, so no copy of the save could be kept. The save is left as it was, and the levels you solve now are not saved. To carry on with progress saved, free some space in this browser's storage (other sites' data, for one) and reload, or choose Clear progress to start afresh (that deletes the old save).Dismiss",
  );
  expect(await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY)).toBe(raw);
  expect(await page.evaluate((k) => localStorage.getItem(k), CORRUPT_KEY)).toBeNull();

  // Clear progress is the way to start afresh: it asks, then progress is saved again.
  await page.getByRole("button", { name: "Clear progress" }).click();
  await page.getByRole("dialog", { name: "Clear progress?" }).getByRole("button", { name: "Clear progress" }).click();
  await expect(notice).toHaveCount(0);
  await winFirstSteps(page);
  await page.goto("/#/");
  await page.reload();
  await expect(card(page, FIRST)).toHaveAccessibleName(`${title(FIRST)}, solved`);
  await expect(page.getByRole("status")).toHaveCount(0);
});
