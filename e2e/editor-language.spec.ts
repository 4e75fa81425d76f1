// The level editor and the grading page speak the instructor's language: German from a German
// browser, and the editor's own words (a bundle of their own) load with the editor, in whatever
// language is chosen when it opens or later.

import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { newLevelFromTemplate } from "./helpers/editor";

test.describe("a German browser", () => {
  test.use({ locale: "de-DE" });

  test("the editor's start page, a draft and its check are in German", async ({ page }) => {
    await page.goto("/#/editor");
    await expect(page.getByRole("heading", { level: 1, name: "Level-Editor" })).toBeVisible();
    await expect(page).toHaveTitle("Level-Editor · Interleave");
    await expect(page.getByRole("heading", { name: "Mit einer Vorlage beginnen" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Race Condition/ })).toContainText("ein assert bemerkt das verlorene Update");

    await newLevelFromTemplate(page, "race");
    await expect(page.getByText("Keine: Das Level ist gültig.")).toBeVisible();
    await expect(page.getByTestId("cursor")).toHaveText(/^Zeile \d+, Spalte \d+$/);
    await expect(page.getByRole("group", { name: "Level-Datei" }).getByRole("button", { name: "Exportieren" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Vorschau" })).toBeVisible();
    await page.getByRole("button", { name: "Prüfen", exact: true }).click();
    const report = page.locator(".check-panel [role=status]");
    await expect(report).toContainText(/Brechbar: assertion in \d+ Schritten\./);
    await expect(report).toContainText("Es besteht die Prüfungen von levels check, und seine Lösung führt beim Abspielen zum Sieg.");
    await expect(page.getByRole("button", { name: "In der Vorschau abspielen" })).toBeVisible();
  });

  test("the grading page and its table are in German; the course's reasons stay as the course words them", async ({ page }) => {
    const packText = readFileSync("public/packs/example.json", "utf8");
    await page.goto("/#/grade");
    await expect(page.getByRole("heading", { level: 1, name: "Aufzeichnungen bewerten" })).toBeVisible();
    await expect(page.getByText("Noch kein Paket.")).toBeVisible();
    await page.getByLabel("Paket auswählen …").setInputFiles({ name: "example.json", mimeType: "application/json", buffer: Buffer.from(packText) });
    await expect(page.getByRole("region", { name: "Das Paket" })).toContainText("(4 Level, aus example.json)");
    await page.getByLabel("Aufzeichnungen auswählen …").setInputFiles({ name: "broken.record.json", mimeType: "application/json", buffer: Buffer.from("{") });
    await expect(page.getByRole("status").filter({ hasText: "bewertet" })).toHaveText("1 Aufzeichnung bewertet: Bei 0 sind alle Level gelöst.");
    const table = page.getByRole("table", { name: "Bewertungen: Lernende nach Level" });
    await expect(table.getByRole("columnheader").first()).toHaveText("Lernende");
    await expect(table.getByRole("rowheader")).toContainText("(unlesbar)");
    await expect(table.getByRole("cell").first()).toHaveText(/^✗ abgelehnt: \S/);
  });
});

test.describe("a Spanish browser", () => {
  test.use({ locale: "es-ES" });

  test("the editor's words load with the editor, and again in a language chosen after it opened", async ({ page }) => {
    await page.goto("/#/editor");
    await expect(page.getByRole("heading", { level: 1, name: "Editor de niveles" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Empezar con una plantilla" })).toBeVisible();

    // The editor's code is loaded now: choosing German on the campaign page loads its German words too.
    await page.getByRole("link", { name: "Campaña" }).click();
    await page.getByRole("combobox", { name: "Idioma" }).selectOption({ label: "Deutsch" });
    await expect(page.getByRole("combobox", { name: "Sprache" })).toBeVisible();
    await page.goto("/#/editor");
    await expect(page.getByRole("heading", { level: 1, name: "Level-Editor" })).toBeVisible();
    await expect(page.getByText("oder zieh eine Level-Datei (.json) auf diese Seite.")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
  });
});
