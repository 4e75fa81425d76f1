// Reading and driving the game screen the way a player (or a screen reader) does: by roles and
// accessible names.

import { expect, type Page } from "@playwright/test";

export async function openLevel(page: Page, id: string): Promise<void> {
  await page.goto(`/#/level/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region").first()).toBeVisible();
  await dismissTour(page);
}

/** The first-time tour (first campaign level, fresh profile) appears with the level; skip it if
 *  it is there, so it covers nothing a test clicks. e2e/languages.spec.ts tests the tour itself. */
export async function dismissTour(page: Page): Promise<void> {
  const skip = tour(page).getByRole("button", { name: "Skip the tour" });
  if ((await skip.count()) > 0) await skip.click();
  await expect(tour(page)).toHaveCount(0);
}

export const tour = (page: Page) => page.getByRole("dialog", { name: /^(A thread|Step|The next step|Shared state|Undo|Your goal)$/ });

export function button(page: Page, name: string) {
  return page.getByRole("button", { name, exact: true });
}

/** The schedule strip's moves, as their visible text ("1. Teller Al"). */
export function scheduleItems(page: Page) {
  return page.getByRole("list", { name: "Schedule" }).getByRole("listitem");
}

export async function expectSchedule(page: Page, threads: string[]): Promise<void> {
  await expect(scheduleItems(page)).toHaveText(threads.map((t, i) => `${i + 1}. ${t}`));
}

/** A shared variable's shown value. */
export function variable(page: Page, name: string) {
  return page.locator(`[data-variable="${name}"] dd`);
}

export const outcomeDialog = (page: Page) => page.getByRole("dialog");
