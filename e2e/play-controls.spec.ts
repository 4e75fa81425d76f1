// Playing a level by hand: undo, redo, reset, the keyboard, disabled controls that say why, the
// hint (written, then the solver's next move), a loss, and moving on after a win.

import { expect, test } from "@playwright/test";
import { initialState, parseMove, step } from "../src/engine/index";
import { solve } from "../src/solver/solve";
import { encodeLevelLink } from "../src/ui/share";
import { button, expectSchedule, openLevel, outcomeDialog, scheduleItems, variable } from "./helpers/game";
import { buttonFor, campaignLevel } from "./helpers/levels";

const AL = "Teller Al";
const BEA = "Teller Bea";

test("undo, redo and reset move through the game's states", async ({ page }) => {
  await openLevel(page, "lost-update");
  await expect(variable(page, "balance")).toHaveText("0");
  await button(page, `Step ${AL}`).click();
  await button(page, `Step ${AL}`).click();
  await expectSchedule(page, [AL, AL]);
  await expect(variable(page, "balance")).toHaveText("100");

  await button(page, "Undo").click();
  await expectSchedule(page, [AL]);
  await expect(variable(page, "balance")).toHaveText("0");
  await button(page, "Undo").click();
  await expect(scheduleItems(page)).toHaveCount(0);

  await button(page, "Redo").click();
  await button(page, "Redo").click();
  await expectSchedule(page, [AL, AL]);
  await expect(variable(page, "balance")).toHaveText("100");

  await button(page, "Reset").click();
  await expect(scheduleItems(page)).toHaveCount(0);
  await expect(variable(page, "balance")).toHaveText("0");
  await expect(page.getByRole("region", { name: AL })).toContainText("Next: read balance, 1 of 2");
  // Reset is a move like any other: undo brings the game back.
  await button(page, "Undo").click();
  await expectSchedule(page, [AL, AL]);
});

test("keyboard shortcuts drive the same commands", async ({ page }) => {
  await openLevel(page, "lost-update");
  await page.keyboard.press("1");
  await expectSchedule(page, [AL]);
  await page.keyboard.press("Shift+Digit2"); // step statement: Bea's `balance += 100;` is two steps
  await expectSchedule(page, [AL, BEA, BEA]);
  await page.keyboard.press("u");
  await expectSchedule(page, [AL]);
  await page.keyboard.press("Control+z");
  await expect(scheduleItems(page)).toHaveCount(0);
  await page.keyboard.press("Shift+U");
  await page.keyboard.press("Control+y");
  await expectSchedule(page, [AL, BEA, BEA]);
  await page.keyboard.press("r");
  await expect(scheduleItems(page)).toHaveCount(0);

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Step statement");
  await page.keyboard.press("1"); // shortcuts stand aside while a dialog is open
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
  await expect(scheduleItems(page)).toHaveCount(0);
});

test("a control that cannot act says why, on hover and focus, in the engine's words", async ({ page }) => {
  await openLevel(page, "lost-update");
  const redo = button(page, "Redo");
  await expect(redo).toHaveAttribute("aria-disabled", "true");
  await expect(redo).toHaveAccessibleDescription("Nothing to redo.");
  await redo.focus();
  await expect(page.getByRole("tooltip", { name: "Nothing to redo." })).toBeVisible();

  await page.keyboard.press("Shift+1");
  await page.keyboard.press("Shift+1");
  const stepAl = button(page, `Step ${AL}`);
  await expect(stepAl).toHaveAttribute("aria-disabled", "true");
  await expect(stepAl).toHaveAccessibleDescription(`${AL} has finished.`);
  await stepAl.hover();
  await expect(page.getByRole("tooltip", { name: `${AL} has finished.` })).toBeVisible();
  await stepAl.click({ force: true }); // does nothing
  await expectSchedule(page, [AL, AL, AL]);
  await expect(page.getByRole("region", { name: AL })).toContainText("Finished");
});

test("the hint: first the written hint, then the solver's next move, from the current state", async ({ page }) => {
  const { level } = campaignLevel("lost-update");
  await openLevel(page, "lost-update");
  await page.keyboard.press("1");
  const state = step(initialState(level.program), parseMove(level.program, AL)!);
  if (!state.ok) throw new Error("Al cannot step");
  const expected = solve(level.program, { from: state.value.packed });
  const first = expected.schedule![0];

  await button(page, "Hint").click();
  const hint = page.getByRole("region", { name: "Hint" });
  await expect(hint).toContainText(level.spec.hint!);
  await button(page, "Hint").click();
  await expect(hint).toContainText(`Next move: ${buttonFor(level, first)}.`);
  await expect(hint).toContainText(`A shortest win from here takes ${expected.schedule!.length} moves.`);
  await expect(page.getByRole("region", { name: level.program.threads[first.thread].name })).toHaveClass(/hinted/);

  // Once the player moves on, the next-move hint is gone; the written one stays.
  await page.keyboard.press("2");
  await expect(hint).not.toContainText("Next move");
  await expect(hint).toContainText(level.spec.hint!);
});

