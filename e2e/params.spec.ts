// A parameterised campaign level is played as its default variant: the student sees the numbers
// of the default values everywhere (story, code, shared state), never a "{{name}}" placeholder.
// The editor's Check checks every variant and names the ones that fail.

import { expect, test } from "@playwright/test";
import { overdraft } from "../src/engine/testing/overdraft";
import { waitForEditor } from "./helpers/editor";
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

test("the editor's Check checks every variant and lists the ones whose verdict differs, by their values", async ({ page }) => {
  // Two customers withdraw 100 from {{start}}: with 200 or 300 nobody goes into the red.
  const text = overdraft({ start: { min: 100, max: 300, step: 100 } });
  await page.goto("/#/editor");
  await page.getByLabel("Import…").setInputFiles({ name: "overdraft.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await waitForEditor(page);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  const check = page.getByRole("region", { name: "Check" });
  await expect(check.getByText("Parameters: checked all 3 variants; 2 fail (listed below).")).toBeVisible({ timeout: 30_000 });
  await expect(check.getByRole("status").getByRole("listitem")).toHaveText([
    /^variant start=200: the level is meant to be breakable, but no schedule wins/,
    /^variant start=300: the level is meant to be breakable, but no schedule wins/,
  ]);
  await expect(check.getByText(/^Breakable: assertion in 17 steps\./)).toBeVisible();
});
