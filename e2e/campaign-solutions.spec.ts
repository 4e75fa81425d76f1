// Every campaign level's `solution`, played through the UI by clicking the moves' buttons, ends
// in the Victory dialog with the outcome the engine says it reaches.

import { expect, test } from "@playwright/test";
import { parseMove, replay } from "../src/engine/index";
import { waitForGraph } from "../src/engine/wait-for";
import { outcomeTitle, outcomeSentence } from "../src/ui/words";
import "./helpers/english";
import { button, expectSchedule, openLevel, outcomeDialog, scheduleItems } from "./helpers/game";
import { campaignIds, campaignLevel, moveButton, outcomeOf } from "./helpers/levels";

/** How the schedule strip shows a move: "Porter", "Porter wake", "Porter flush". */
function stripLabel(button: string): string {
  const [verb, ...name] = button.split(" ");
  return verb === "Step" ? name.join(" ") : `${name.join(" ")} ${verb.toLowerCase()}`;
}

for (const id of campaignIds().filter((id) => campaignLevel(id).level.spec.breakable === false)) {
  test(`${id}: a prove-it level is solved by trying it, then claiming it cannot break`, async ({ page }) => {
    const { level } = campaignLevel(id);
    await openLevel(page, id);
    const proof = page.getByRole("region", { name: "Prove it" });
    const claim = proof.getByRole("button", { name: "It cannot break" });
    // No proof before a try: the claim waits until every thread has moved.
    await expect(claim).toHaveAccessibleDescription("Try to break it first: step every thread that can move.");
    await claim.click({ force: true }); // aria-disabled: it says why, and does nothing
    await expect(proof.getByRole("status")).toBeEmpty();
    let moves = 0;
    for (const t of level.program.threads) {
      const stepIt = button(page, `Step ${t.name}`);
      if ((await stepIt.getAttribute("aria-disabled")) === "true") continue; // blocked by an earlier step
      await stepIt.click();
      await expect(scheduleItems(page)).toHaveCount(++moves);
    }
    await expect(claim).not.toHaveAttribute("aria-disabled");
    await claim.click();
    await expect(proof.getByRole("status")).toContainText(/^Right: it cannot break\. The solver checked every schedule, exploring [\d,]+ states: no schedule can [^.]+\.(Next level|Back to the campaign)$/, { timeout: 60_000 });
    await page.goto("/#/");
    await expect(page.getByRole("link", { name: new RegExp(`${campaignLevel(id).level.spec.title}.*solved`) })).toBeVisible();
  });
}

// Fix-it levels are won by their fix, not by breaking their code: e2e/fix-it.spec.ts plays them.
for (const id of campaignIds().filter((id) => campaignLevel(id).level.spec.breakable !== false && !campaignLevel(id).level.spec.fix)) {
  test(`${id}: its solution, played by clicking, wins`, async ({ page }) => {
    const { level, solution } = campaignLevel(id);
    expect(solution.length, "the level has a solution").toBeGreaterThan(0);
    const expected = outcomeOf(level, solution)!;
    expect(expected.win).toBe(true);

    await openLevel(page, id);
    for (const move of solution.slice(0, -1)) await button(page, moveButton(level, move)).click();
    await expect(outcomeDialog(page)).toHaveCount(0);
    await button(page, moveButton(level, solution[solution.length - 1])).click();

    const dialog = outcomeDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName(/^Victory/);
    const { state } = replay(level.program, solution.map((m) => parseMove(level.program, m)!));
    await expect(dialog).toHaveAccessibleName(outcomeTitle(expected, waitForGraph(state).deadlock));
    await expect(dialog).toContainText(outcomeSentence(expected));
    await expect(dialog).toHaveAccessibleDescription(outcomeSentence(expected));

    // Back to code: the dialog closes and the final state stays, every move of it.
    await dialog.getByRole("button", { name: "Back to code" }).click();
    await expect(outcomeDialog(page)).toHaveCount(0);
    await expectSchedule(page, solution.map((m) => stripLabel(moveButton(level, m))));
    await expect(page.locator(".controls").getByRole("status")).toContainText(`Won in move ${solution.length}: ${outcomeSentence(expected)}`);
  });
}
