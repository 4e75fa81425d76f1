// Par: the victory dialog compares the player's win with the fewest moves that win (the solver's
// shortest schedule), and the campaign card keeps the player's best win.

import { expect, test, type Page } from "@playwright/test";
import { encodeLevelLink } from "../src/ui/share";
import { PROGRESS_KEY } from "../src/ui/store/progress";
import { openLevel, outcomeDialog } from "./helpers/game";
import { campaignLevel } from "./helpers/levels";

/** Plays lost-update by thread number (1 is Teller Al, 2 is Teller Bea). */
async function play(page: Page, threads: string) {
  // A fresh page: the level screen would otherwise show the last game, already won.
  await page.goto("about:blank");
  await openLevel(page, "lost-update");
  for (const t of threads) await page.keyboard.press(t);
  await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victory/);
}

const bestOnCard = (page: Page) => page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /^The Lost Deposit/ }) }).locator(".level-best");

test("a win above par says the par, a win at par says so, and the card keeps the best", async ({ page }) => {
  // Bea spins once on `while (!alDone)` before Al finishes: one move more than needed.
  await play(page, "12221122");
  await expect(outcomeDialog(page).getByText("You won in 8 moves. Par: 7.")).toBeVisible();
  await page.goto("/#/");
  await expect(bestOnCard(page)).toHaveText("Your best: 8 moves");

  await play(page, "1221122");
  await expect(outcomeDialog(page).getByText("You won in 7 moves. That is par: no schedule wins in fewer.")).toBeVisible();
  await page.goto("/#/");
  await expect(bestOnCard(page)).toHaveText("Your best: 7 moves");

  // A longer win later does not make the best worse.
  await play(page, "12221122");
  await page.goto("/#/");
  await expect(bestOnCard(page)).toHaveText("Your best: 7 moves");
});

test("a level from a link gets its par too, found by the solver in the browser", async ({ page }) => {
  const { text } = campaignLevel("lost-update");
  // The same code under another title: nothing about it is known before it is played.
  const json = JSON.stringify({ ...JSON.parse(text), id: "linked-deposit", title: "A Linked Deposit", solution: undefined });
  await page.goto(`/#/play?level=${await encodeLevelLink(json)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A Linked Deposit");
  for (const t of "12221122") await page.keyboard.press(t);
  await expect(outcomeDialog(page).getByText("You won in 8 moves. Par: 7.")).toBeVisible();
});

test("a save from before par existed shows its best win on the card", async ({ page }) => {
  // Version 1 saves already kept each level's shortest winning schedule: its length is the best.
  await page.goto("/#/");
  const moves = ["Teller Al", "Teller Bea", "Teller Bea", "Teller Bea", "Teller Bea", "Teller Al", "Teller Al", "Teller Bea", "Teller Bea"];
  await page.evaluate(
    ([key, moves]) => localStorage.setItem(key as string, JSON.stringify({ version: 1, state: { solved: { "lost-update": { solvedAt: "2026-11-01T10:00:00.000Z", moves } } } })),
    [PROGRESS_KEY, moves] as const,
  );
  await page.reload();
  await expect(bestOnCard(page)).toHaveText("Your best: 9 moves");
});
