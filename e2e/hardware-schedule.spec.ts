// Hardware mode's "Show a schedule for this": after trials, a row's button asks the solver for a
// shortest schedule that ends the way that trial did; the board loads it with its moves ahead on
// Redo, and stepping through them ends the game with the row's outcome. Three kinds of level: a
// failed assert (lost-update), a deadlock (locked-out) and a run that finishes (message-in-order,
// a TSO level, so the schedule is under TSO); and a run the CPU reordered on an SC level, whose
// schedule exists only under TSO and replays on the level run under TSO.

import { expect, test, type Locator, type Page } from "@playwright/test";
import { encodeLevelLink } from "../src/ui/share";
import { outcomeDialog, scheduleItems, variable } from "./helpers/game";

const panelOf = (page: Page) => page.getByRole("region", { name: "Hardware mode" });

/** Opens the level's hardware panel and runs up to `trials` trials (with jitter: rare races show
 *  up) until a row with `message` shows up, then stops them: a busy machine runs few a second. */
async function runUntil(page: Page, levelId: string, trials: number, message: RegExp): Promise<Locator> {
  await page.goto(`/#/level/${levelId}`);
  await page.getByRole("button", { name: "Hardware mode" }).click();
  const panel = panelOf(page);
  await panel.getByLabel("Trials").fill(String(trials));
  await panel.getByLabel(/^Jitter/).check();
  await panel.getByRole("button", { name: "Run trials" }).click();
  await expect(panel.locator(".hw-message", { hasText: message }).first()).toBeVisible({ timeout: 150_000 });
  const stop = panel.getByRole("button", { name: "Stop" });
  // At tens of thousands of trials a second the run can end between a look at Stop and a click
  // on it; then there is nothing to stop (a disabled Stop would wait out the test's timeout).
  await stop.click({ timeout: 5_000 }).catch(async (e: unknown) => {
    if (await stop.isEnabled()) throw e;
  });
  await expect(panel.getByRole("status")).toContainText(/^(Done|Stopped after)/);
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
    const failed = /^Teller Bea failed assert\(balance == 200\) at line 5$/;
    const panel = await runUntil(page, "lost-update", 10_000, failed);
    const moves = await showAndReplay(page, panel, failed, /under sequential consistency/);
    expect(moves).toBe(7);
    await expect(outcomeDialog(page)).toHaveAccessibleName("Victory: Assertion failed");
    await expect(outcomeDialog(page)).toContainText("balance == 200");
    await closeOutcome(page, moves);
  });

  test("locked-out: the deadlock row replays to a deadlock", async ({ page }) => {
    const deadlock = /^Depositor waits for m, which it holds itself/;
    const panel = await runUntil(page, "locked-out", 2_000, deadlock);
    const moves = await showAndReplay(page, panel, deadlock, /under sequential consistency/);
    await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victory: Deadlock/);
    await closeOutcome(page, moves);
  });

  test("message-in-order (TSO): the finished row replays, under TSO, to the same final shared state", async ({ page }) => {
    const panel = await runUntil(page, "message-in-order", 2_000, /^Every thread ran to its end/);
    const moves = await showAndReplay(page, panel, /^Every thread ran to its end/, /under TSO/);
    await expect(outcomeDialog(page)).toHaveAccessibleName("Defeat: Every thread finished");
    await closeOutcome(page, moves);
    await expect(variable(page, "tide")).toHaveText("7");
    await expect(variable(page, "ready")).toHaveText("true");
  });

  test("store buffering (SC, by link): the reordered run's schedule exists only under TSO, and replays on the level run under TSO", async ({ page }) => {
    // Each thread writes its flag, then reads the other's: under SC one of them sees a 1. x86's
    // store buffers let both read 0, now and then: no interleaving of the SC level reaches it.
    const level = {
      format: 1, id: "store-buffering-replay", title: "Store buffering", summary: "Can both read 0?", win: ["assertion"],
      shared: { x: 0, y: 0, r1: 1, r2: 1 },
      threads: [{ name: "Ann", code: "x = 1;\nr1 = y;" }, { name: "Bob", code: "y = 1;\nr2 = x;" }],
    };
    await page.goto(`/#/play?level=${await encodeLevelLink(JSON.stringify(level))}`);
    // Trials run until the first reordered run shows up (within a few thousand on this x86 machine), then stop.
    await page.getByRole("button", { name: "Hardware mode" }).click();
    const panel = panelOf(page);
    await panel.getByLabel("Trials").fill("1000000");
    await panel.getByRole("button", { name: "Run trials" }).click();
    const row = panel.locator("tbody tr").filter({ has: page.locator(".hw-message", { hasText: /^Every thread ran to its end, leaving a shared state that no interleaving reaches$/ }) });
    await expect(row).toBeVisible({ timeout: 150_000 });
    await panel.getByRole("button", { name: "Stop" }).click();
    await expect(panel.getByRole("status")).toContainText("Stopped after");
    await expect(row.locator(".hw-sc")).toHaveText("Sequential consistency, this level's memory model, does not allow this final state: the CPU reordered memory here.");
    await row.getByRole("button", { name: "Show a schedule for this", exact: true }).click();
    const answer = row.locator(".hw-schedule-model");
    await expect(answer).toContainText("No order of steps ends this way under sequential consistency.", { timeout: 60_000 });
    await expect(answer).toContainText("The board now plays this level run under TSO");
    await expect(page.getByRole("note").filter({ hasText: "This level run under TSO" })).toBeVisible();
    const moves = Number((await answer.textContent())!.match(/A shortest schedule of (\d+) moves?/)![1]);
    for (let k = 0; k < moves; k++) await row.getByRole("button", { name: "Next move", exact: true }).click();
    await expect(outcomeDialog(page)).toHaveAccessibleName("Defeat: Every thread finished");
    await closeOutcome(page, moves);
    await expect(variable(page, "r1")).toHaveText("0");
    await expect(variable(page, "r2")).toHaveText("0");
    // Back to the level as written: the note goes, and the panel keeps its rows.
    await page.getByRole("button", { name: "Back to sequential consistency" }).click();
    await expect(page.getByRole("note").filter({ hasText: "This level run under TSO" })).toHaveCount(0);
    await expect(row).toBeVisible();
  });
});
