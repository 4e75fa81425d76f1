// Reading and driving the game screen the way a player (or a screen reader) does: by roles and
// accessible names.

import { expect, type Page } from "@playwright/test";
import { SETTINGS_KEY } from "../../src/ui/store/settings";
import { campaignIds } from "./levels";

export async function openLevel(page: Page, id: string): Promise<void> {
  await page.goto(`/#/level/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region").first()).toBeVisible();
  if (id === campaignIds()[0]) await dismissTour(page);
}

/** On the campaign's first level, the first-time tour appears until it is finished or skipped:
 *  skip it, so it covers nothing a test clicks. e2e/languages.spec.ts tests the tour itself. */
export async function dismissTour(page: Page): Promise<void> {
  const done = await page.evaluate((key) => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? "null")?.state?.tourDone === true;
    } catch {
      return false;
    }
  }, SETTINGS_KEY);
  if (done) return;
  await tour(page).getByRole("button", { name: "Skip the tour" }).click();
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
