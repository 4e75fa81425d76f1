// Claiming that a level's code cannot break: the claim waits for a try, a right claim shows the
// proof, and a wrong one (on a level that can break) shows how it breaks and costs the win.
// Prove-it levels of the campaign are claimed in e2e/campaign-solutions.spec.ts.

import { expect, test } from "@playwright/test";
import { solve } from "../src/solver/solve";
import { button, openLevel, outcomeDialog } from "./helpers/game";
import { campaignLevel } from "./helpers/levels";

test("a wrong claim on a level that can break shows a shortest schedule that breaks it, and the win no longer counts", async ({ page }) => {
  const { level } = campaignLevel("lost-update");
  const shortest = solve(level.program);
  expect(shortest.verdict).toBe("breakable");
  await openLevel(page, "lost-update");
  const panel = page.getByRole("region", { name: "Claim it cannot break" });
  const claim = panel.getByRole("button", { name: "It cannot break" });
  await expect(claim).toHaveAccessibleDescription("Try to break it first: step every thread that can move.");
  await button(page, "Step Teller Al").click();
  await button(page, "Step Teller Bea").click();
  await claim.click();
  await expect(panel.getByRole("status")).toHaveText(
    `Wrong: it can break. A schedule of ${shortest.schedule!.length} moves reaches a failed assert. This level no longer counts as solved when you break it.`,
    { timeout: 60_000 },
  );
  await expect(panel.getByRole("list", { name: "Moves that break it" }).getByRole("listitem")).toHaveCount(shortest.schedule!.length);
  await expect(claim).toHaveAttribute("aria-disabled", "true");

  // Breaking it now is shown as what it is, and is not recorded.
  await button(page, "Reset").click();
  for (const m of level.spec.solution!) await button(page, `Step ${String(m)}`).click();
  await expect(outcomeDialog(page)).toHaveAccessibleName("Victory: Assertion failed");
  await expect(outcomeDialog(page)).toContainText("It does not count as solved: you claimed this code could not break.");
  await page.goto("/#/");
  await expect(page.getByRole("link", { name: /^The Lost Deposit/ })).not.toHaveAccessibleName(/solved/);
});

test("on a prove-it level, the proof shows only after the claim", async ({ page }) => {
  await openLevel(page, "peterson");
  const panel = page.getByRole("region", { name: "Prove it" });
  await expect(panel).not.toContainText("reachable states");
  await expect(panel.getByRole("button", { name: "Ask for the proof" })).toHaveCount(0);
  await button(page, "Step Keeper 0").click();
  await button(page, "Step Keeper 1").click();
  await panel.getByRole("button", { name: "It cannot break" }).click();
  // One full stop: the goal's "(a deadlock)" is not followed by "..".
  await expect(panel.getByRole("status")).toContainText(/^Right: it cannot break\. The solver checked every schedule, exploring [\d,]+ states: no schedule can get two threads into the critical section at the same time or leave every unfinished thread stuck for good \(a deadlock\)\.Next level$/, {
    timeout: 60_000,
  });
});
