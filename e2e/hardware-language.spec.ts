// Hardware mode and level packs in the player's language: a browser that asks for German gets
// the hardware panel in German (its words, its numbers "1.000", its shares "97,5 %"), and one that
// asks for Spanish gets a pack's campaign, its record dialog and its problems in Spanish. The
// outcomes' own sentences come from the engine and stay English.

import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const pack = JSON.parse(readFileSync(new URL("../public/packs/example.json", import.meta.url), "utf8")) as { title: string; chapters: { title: string; levels: string[] }[] };

test.describe("a German browser", () => {
  test.use({ locale: "de-DE" });
  test.describe.configure({ timeout: 180_000 });

  test("runs hardware mode in German", async ({ page }) => {
    await page.goto("/#/level/lost-update");
    await page.getByRole("button", { name: "Hardware-Modus" }).click();
    const panel = page.getByRole("region", { name: "Hardware-Modus" });
    await expect(panel).toContainText("Das Rätsel zeigt, was passieren kann");
    await expect(panel.locator(".hw-platform")).toHaveText(/^Plattform: \d+ logische Kerne · Chrome \d+ unter [A-Za-z]+$/);
    await panel.getByLabel("Durchläufe", { exact: true }).fill("1000");
    await panel.getByRole("button", { name: "Durchläufe starten" }).click();
    await expect(panel.getByRole("status")).toContainText("Fertig: 1.000 Durchläufe", { timeout: 120_000 });
    await expect(panel.getByRole("status")).toContainText(/ · [\d.]+ Durchläufe pro Sekunde/);
    const table = panel.getByRole("table", { name: "Ausgänge von 1.000 Durchläufen" });
    await expect(table.getByRole("columnheader")).toHaveText(["Ausgang", "Durchläufe", "Anteil", "Balkendiagramm"]);
    const finished = table.locator("tbody tr").filter({ hasText: "Every thread ran to its end: the program worked correctly this time" });
    await expect(finished.locator(".hw-kind")).toHaveText("Beendet");
    // A share the German way: a decimal comma and a space before the sign.
    await expect(finished.locator("td").nth(1)).toHaveText(/^\d+,\d\u00a0%$/);
    await expect(finished.locator(".hw-odds")).toHaveText(/^Zufalls-Scheduler 50\u00a0%, deine CPU \d+,\d\u00a0%$/);
    await expect(finished.locator(".hw-model")).toHaveText("Sequenzielle Konsistenz, das Speichermodell dieses Levels, erlaubt diesen Endzustand.");
    await expect(panel.locator(".hw-compare")).toHaveText(
      "Jeder Ausgang wurde mit dem Rätsel verglichen: Der Solver hat jede Reihenfolge der Schritte der Threads ausprobiert und kennt jedes Ende, das sie erreichen können.",
    );
    await expect(panel.getByRole("list", { name: "Ausgänge, die das Speichermodell dieses Levels erlaubt" })).toBeVisible();
    await expect(finished.getByRole("button", { name: "Einen Ablauf dafür zeigen" })).toBeVisible();
  });
});

test.describe("a Spanish browser", () => {
  test.use({ locale: "es-ES" });

  test("opens a pack in Spanish", async ({ page }) => {
    await page.goto("/#/pack?src=packs/example.json");
    await expect(page).toHaveURL(/#\/packs\/example$/);
    await expect(page.getByRole("heading", { level: 1, name: pack.title })).toBeVisible();
    await expect(page.getByText("Paquete de niveles", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(pack.chapters.map((c, i) => `Capítulo ${i + 1} ${c.title}`));
    const levels = pack.chapters.flatMap((c) => c.levels).length;
    await expect(page.getByText(`0 de ${levels} niveles resueltos.`)).toBeVisible();
    await expect(page.getByRole("link", { name: /^First Steps/ })).toHaveAccessibleName("First Steps, el siguiente");
    await page.getByRole("button", { name: "Descargar mi registro" }).click();
    const dialog = page.getByRole("dialog", { name: "Descargar mi registro" });
    await expect(dialog).toContainText("El registro recoge los 0 niveles que has resuelto en este paquete");
    await dialog.getByRole("button", { name: "Descargar" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Escribe tu nombre tal como lo conoce tu docente.");
    await dialog.getByRole("button", { name: "Cancelar" }).click();
  });

  test("says in Spanish why a pack cannot be opened", async ({ page }) => {
    await page.goto("/#/pack?src=../secret.json");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("No se puede abrir este paquete");
    await expect(page.getByText("la dirección del paquete «../secret.json» no es una ruta sencilla dentro de este sitio")).toBeVisible();
  });
});
