// axe-core finds no violations on the campaign, a level, its dialogs and the error screens, in
// the light and the dark theme.

import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { button, openLevel, outcomeDialog } from "./helpers/game";

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("the campaign, and its confirm dialog", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: "Interleave" })).toBeVisible();
      await expectNoAxeViolations(page, "the campaign");
      await page.getByRole("button", { name: "Clear progress" }).click();
      await expect(page.getByRole("dialog", { name: "Clear progress?" })).toBeVisible();
      await expectNoAxeViolations(page, "the clear-progress dialog");
    });

    test("a level in play, with the hint and a blocked thread", async ({ page }) => {
      await openLevel(page, "flag-guard");
      await page.keyboard.press("1");
      await button(page, "Hint").click();
      await button(page, "Hint").click();
      await expect(page.getByRole("region", { name: "Hint" })).toContainText("Next move");
      await expectNoAxeViolations(page, "a level screen");
    });

    test("the victory and defeat dialogs, and the shortcuts", async ({ page }) => {
      await openLevel(page, "first-steps");
      await page.keyboard.press("1");
      await page.keyboard.press("2");
      await expect(outcomeDialog(page)).toBeVisible();
      await expectNoAxeViolations(page, "the victory dialog");
      await page.keyboard.press("Escape");
      await expect(outcomeDialog(page)).toHaveCount(0);

      await openLevel(page, "lost-update");
      for (const k of ["Shift+1", "Shift+1", "Shift+2", "Shift+2", "Shift+2"]) await page.keyboard.press(k);
      await expect(outcomeDialog(page)).toHaveAccessibleName(/^Defeat/);
      await expectNoAxeViolations(page, "the defeat dialog");
      await page.keyboard.press("u");
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      await expectNoAxeViolations(page, "the shortcuts dialog");
    });

    test("the error screens", async ({ page }) => {
      await page.goto("/#/level/no-such-level");
      await expect(page.getByRole("heading", { level: 1, name: "No such level" })).toBeVisible();
      await expectNoAxeViolations(page, "a missing level");
      await page.goto("/#/play?level=AAAAAAAA");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page, "a broken link");
    });
  });
}
