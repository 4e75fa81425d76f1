// The interface in the player's language: a German browser gets the campaign in German (dates
// too, and axe finds nothing wrong with it), the settings switch it to Spanish at once, words a
// save's notice keeps included, and the choice survives a reload; an English browser gets
// English, as before.

import { expect, test, type Page } from "@playwright/test";
import { PROGRESS_KEY } from "../src/ui/store/progress";
import { expectNoAxeViolations } from "./helpers/axe";

const footer = (page: Page) => page.locator("footer.campaign-footer");

async function importFile(page: Page, button: string, name: string, text: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: button }).click();
  await (await chooser).setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

/** A backup made at noon UTC on 7 December 2026, holding one solved level. */
const BACKUP = JSON.stringify({
  format: "interleave-backup",
  version: 1,
  exportedAt: "2026-12-07T12:00:00.000Z",
  saves: { [PROGRESS_KEY]: { state: { solved: { "lost-update": { solvedAt: "2026-12-07T11:00:00.000Z", moves: ["Teller Al"] } } }, version: 1 } },
});

test.describe("in a German browser", () => {
  test.use({ locale: "de-DE", timezoneId: "UTC" });

  test("the campaign is in German, and a backup's date is written the German way", async ({ page }) => {
    await page.goto("/#/");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(footer(page).getByLabel("Sprache", { exact: true })).toHaveValue("de");
    await expect(footer(page)).toHaveAccessibleName("Deine Einstellungen und dein Fortschritt in diesem Browser");
    await expect(footer(page).getByRole("button", { name: "Fortschritt löschen" })).toBeVisible();
    await expect(footer(page).getByRole("button", { name: "Fortschritt exportieren" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Meine Level" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Level-Editor" })).toBeVisible();
    await expect(page.getByText(/^0 von \d+ Leveln gelöst\.$/)).toBeVisible();
    await expect(page.getByText("Clear progress")).toHaveCount(0);
    await expectNoAxeViolations(page, "the campaign in German");

    await importFile(page, "Fortschritt importieren", "sicherung.json", BACKUP);
    const confirm = page.getByRole("dialog", { name: "Deinen Fortschritt ersetzen?" });
    await expect(confirm).toContainText("sicherung.json wurde am 7. Dezember 2026 um 12:00 erstellt und enthält 1 gelöstes Level.");
    await confirm.getByRole("button", { name: "Abbrechen" }).click();
    await expect(confirm).toHaveCount(0);
  });

  test("choosing Español switches the interface at once, a notice from the save too, and it stays after a reload", async ({ page }) => {
    await page.goto("/#/");
    await page.evaluate((key) => localStorage.setItem(key, "{not json"), PROGRESS_KEY);
    await page.reload();
    const notice = page.getByRole("status").filter({ hasText: "gespeicherter Fortschritt" });
    await expect(notice).toContainText("Dein gespeicherter Fortschritt konnte nicht gelesen werden und wurde daher zurückgesetzt.");
    await expect(notice.getByRole("button", { name: "Schließen" })).toBeVisible();

    await footer(page).getByLabel("Sprache", { exact: true }).selectOption({ label: "Español" });
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(footer(page).getByLabel("Idioma", { exact: true })).toHaveValue("es");
    await expect(footer(page).getByRole("button", { name: "Borrar progreso" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Mis niveles" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "No se pudo leer tu progreso guardado, así que se ha reiniciado." })).toBeVisible();
    await expect(page.getByText("Fortschritt löschen")).toHaveCount(0);
    await expect(page.getByText("gespeicherter Fortschritt")).toHaveCount(0);

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(footer(page).getByRole("button", { name: "Exportar progreso" })).toBeVisible();
    await expect(page.getByText(/^0 de \d+ niveles resueltos\.$/)).toBeVisible();
    await expect(page.getByText("Fortschritt")).toHaveCount(0);
  });
});

test.describe("in an English browser", () => {
  test.use({ locale: "en-US" });

  test("the interface is in English, as it always was", async ({ page }) => {
    await page.goto("/#/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(footer(page).getByLabel("Language", { exact: true })).toHaveValue("en");
    await expect(footer(page).getByRole("button", { name: "Clear progress" })).toBeVisible();
    await expect(footer(page).getByRole("button", { name: "Import progress" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "My levels" })).toBeVisible();
    await expect(page.getByText(/^0 of \d+ levels solved\.$/)).toBeVisible();
  });
});

// A message id shown as text ("play.cmd.step") means a screen rendered before its words arrived.
const RAW_ID = /\b(common|campaign|packs|play|hardware|editor|grade)\.[a-z][A-Za-z]*(\.[A-Za-z]+)*\b/;

test.describe("each screen's words", () => {
  test.use({ locale: "de-DE" });

  test("arrive with it: the campaign (a best win on its card), a level and its hardware mode show no message ids", async ({ page }) => {
    await page.addInitScript(([key, save]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, save);
    }, [PROGRESS_KEY, JSON.stringify({ state: { solved: { "lost-update": { solvedAt: "2026-12-07T11:00:00.000Z", moves: ["Teller Al", "Teller Bea"] } } }, version: 1 })] as const);
    await page.goto("/#/");
    await expect(page.getByText("Dein Bestwert: 2 Züge")).toBeVisible();
    expect(await page.locator("body").innerText()).not.toMatch(RAW_ID);
    await page.goto("/#/level/lost-update");
    await expect(page.getByRole("button", { name: "Rückgängig" })).toBeVisible();
    expect(await page.locator("body").innerText()).not.toMatch(RAW_ID);
    await page.getByRole("button", { name: "Hardware-Modus" }).click();
    await expect(page.getByRole("region", { name: "Hardware-Modus" })).toContainText("Das Rätsel zeigt, was passieren kann");
    expect(await page.locator("body").innerText()).not.toMatch(RAW_ID);
  });
});
