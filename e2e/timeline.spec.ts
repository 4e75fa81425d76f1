// The timeline and the wait-for graph as a player meets them: one mark per move in its thread's
// lane, a click rewinds (and Redo undoes the rewind), the diagram saves as SVG and PNG, and a
// deadlock's outcome dialog draws the wait-for graph with its cycle marked and written out.

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { button, expectSchedule, openLevel, outcomeDialog, variable } from "./helpers/game";
import { campaignLevel, moveButton } from "./helpers/levels";

// Wide enough that the outcome dialog's timeline starts open, as on a laptop.
test.use({ viewport: { width: 1280, height: 900 } });

const timeline = (page: Page) => page.locator(".play .timeline-panel");
const mark = (page: Page, move: number) => timeline(page).getByRole("button", { name: new RegExp(`^Rewind to after move ${move}: `) });

/** During play the timeline starts folded (the first time): open it. */
async function openTimeline(page: Page) {
  await timeline(page).locator("summary").click();
  await expect(timeline(page)).toHaveAttribute("open", "");
}

async function play(page: Page, threads: string[]) {
  for (const t of threads) await button(page, `Step ${t}`).click();
}

/** The horizontal extent of a lane's head in the timeline, by thread name. */
async function laneSpan(page: Page, name: string) {
  const box = (await timeline(page).locator(`[data-lane="${name}"] .tl-lane-head`).boundingBox())!;
  return { left: box.x, right: box.x + box.width };
}

test("each move is a mark in its thread's lane, and clicking one rewinds to just after it", async ({ page }) => {
  await openLevel(page, "lost-update");
  await expect(timeline(page)).not.toHaveAttribute("open");
  await openTimeline(page);
  await expect(timeline(page)).toContainText("No moves yet");
  await play(page, ["Teller Al", "Teller Bea", "Teller Al"]);
  await expect(timeline(page).locator("summary")).toHaveText("Timeline (3 moves)");
  await expect(timeline(page).getByRole("button", { name: /^Rewind to after move/ })).toHaveCount(3);
  await expect(mark(page, 1)).toHaveAccessibleName("Rewind to after move 1: Teller Al reads balance");
  await expect(mark(page, 2)).toHaveAccessibleName("Rewind to after move 2: Teller Bea reads balance");
  await expect(mark(page, 3)).toHaveAccessibleName("Rewind to after move 3: Teller Al writes balance = 100");

  // Each mark's dot sits in the lane of the thread that moved.
  const al = await laneSpan(page, "Teller Al");
  const bea = await laneSpan(page, "Teller Bea");
  expect(bea.left).toBeGreaterThan(al.right);
  for (const [move, lane] of [[1, al], [2, bea], [3, al]] as const) {
    const dot = (await mark(page, move).locator(".tl-dot").boundingBox())!;
    expect(dot.x).toBeGreaterThanOrEqual(lane.left);
    expect(dot.x + dot.width).toBeLessThanOrEqual(lane.right);
  }
  await expect(variable(page, "balance")).toHaveText("100");

  await mark(page, 1).click();
  await expectSchedule(page, ["Teller Al"]);
  await expect(variable(page, "balance")).toHaveText("0");
  await expect(page.getByRole("region", { name: "Teller Al" })).toContainText("Next: write balance = 100, 2 of 2");
  await expect(page.getByRole("region", { name: "Teller Bea" })).toContainText("Next: read balance, 1 of 2");
  await expect(timeline(page).getByRole("button", { name: /^Rewind to after move/ })).toHaveCount(1);

  // Redo brings the rewound moves back, one at a time, like Undo's.
  await button(page, "Redo").click();
  await expectSchedule(page, ["Teller Al", "Teller Bea"]);
  await button(page, "Redo").click();
  await expectSchedule(page, ["Teller Al", "Teller Bea", "Teller Al"]);
  await expect(variable(page, "balance")).toHaveText("100");
  await expect(button(page, "Redo")).toHaveAttribute("aria-disabled", "true");

  // From the keyboard: Tab reaches the latest move, the arrow keys go to others, Enter rewinds.
  await button(page, "Save as PNG").focus();
  await page.keyboard.press("Tab");
  await expect(mark(page, 3)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(mark(page, 2)).toBeFocused();
  await page.keyboard.press("Enter");
  await expectSchedule(page, ["Teller Al", "Teller Bea"]);

  // Left open, it stays open on the next visit.
  await page.reload();
  await expect(timeline(page)).toHaveAttribute("open", "");
});

test("the timeline saves as an SVG with the lanes' names, and as a PNG", async ({ page }) => {
  await openLevel(page, "lost-update");
  await openTimeline(page);
  await play(page, ["Teller Al", "Teller Bea"]);

  const [svgDownload] = await Promise.all([page.waitForEvent("download"), button(page, "Save as SVG").click()]);
  expect(svgDownload.suggestedFilename()).toBe("lost-update-timeline.svg");
  const svg = readFileSync((await svgDownload.path())!, "utf8");
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      root: doc.documentElement.localName,
      error: doc.getElementsByTagName("parsererror").length,
      texts: Array.from(doc.getElementsByTagName("text"), (t) => t.textContent),
    };
  }, svg);
  expect(parsed.root).toBe("svg");
  expect(parsed.error).toBe(0);
  expect(parsed.texts).toEqual(expect.arrayContaining(["Teller Al", "Teller Bea", "1. reads balance", "2. reads balance"]));
  // A file has no buttons: the page's roles stay behind.
  expect(svg).not.toContain('role="button"');

  const [pngDownload] = await Promise.all([page.waitForEvent("download"), button(page, "Save as PNG").click()]);
  expect(pngDownload.suggestedFilename()).toBe("lost-update-timeline.png");
  const png = readFileSync((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(1000);
});