test("the hint says so when no schedule can win from here", async ({ page }) => {
  const level = {
    format: 1, id: "safe", title: "Safe", summary: "A lock that works.", win: ["mutual-exclusion"],
    shared: { m: { type: "mutex" } },
    threads: [{ name: "P", code: "m.lock();\ncritical_section();\nm.unlock();" }, { name: "Q", code: "m.lock();\ncritical_section();\nm.unlock();" }],
  };
  await page.goto(`/#/play?level=${await encodeLevelLink(JSON.stringify(level))}`);
  await expect(button(page, "Step P")).toBeVisible();
  await page.keyboard.press("h"); // no written hint: straight to the solver
  await expect(page.getByRole("region", { name: "Hint" })).toContainText("From here, no schedule wins any more: undo a few moves or reset.");
  await expect(button(page, "Hint")).toHaveAccessibleDescription("The hint for this position is shown.");
});

test("a loss says why and offers Undo and Reset", async ({ page }) => {
  await openLevel(page, "lost-update");
  for (const t of [AL, AL, AL, BEA, BEA, BEA]) await button(page, `Step ${t}`).click();
  // Bea checks the loop, then the assert holds: every thread finishes, a loss.
  await button(page, `Step ${BEA}`).click();
  const dialog = outcomeDialog(page);
  await expect(dialog).toHaveAccessibleName("Defeat: Every thread finished");
  await expect(dialog).toContainText("Every thread ran to its end: the program worked correctly this time.");
  await dialog.getByRole("button", { name: "Undo" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(scheduleItems(page)).toHaveCount(6);
  await button(page, `Step ${BEA}`).click();
  await outcomeDialog(page).getByRole("button", { name: "Reset" }).click();
  await expect(scheduleItems(page)).toHaveCount(0);
});

test("after a win, Back to code and Escape close the dialog and keep the final state on the board", async ({ page }) => {
  await openLevel(page, "first-steps");
  await page.keyboard.press("1");
  // Standing at critical_section(), a clerk is in it: the badge and the next step agree.
  const ada = page.getByRole("region", { name: "Clerk Ada" });
  await expect(ada.locator(".status")).toHaveText("in the critical section");
  await expect(ada.locator(".next-step")).toHaveText("Next: leave the critical section");
  await page.keyboard.press("2");
  const dialog = outcomeDialog(page);
  await expect(dialog).toHaveAccessibleName("Victory: Mutual exclusion broken");
  await dialog.getByRole("button", { name: "Back to code" }).click();
  await expect(dialog).toHaveCount(0);
  // The winning move is still there, and the board says how the game ended.
  await expectSchedule(page, ["Clerk Ada", "Clerk Bo"]);
  await expect(page.getByRole("region", { name: "Clerk Bo" }).locator(".status")).toHaveText("in the critical section");
  const line = page.locator(".controls").getByRole("status");
  await expect(line).toHaveText(
    "Won in move 2: Clerk Ada and Clerk Bo are both in the critical section. Undo to go back, Reset to play again. Show the outcome",
  );
  await expect(button(page, "Step Clerk Ada")).toHaveAccessibleDescription("The game is over: undo or reset to play on.");
  await button(page, "Step Clerk Ada").click({ force: true }); // does nothing
  await expectSchedule(page, ["Clerk Ada", "Clerk Bo"]);

  await line.getByRole("button", { name: "Show the outcome" }).click();
  await expect(outcomeDialog(page)).toHaveAccessibleName("Victory: Mutual exclusion broken");
  await page.keyboard.press("Escape");
  await expect(outcomeDialog(page)).toHaveCount(0);
  await expectSchedule(page, ["Clerk Ada", "Clerk Bo"]);

  await button(page, "Undo").click();
  await expectSchedule(page, ["Clerk Ada"]);
  await expect(page.locator(".controls").getByRole("status")).toHaveCount(0);
  // Redo comes back to the ended game with its dialog still closed.
  await button(page, "Redo").click();
  await expect(outcomeDialog(page)).toHaveCount(0);
  await expect(page.locator(".controls").getByRole("status")).toContainText("Won in move 2:");
});

test("after a loss, Escape keeps the final state too", async ({ page }) => {
  await openLevel(page, "lost-update");
  for (const t of [AL, AL, AL, BEA, BEA, BEA, BEA]) await button(page, `Step ${t}`).click();
  await expect(outcomeDialog(page)).toHaveAccessibleName("Defeat: Every thread finished");
  await page.keyboard.press("Escape");
  await expect(outcomeDialog(page)).toHaveCount(0);
  await expect(scheduleItems(page)).toHaveCount(7);
  await expect(variable(page, "balance")).toHaveText("200");
  await expect(page.locator(".controls").getByRole("status")).toContainText(
    "Lost in move 7: Every thread ran to its end: the program worked correctly this time. Undo to go back, Reset to play again.",
  );
});

test("after a win, Enter goes to the next level; Back returns", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /^First Steps/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "First Steps" })).toBeVisible();
  await page.keyboard.press("1");
  await page.keyboard.press("2");
  await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victory/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#\/level\/one-statement-two-steps$/);
  await expect(page.getByRole("heading", { level: 1, name: "One Statement, Two Steps" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "First Steps" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Interleave" })).toBeVisible();
});
