// On a 360 px phone every control is there: threads stack, each Step button can be seen and
// pressed without scrolling the page sideways, and the shared state stays in sight beside it.

import { expect, test } from "@playwright/test";
import { button, openLevel, outcomeDialog, scheduleItems } from "./helpers/game";
import { campaignIds, campaignLevel } from "./helpers/levels";
import { expectOnScreen, expectUncovered } from "./helpers/screen";

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

async function pageWidth(page: import("@playwright/test").Page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
}

test("the campaign fits a phone", async ({ page }) => {
  await page.goto("/");
  const { scroll, client } = await pageWidth(page);
  expect(scroll).toBeLessThanOrEqual(client);
});

for (const id of campaignIds()) {
  test(`${id}: every thread's controls are visible and work on a phone`, async ({ page }) => {
    const { level } = campaignLevel(id);
    await openLevel(page, id);
    const names = level.program.threads.map((t) => t.name);
    let taps = 0;
    for (const name of names) {
      const step = button(page, `Step ${name}`);
      await step.scrollIntoViewIfNeeded();
      await expect(step).toBeInViewport({ ratio: 0.95 }); // fractional pixels at the viewport edge after scrolling
      const box = (await step.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      await expect(button(page, `Step statement ${name}`)).toBeVisible();
      // A thread blocked by an earlier one's step (a lock it took) cannot step: its button says so.
      if ((await step.getAttribute("aria-disabled")) === "true" || (await outcomeDialog(page).count()) > 0) continue;
      await step.tap();
      await expect(scheduleItems(page)).toHaveCount(++taps);
    }
    expect(taps).toBeGreaterThan(0);
    if ((await outcomeDialog(page).count()) > 0) await page.keyboard.press("Escape");
    for (const control of ["Undo", "Redo", "Reset", "Hint"]) await expect(button(page, control)).toBeVisible();
    const { scroll, client } = await pageWidth(page);
    expect(scroll).toBeLessThanOrEqual(client);
    // The thread panels are stacked, one above the other.
    const boxes = await Promise.all(names.map((n) => page.getByRole("region", { name: n }).boundingBox()));
    for (let k = 1; k < boxes.length; k++) expect(boxes[k]!.y).toBeGreaterThan(boxes[k - 1]!.y + boxes[k - 1]!.height - 1);
  });
}

// The shared state sticks to the bottom of the screen while the player scrolls from thread to
// thread: each Step button and the state are seen together, before and after a move.
for (const id of ["lost-update", "one-bell", "five-philosophers", "dekker-by-mail"]) {
  test(`${id}: each thread's Step button and the shared state are on screen together`, async ({ page }) => {
    const { level } = campaignLevel(id);
    await openLevel(page, id);
    const state = page.getByRole("region", { name: "Shared state" });
    for (const { name } of level.program.threads) {
      const step = button(page, `Step ${name}`);
      await step.scrollIntoViewIfNeeded();
      await expectOnScreen(page, step, `Step ${name}`);
      await expectUncovered(step, `Step ${name}`);
      await expectOnScreen(page, state, `the shared state, beside Step ${name}`);
      if ((await step.getAttribute("aria-disabled")) === "true") continue;
      await step.tap();
      if ((await outcomeDialog(page).count()) > 0) break;
      await expectOnScreen(page, state, `the shared state, after Step ${name}`);
      await expectOnScreen(page, step, `Step ${name}, after its move`);
    }
  });
}