test("a deadlock's outcome dialog draws the wait-for graph with the cycle marked and written out", async ({ page }) => {
  const { level, solution } = campaignLevel("crossed-transfers");
  await openLevel(page, "crossed-transfers");
  for (const m of solution) await button(page, moveButton(level, m)).click();
  const dialog = outcomeDialog(page);
  await expect(dialog.getByRole("heading", { level: 2 })).toHaveText("Victory: Deadlock (a cycle of waits)");

  const graph = dialog.getByRole("img", { name: "Wait-for graph" });
  await expect(graph).toBeVisible();
  await expect(graph).toHaveAccessibleDescription(/^Cycle: Teller 0 waits for acct\[1\], held by Teller 1; Teller 1 waits for acct\[0\], held by Teller 0\./);
  await expect(dialog.locator(".wf-cycle-text")).toHaveText(
    "Cycle: Teller 0 waits for acct[1], held by Teller 1; Teller 1 waits for acct[0], held by Teller 0.",
  );
  const cycleNodes = await graph.locator(".wf-node.in-cycle").evaluateAll((els) => els.map((e) => e.getAttribute("data-node")).sort());
  expect(cycleNodes).toEqual(["o:acct[0]", "o:acct[1]", "t0", "t1"]);
  const cycleEdges = await graph.locator(".wf-edge.in-cycle").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-from")} ${e.textContent} ${e.getAttribute("data-to")}`).sort());
  expect(cycleEdges).toEqual(["o:acct[0] held by t0", "o:acct[1] held by t1", "t0 waits for o:acct[1]", "t1 waits for o:acct[0]"]);
  // Thread nodes carry their names.
  await expect(graph.locator('[data-node="t0"]')).toContainText("Teller 0");
  const [saved] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Save graph as SVG" }).click()]);
  expect(saved.suggestedFilename()).toBe("crossed-transfers-wait-for.svg");
  expect(readFileSync((await saved.path())!, "utf8")).toContain("acct[1]");

  // The dialog's timeline rewinds too, which closes the dialog.
  await expect(dialog.locator(".timeline-panel summary")).toHaveText(`Timeline (${solution.length} moves)`);
  await dialog.getByRole("button", { name: /^Rewind to after move 3: / }).click();
  await expect(outcomeDialog(page)).toHaveCount(0);
  await expectSchedule(page, ["Teller 0", "Teller 0", "Teller 0"]);
});

