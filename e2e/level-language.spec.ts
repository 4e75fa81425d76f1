// Level text in the player's language: in a German browser the campaign's chapters and cards and
// a level's title, story and hint are German; a level without German is shown in English; and
// switching the interface to English switches the level text with it.

import { expect, test, type Page } from "@playwright/test";
import { encodeLevelLink } from "../src/ui/share";

test.use({ locale: "de-DE" });

const chapterHeading = (page: Page, n: number) => page.locator(".chapter h2").nth(n);
const card = (page: Page, id: string) => page.locator(`li.level-card:has(a[href="#/level/${id}"])`);

test("a German browser gets German chapters and level cards on the campaign", async ({ page }) => {
  await page.goto("/");
  await expect(chapterHeading(page, 1)).toContainText("Race Conditions");
  await expect(chapterHeading(page, 7)).toContainText("Die speisenden Philosophen");
  await expect(page.locator(".chapter-intro").nth(1)).toContainText("Markttag in Ravelton.");
  await expect(card(page, "lost-update").locator(".level-name")).toHaveText("Die verlorene Einzahlung");
  await expect(card(page, "lost-update").locator(".level-summary")).toHaveText("Zwei Einzahlungen zu je 100 gehen ein. Der Kontostand sagt 100.");
  await expect(card(page, "five-philosophers").locator(".level-name")).toHaveText("Fünf Philosophen");
  await expect(page.getByText("The Lost Deposit")).toHaveCount(0);
});

test("a level shows its German title, summary, story and hint", async ({ page }) => {
  await page.goto("/#/level/lost-update");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Die verlorene Einzahlung");
  await expect(page).toHaveTitle("Die verlorene Einzahlung · Interleave");
  await expect(page.locator(".level-title .summary")).toHaveText("Zwei Einzahlungen zu je 100 gehen ein. Der Kontostand sagt 100.");
  await expect(page.locator(".story")).toContainText("Markttag in Ravelton, und in der kleinen Sparkasse am Platz ist viel los.");
  // Code in the story stays code.
  await expect(page.locator(".story code")).toHaveText("balance += 100;");
  await page.keyboard.press("h");
  await expect(page.locator(".hint")).toContainText("Eine Einzahlung berechnet den neuen Kontostand aus dem Wert, den sie gelesen hat.");
});

test("a parameterised level's German has its numbers", async ({ page }) => {
  await page.goto("/#/level/half-a-lock");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ein halbes Lock");
  await expect(page.locator(".story")).toContainText(/Auf einem Konto liegen \d+ Münzen/);
  await expect(page.locator(".story")).not.toContainText("{{");
});

test("a level file without German is shown in English, and one with German in German", async ({ page }) => {
  const level = {
    format: 1, id: "two-clerks", title: "Two Clerks", summary: "Two clerks, one archive room.", story: "Nobody checks the door.",
    win: ["mutual-exclusion"], noops: ["paperwork"],
    threads: [{ name: "Ada", code: "paperwork();\ncritical_section();" }, { name: "Bo", code: "paperwork();\ncritical_section();" }],
  };
  await page.goto(`/#/play?level=${await encodeLevelLink(JSON.stringify(level))}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two Clerks");
  await expect(page.locator(".level-title .summary")).toHaveText("Two clerks, one archive room.");
  await expect(page.locator(".story")).toHaveText("Nobody checks the door.");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");

  // German for the title only: the rest falls back to English, field by field.
  const titled = { ...level, translations: { de: { title: "Zwei Schreiber" } } };
  await page.goto(`/#/play?level=${await encodeLevelLink(JSON.stringify(titled))}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zwei Schreiber");
  await expect(page.locator(".story")).toHaveText("Nobody checks the door.");
});

test("switching the interface to English switches the level text too", async ({ page }) => {
  await page.goto("/");
  await expect(card(page, "lost-update").locator(".level-name")).toHaveText("Die verlorene Einzahlung");
  await page.getByLabel("Sprache").selectOption("en");
  await expect(chapterHeading(page, 1)).toContainText("Races");
  await expect(card(page, "lost-update").locator(".level-name")).toHaveText("The Lost Deposit");
  // And back: the German cards come again.
  await page.getByLabel("Language").selectOption("de");
  await expect(card(page, "lost-update").locator(".level-name")).toHaveText("Die verlorene Einzahlung");
  await page.getByLabel("Sprache").selectOption("en");
  await expect(card(page, "lost-update").locator(".level-name")).toHaveText("The Lost Deposit");
  await page.goto("/#/level/lost-update");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Lost Deposit");
  await expect(page.locator(".story")).toContainText("Market day in Ravelton, and the little savings bank on the square is busy.");
});

test.describe("in an English browser", () => {
  test.use({ locale: "en-US" });

  test("choosing German in the settings brings the German cards and level text", async ({ page }) => {
    await page.goto("/");
    await expect(card(page, "lost-update").locator(".level-name")).toHaveText("The Lost Deposit");
    await page.getByLabel("Language").selectOption("de");
    await expect(card(page, "lost-update").locator(".level-name")).toHaveText("Die verlorene Einzahlung");
    await expect(chapterHeading(page, 1)).toContainText("Race Conditions");
    await page.goto("/#/level/lost-update");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Die verlorene Einzahlung");
  });
});
