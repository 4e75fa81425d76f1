// A parameterised campaign level is played as its default variant: the student sees the numbers
// of the default values everywhere (story, code, shared state), never a "{{name}}" placeholder.

import { expect, test } from "@playwright/test";
import { openLevel, variable } from "./helpers/game";

test("card-declined shows its default amount, 100, in the story, the code and the balance, and no placeholder", async ({ page }) => {
  await openLevel(page, "card-declined");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Card Declined");
  await expect(page.getByRole("region", { name: "Story" })).toContainText("one account holding 100 coins");
  const atm = page.getByRole("region", { name: "ATM 0" });
  await expect(atm).toContainText("if (balance >= 100) {");
  await expect(atm).toContainText("balance -= 100;");
  await expect(variable(page, "balance")).toHaveText("100");
  expect(await page.locator("body").innerText()).not.toContain("{{");
});

test("crossed-transfers shows both of its parameters' defaults: 10 coins moved, 100 in each account", async ({ page }) => {
  await openLevel(page, "crossed-transfers");
  await expect(page.getByRole("region", { name: "Story" })).toContainText("Teller 0 moves 10 coins from account 0 to account 1");
  await expect(page.getByRole("region", { name: "Teller 0" })).toContainText("balance[from] -= 10;");
  expect(await page.locator("body").innerText()).not.toContain("{{");
});