test("a lost wake-up is named as one, in the dialog's title and its graph, not as \"no cycle\"", async ({ page }) => {
  const { level, solution } = campaignLevel("lost-wakeup");
  await openLevel(page, "lost-wakeup");
  for (const m of solution) await button(page, moveButton(level, m)).click();
  const dialog = outcomeDialog(page);
  await expect(dialog).toHaveAccessibleName("Victory: Deadlock (a lost wake-up)");
  const words = dialog.locator(".wait-for-panel .wf-words");
  await expect(words.locator("p").first()).toHaveText("A lost wake-up. Nobody is left to signal arrived.");
  await expect(words).not.toContainText("No cycle");
  await expect(dialog.getByRole("img", { name: "Wait-for graph" })).toHaveAccessibleDescription(/^A lost wake-up\. Nobody is left to signal arrived\. Porter waits on arrived/);
});

test("the timeline of a win says what the winning moves did: the clerks enter the critical section", async ({ page }) => {
  await openLevel(page, "first-steps");
  await page.keyboard.press("1");
  await page.keyboard.press("2");
  const dialog = outcomeDialog(page);
  await expect(dialog.getByRole("button", { name: /^Rewind to after move/ })).toHaveCount(2);
  await expect(dialog.getByRole("button", { name: /^Rewind to after move 1: / })).toHaveAccessibleName(
    "Rewind to after move 1: Clerk Ada calls business_logic() and enters the critical section",
  );
  await expect(dialog.getByRole("button", { name: /^Rewind to after move 2: / })).toHaveAccessibleName(
    "Rewind to after move 2: Clerk Bo calls business_logic() and enters the critical section",
  );
});

test("under TSO the timeline says a write went to the store buffer, and a flush to memory", async ({ page }) => {
  await openLevel(page, "peterson-by-mail");
  await openTimeline(page);
  await play(page, ["Keeper 0", "Keeper 0"]); // the loop's branch, then wants[id] = true;
  await expect(mark(page, 2)).toHaveAccessibleName("Rewind to after move 2: Keeper 0 writes wants[0] = true to its store buffer");
  await button(page, "Flush Keeper 0").click();
  await expect(mark(page, 3)).toHaveAccessibleName("Rewind to after move 3: Keeper 0 flushes wants[0] = true to memory");
});

test("a busy-wait deadlock names the condition each spinning thread waits on", async ({ page }) => {
  const { level, solution } = campaignLevel("after-you");
  await openLevel(page, "after-you");
  for (const m of solution) await button(page, moveButton(level, m)).click();
  const dialog = outcomeDialog(page);
  await expect(dialog.locator(".wait-for-panel")).toContainText(
    "Keeper 0 spins on while (wants[1 - id]): waits for wants[1 - id] to become false; no thread can clear it.",
  );
  await expect(dialog.locator(".wf-node.wf-spin")).toHaveCount(2);
  await expect(dialog.locator(".wf-node.in-cycle")).toHaveCount(0);
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds nothing with the timeline and the wait-for graph shown (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const { level, solution } = campaignLevel("locked-out");
    await openLevel(page, "locked-out");
    // After the first move the Withdrawer is blocked: the play area offers the wait-for graph.
    await openTimeline(page);
    await button(page, moveButton(level, solution[0])).click();
    const panel = page.locator(".play .wait-for-panel");
    await panel.locator("summary").click();
    await expect(panel.getByRole("img", { name: "Wait-for graph" })).toBeVisible();
    await expect(panel).toContainText("Withdrawer waits for m, held by Depositor.");
    await expect(timeline(page).locator(".tl-step")).toHaveCount(1);
    await expectNoAxeViolations(page, `a level with its timeline and wait-for graph (${scheme})`);

    for (const m of solution.slice(1)) await button(page, moveButton(level, m)).click();
    await expect(outcomeDialog(page).getByRole("img", { name: "Wait-for graph" })).toBeVisible();
    await expect(outcomeDialog(page).locator(".timeline-svg")).toBeVisible();
    await expectNoAxeViolations(page, `the deadlock's outcome dialog (${scheme})`);
  });
}
