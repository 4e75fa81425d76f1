// Whether a player can see and reach something: wholly on screen, not under anything.

import { expect, type Locator, type Page } from "@playwright/test";

/** Wholly on screen: inside the viewport and not clipped by a scrolling box around it. */
export async function expectOnScreen(page: Page, what: Locator, label: string): Promise<void> {
  await expect(what, label).toBeInViewport({ ratio: 0.99 });
  const box = (await what.boundingBox())!;
  const view = page.viewportSize()!;
  expect(box.y, `${label}: top`).toBeGreaterThanOrEqual(-0.5);
  expect(box.y + box.height, `${label}: bottom`).toBeLessThanOrEqual(view.height + 0.5);
  expect(box.x, `${label}: left`).toBeGreaterThanOrEqual(-0.5);
  expect(box.x + box.width, `${label}: right`).toBeLessThanOrEqual(view.width + 0.5);
}

/** Nothing drawn over the element's middle (a sticky bar, a strip): a click there reaches it. */
export async function expectUncovered(what: Locator, label: string): Promise<void> {
  const hit = await what.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12));
    return top !== null && (el === top || el.contains(top));
  });
  expect(hit, `${label} is not covered`).toBe(true);
}
