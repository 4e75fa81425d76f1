// The level screen in the browser's language: a German and a Spanish browser get the controls,
// a thread's state and the victory dialog's par sentence in their own words, while the level's
// own text and the keys stay as they are.

import { expect, test, type Page } from "@playwright/test";
import { parseMove } from "../src/engine/index";
import { openLevel, outcomeDialog } from "./helpers/game";
import { campaignLevel } from "./helpers/levels";

const thread = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

/** Plays the level's own solution with the Step buttons, named in the page's language. */
async function playSolution(page: Page, id: string, step: string) {
  const { level, solution } = campaignLevel(id);
  for (const move of solution) {
    const m = parseMove(level.program, move);
    if (!m || m.kind !== "step") throw new Error(`${id}: this spec plays step moves only`);
    await page.getByRole("button", { name: `${step} ${level.program.threads[m.thread].name}`, exact: true }).click();
  }
}

test.describe("in German", () => {
  test.use({ locale: "de-DE" });

  test("the controls, a thread's state and the par sentence are German; the keys still work", async ({ page }) => {
    await openLevel(page, "lost-update");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    const controls = page.getByRole("group", { name: "Spielsteuerung" });
    for (const name of ["Rückgängig", "Wiederholen", "Zurücksetzen", "Tipp"]) await expect(controls.getByRole("button", { name, exact: true })).toBeVisible();
    await expect(thread(page, "Teller Al").locator(".status")).toHaveText("bereit");
    await expect(page.getByText("Noch keine Züge: Drück bei einem Thread auf „Schritt“ oder auf seine Zifferntaste.")).toBeVisible();
    // A key still steps a thread; its button says why nothing is left to undo before that.
    await expect(controls.getByRole("button", { name: "Rückgängig" })).toHaveAccessibleDescription("Noch nichts rückgängig zu machen.");
    await page.keyboard.press("1");
    await expect(page.getByRole("heading", { name: /^Ablauf/ })).toHaveText("Ablauf (1 Zug)");
    await page.keyboard.press("u");
    await expect(page.getByRole("heading", { name: /^Ablauf/ })).toHaveText("Ablauf (0 Züge)");

    await playSolution(page, "lost-update", "Schritt");
    await expect(outcomeDialog(page)).toHaveAccessibleName("Sieg: Assertion fehlgeschlagen");
    await expect(outcomeDialog(page).getByText("Du hast in 7 Zügen gewonnen. Das ist Par: Kein Ablauf gewinnt mit weniger.")).toBeVisible();
    await expect(outcomeDialog(page).getByRole("button", { name: "Nächstes Level" })).toBeVisible();
  });
});

test.describe("in Spanish", () => {
  test.use({ locale: "es-ES" });

  test("the controls, a blocked thread and the par sentence are Spanish", async ({ page }) => {
    await openLevel(page, "locked-out");
    const controls = page.getByRole("group", { name: "Controles de la partida" });
    for (const name of ["Deshacer", "Rehacer", "Reiniciar", "Pista"]) await expect(controls.getByRole("button", { name, exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Paso Depositor", exact: true }).click();
    // Why it is blocked is the engine's own sentence; the words around it are Spanish.
    await expect(thread(page, "Withdrawer").locator(".status")).toHaveText("bloqueado");
    await expect(thread(page, "Withdrawer").locator(".next-step")).toHaveText("Bloqueado: waits for m held by Depositor.");
    await expect(page.getByRole("button", { name: "Paso Withdrawer", exact: true })).toHaveAccessibleDescription("Withdrawer está bloqueado: waits for m held by Depositor.");
    await controls.getByRole("button", { name: "Reiniciar" }).click();

    await playSolution(page, "locked-out", "Paso");
    await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victoria: Interbloqueo/);
    await expect(outcomeDialog(page).getByText("Has ganado en 4 jugadas. Eso es el par: ninguna secuencia gana con menos.")).toBeVisible();
  });
});
