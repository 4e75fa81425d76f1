// Hardware mode's "Show a schedule for this": after trials, a row's button asks the solver for a
// shortest schedule that ends the way that trial did; the board loads it with its moves ahead on
// Redo, and stepping through them ends the game with the row's outcome. Three kinds of level: a
// failed assert (lost-update), a deadlock (locked-out) and a run that finishes (message-in-order,
// a TSO level, so the schedule is under TSO).

import { expect, test, type Locator, type Page } from "@playwright/test";
import { outcomeDialog, scheduleItems, variable } from "./helpers/game";

const panelOf = (page: Page) => page.getByRole("region", { name: "Hardware mode" });

/** Opens the level's hardware panel and runs `trials` trials (with jitter: rare races show up). */
async function runTrials(page: Page, levelId: string, trials: number): Promise<Locator> {
  await page.goto(`/#/level/${levelId}`);
  await page.getByRole("button", { name: "Hardware mode" }).click();
  const panel = panelOf(page);
  await panel.getByLabel("Trials").fill(String(trials));
  await panel.getByLabel(/^Jitter/).check();
  await panel.getByRole("button", { name: "Run trials" }).click();
  await expect(panel.getByRole("status")).toContainText(`Done: ${trials.toLocaleString("en-US")} trials`, { timeout: 120_000 });
  return panel;
}

/** Presses the row's button, checks the model it names, then steps through the loaded schedule
 *  (its last move ends the game: the outcome dialog opens, and the page behind it is inert). */
async function showAndReplay(page: Page, panel: Locator, message: RegExp, model: RegExp): Promise<number> {
  const row = panel.locator("tbody tr").filter({ has: page.locator(".hw-message", { hasText: message }) }).first();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Show a schedule for this", exact: true }).click();
  const answer = row.locator(".hw-schedule-model");
  await expect(answer).toContainText(model, { timeout: 60_000 });
  await expect(answer).toContainText("It is loaded on the board from the start");
  const moves = Number((await answer.textContent())!.match(/A shortest schedule of (\d+) moves?/)![1]);
  await expect(row.getByRole("list", { name: "Moves that end this way", exact: true }).getByRole("listitem")).toHaveCount(moves);
  // The board starts over: no moves yet, and the schedule's moves are ahead on Redo.
  await expect(scheduleItems(page)).toHaveCount(0);
  for (let k = 0; k < moves; k++) await row.getByRole("button", { name: "Next move", exact: true }).click();
  return moves;
}

/** Closes the outcome dialog (the final state stays on the board) and checks every move was played. */
async function closeOutcome(page: Page, moves: number): Promise<void> {
  await page.keyboard.press("Escape");
  await expect(outcomeDialog(page)).toHaveCount(0);
  await expect(scheduleItems(page)).toHaveCount(moves);
}

test.describe("a schedule for every trial", () => {
  test.describe.configure({ timeout: 240_000 });

  test("lost-update: the failed assert's row replays to Teller Bea's failed assert in 7 moves", async ({ page }) => {
    const panel = await runTrials(page, "lost-update", 10_000);
    const moves = await showAndReplay(page, panel, /^Teller Bea failed assert\(balance == 200\) at line 5$/, /under sequential consistency/);
    expect(moves).toBe(7);
    await expect(outcomeDialog(page)).toHaveAccessibleName("Victory: Assertion failed");
    await expect(outcomeDialog(page)).toContainText("balance == 200");
    await closeOutcome(page, moves);
  });

  test("locked-out: the deadlock row replays to a deadlock", async ({ page }) => {
    const panel = await runTrials(page, "locked-out", 2_000);
    const moves = await showAndReplay(page, panel, /^Depositor waits for m, which it holds itself/, /under sequential consistency/);
    await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victory: Deadlock/);
    await closeOutcome(page, moves);
  });

  test("message-in-order (TSO): the finished row replays, under TSO, to the same final shared state", async ({ page }) => {
    const panel = await runTrials(page, "message-in-order", 2_000);
    const moves = await showAndReplay(page, panel, /^Every thread ran to its end/, /under TSO/);
    await expect(outcomeDialog(page)).toHaveAccessibleName("Defeat: Every thread finished");
    await closeOutcome(page, moves);
    await expect(variable(page, "tide")).toHaveText("7");
    await expect(variable(page, "ready")).toHaveText("true");
  });
});
