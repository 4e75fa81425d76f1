// Hardware mode shows the store buffering of the processor it runs on. Ships in the Night is the
// store-buffering litmus test (North: x = 1; r1 = y. South: y = 1; r2 = x), lost when both
// keepers read 0, which no interleaving does: on this x86 machine some of 100,000 trials end that
// way. Its fenced twin, Wait for the Mailboat, puts a fence between each store and load, and in
// 100,000 trials never does.

import { expect, test, type Page } from "@playwright/test";

const TRIALS = 100_000;

/** Runs the level's trials in its hardware panel (no jitter: the race as the machine runs it)
 *  and returns the tally as rows. */
async function raceOnHardware(page: Page, levelId: string): Promise<{ outcome: string; count: number }[]> {
  await page.goto(`/#/level/${levelId}`);
  await page.getByRole("button", { name: "Hardware mode" }).click();
  const panel = page.getByRole("region", { name: "Hardware mode" });
  await panel.getByLabel("Trials").fill(String(TRIALS));
  await panel.getByRole("button", { name: "Run trials" }).click();
  await expect(panel.getByRole("status")).toContainText(`Done: ${TRIALS.toLocaleString("en-US")} trials`, { timeout: 540_000 });
  const table = panel.getByRole("table", { name: `Outcomes of ${TRIALS.toLocaleString("en-US")} trials` });
  const rows = await table.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({ outcome: tr.querySelector(".hw-message")?.textContent ?? "", count: Number((tr.querySelectorAll("td")[0]?.textContent ?? "").replace(/,/g, "")) })),
  );
  expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(TRIALS);
  return rows;
}

test.describe("store buffering on this machine's processor", () => {
  // 100,000 trials take seconds on an idle machine, minutes on a busy one.
  test.describe.configure({ timeout: 600_000 });

  test("ships-in-the-night: some trials end with both keepers reading 0", async ({ page }) => {
    const rows = await raceOnHardware(page, "ships-in-the-night");
    const reordered = rows.find((r) => r.outcome === "South Keeper failed assert(r1 == 1 || r2 == 1) at line 6");
    expect(reordered?.count ?? 0, JSON.stringify(rows)).toBeGreaterThan(0);
    // No interleaving without store buffers ends that way, and the row says so.
    await expect(page.getByRole("row").filter({ hasText: "South Keeper failed assert" })).toContainText("the CPU reordered memory here");
    // Any other ending is the program working, or (on a loaded machine) a spin left without a core.
    for (const row of rows) if (row !== reordered) expect(row.outcome).toMatch(/^Every thread ran to its end|still running after/);
  });

  test("wait-for-the-mailboat: with a fence between each store and load, no trial does", async ({ page }) => {
    const rows = await raceOnHardware(page, "wait-for-the-mailboat");
    expect(rows.filter((r) => /failed assert/.test(r.outcome)), JSON.stringify(rows)).toEqual([]);
    expect(rows.find((r) => r.outcome.startsWith("Every thread ran to its end"))?.count ?? 0).toBeGreaterThan(0);
    await expect(page.getByText("the CPU reordered memory here")).toHaveCount(0);
  });
});
