// axe-core finds no violations on the campaign, a level, its dialogs and the error screens, a
// level pack's screens and the grading page, in the light and the dark theme.

import { readFileSync } from "node:fs";
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

    test("a level pack, its record dialog, one of its levels, and the grading page", async ({ page }) => {
      await page.goto("/#/pack?src=packs/example.json");
      await expect(page.getByRole("heading", { level: 1, name: /^Example pack/ })).toBeVisible();
      await expectNoAxeViolations(page, "a pack's campaign");
      await page.getByRole("button", { name: "Download my record", exact: true }).click();
      await page.getByRole("dialog", { name: "Download my record" }).getByRole("button", { name: "Download" }).click();
      await expect(page.getByRole("dialog").getByRole("alert")).toBeVisible();
      await expectNoAxeViolations(page, "the record dialog, with its problem");
      await page.keyboard.press("Escape");
      await page.goto("/#/packs/example/lost-update");
      await expect(page.getByRole("region").first()).toBeVisible();
      await expectNoAxeViolations(page, "a pack's level");
      await page.goto("/#/pack?src=packs/no-such-pack.json");
      await expect(page.getByRole("heading", { level: 1, name: "This pack cannot be opened" })).toBeVisible();
      await expectNoAxeViolations(page, "a pack that cannot be opened");

      await page.goto("/#/grade");
      await expect(page.getByRole("heading", { level: 1, name: "Grade records" })).toBeVisible();
      await expectNoAxeViolations(page, "the empty grading page");
      const packText = readFileSync(new URL("../public/packs/example.json", import.meta.url));
      await page.getByLabel("Choose the pack…").setInputFiles({ name: "example.json", mimeType: "application/json", buffer: packText });
      await page.getByLabel("Choose records…").setInputFiles({ name: "broken.record.json", mimeType: "application/json", buffer: Buffer.from("{") });
      await expect(page.getByRole("table")).toBeVisible();
      await expectNoAxeViolations(page, "the grade table");
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
