// Hardware mode's odds and memory-model words: beside each row's share, the chance a random
// scheduler ends that way (worked out by the solver in a worker), and which memory model allows
// the outcome. message-in-order is a TSO level: its finished run is one TSO and SC both allow;
// lost-update is an SC level whose lost deposit a random scheduler finds half the time.

import { expect, test, type Locator, type Page } from "@playwright/test";

const panelOf = (page: Page) => page.getByRole("region", { name: "Hardware mode" });

/** Runs `trials` trials of the level. */
async function runTrials(page: Page, levelId: string, trials: number): Promise<Locator> {
  await page.goto(`/#/level/${levelId}`);
  await page.getByRole("button", { name: "Hardware mode" }).click();
  const panel = panelOf(page);
  await panel.getByLabel("Trials").fill(String(trials));
  await panel.getByRole("button", { name: "Run trials" }).click();
  await expect(panel.getByRole("status")).toContainText(`Done: ${trials.toLocaleString("en-US")} trials`, { timeout: 120_000 });
  return panel;
}

const rowOf = (page: Page, panel: Locator, message: RegExp) => panel.locator("tbody tr").filter({ has: page.locator(".hw-message", { hasText: message }) }).first();

test.describe("the odds beside each outcome", () => {
  test.describe.configure({ timeout: 180_000 });

  test("message-in-order (TSO): the finished run, 100% for a random scheduler, allowed by TSO and by SC", async ({ page }) => {
    const panel = await runTrials(page, "message-in-order", 1_000);
    const row = rowOf(page, panel, /^Every thread ran to its end/);
    // The share the CPU got is the row's own Share cell.
    const share = (await row.locator("td").nth(1).textContent())!;
    await expect(row.locator(".hw-odds")).toHaveText(`random scheduler 100%, your CPU ${share}`);
    await expect(row.locator(".hw-model")).toHaveText("TSO, this level's memory model, allows this final state; so does sequential consistency.");
    await expect(row.locator(".hw-sc")).toHaveCount(0);
    // Under the table: what the random scheduler is, over how many states, and what TSO allows.
    await expect(panel.locator(".hw-odds-note")).toContainText("over all 8 states of the puzzle");
    const allowed = panel.getByRole("list", { name: "Outcomes this level's memory model allows" });
    await expect(allowed.getByRole("listitem")).toHaveText(["Every thread ran to its end: the program worked correctly this time: random scheduler 100%"]);
  });

  test("lost-update (SC): the lost deposit is a coin toss for a random scheduler, and SC allows it", async ({ page }) => {
    // Trials run until the lost deposit shows up, then stop (a busy machine runs few trials a second).
    await page.goto("/#/level/lost-update");
    await page.getByRole("button", { name: "Hardware mode" }).click();
    const panel = panelOf(page);
    await panel.getByLabel("Trials").fill("100000");
    await panel.getByLabel(/^Jitter/).check();
    await panel.getByRole("button", { name: "Run trials" }).click();
    const failed = rowOf(page, panel, /^Teller Bea failed assert\(balance == 200\) at line 5$/);
    await expect(failed).toBeVisible({ timeout: 120_000 });
    // On an idle machine all the trials can be over before Stop is pressed: nothing to stop then.
    const stop = panel.getByRole("button", { name: "Stop" });
    await stop.click({ timeout: 5_000 }).catch(async (e: unknown) => {
      if (await stop.isEnabled()) throw e;
    });
    await expect(panel.getByRole("status")).toContainText(/^(Done|Stopped after)/);
    await expect(failed.locator(".hw-odds")).toHaveText(/^random scheduler 50%, your CPU [\d.]+%$/);
    await expect(failed.locator(".hw-model")).toHaveText("Sequential consistency, this level's memory model, allows this.");
    const allowed = panel.getByRole("list", { name: "Outcomes this level's memory model allows" });
    await expect(allowed.getByRole("listitem")).toHaveText([
      "Teller Bea failed assert(balance == 200) at line 5: random scheduler 50%",
      "Every thread ran to its end: the program worked correctly this time: random scheduler 50%",
    ]);
  });
});
