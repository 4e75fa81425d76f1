// The level screen is a game board. On a 1280x800 laptop every campaign level shows, without
// scrolling, each thread's current line (or its status, once it has none), its Step button and
// the whole shared state, before and after moves; on a big monitor too. Nothing sticks over the
// threads, the schedule never shows half a row, and the hint and hardware mode come into view
// when opened. (Phones: e2e/phone.spec.ts.)

import { expect, test, type Page } from "@playwright/test";
import { encodeLevelLink } from "../src/ui/share";
import { button, openLevel, outcomeDialog } from "./helpers/game";
import { campaignIds, campaignLevel, moveButton, type CampaignLevel } from "./helpers/levels";
import { expectOnScreen, expectUncovered } from "./helpers/screen";

/** The board as a player needs it: every thread's marked line (or status) and Step, and the state. */
async function expectBoardOnScreen(page: Page, { level }: CampaignLevel, when: string): Promise<void> {
  expect(await page.evaluate(() => window.scrollY), `${when}: the page has not scrolled`).toBe(0);
  for (const t of level.program.threads) {
    const panel = page.getByRole("region", { name: t.name, exact: true });
    const line = panel.locator(".line.current");
    // A finished thread has no current line: its status says so instead.
    const mark = (await line.count()) > 0 ? line.first() : panel.locator(".thread-head .status");
    await expectOnScreen(page, mark, `${when}: ${t.name}'s current line`);
    await expectOnScreen(page, button(page, `Step ${t.name}`), `${when}: Step ${t.name}`);
  }
  await expectOnScreen(page, page.getByRole("region", { name: "Shared state" }), `${when}: the shared state`);
}

/** The moves the test plays: the solution but its winning move; a prove-it level has none, so
 *  each thread in turn, as long as it can. */
async function movesOf(c: CampaignLevel): Promise<string[]> {
  if (c.solution.length > 0) return c.solution.slice(0, -1).map((m) => moveButton(c.level, m));
  const names = c.level.program.threads.map((t) => `Step ${t.name}`);
  return Array.from({ length: 8 }, (_, k) => names[k % names.length]);
}

async function playAndCheck(page: Page, c: CampaignLevel): Promise<void> {
  test.setTimeout(90_000); // up to 43 moves, clicked one by one on a busy machine
  await openLevel(page, c.id);
  await expectBoardOnScreen(page, c, "at the start");
  const moves = await movesOf(c);
  const checks = new Set([Math.min(3, moves.length), moves.length]);
  let played = 0;
  for (const name of moves) {
    const b = button(page, name);
    if ((await b.getAttribute("aria-disabled")) === "true") continue;
    await b.click();
    played++;
    if ((await outcomeDialog(page).count()) > 0) break;
    if (checks.has(played)) await expectBoardOnScreen(page, c, `after ${played} moves`);
  }
  expect(played).toBeGreaterThan(0);
}

test.describe("a laptop, 1280x800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const id of campaignIds()) {
    test(`${id}: threads, Step buttons and the shared state fit the screen`, async ({ page }) => {
      await playAndCheck(page, campaignLevel(id));
    });
  }

  test("the schedule shows whole rows only, scrolled to the latest move", async ({ page }) => {
    const c = campaignLevel("busy-hatch");
    await openLevel(page, c.id);
    const moves = c.solution.slice(0, 30);
    for (const m of moves) await button(page, moveButton(c.level, m)).click();
    const list = page.getByRole("list", { name: "Schedule" });
    const rows = await list.evaluate((ol) => {
      const box = ol.getBoundingClientRect();
      return [...ol.children].map((li) => {
        const r = li.getBoundingClientRect();
        const shown = Math.max(0, Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top));
        return { text: li.textContent, shown: Math.round((shown / r.height) * 100) };
      });
    });
    expect(rows).toHaveLength(30);
    // Every move is either wholly in the box or wholly out of it, and the last one is in it.
    expect(rows.filter((r) => r.shown !== 0 && r.shown !== 100)).toEqual([]);
    expect(rows[29]).toEqual({ text: `30. ${moveButton(c.level, moves[29]).replace(/^Step /, "")}`, shown: 100 });
  });

  test("the hint comes into view when asked for, before and after the first move", async ({ page }) => {
    // A long story and a large state: the hint's place is at the bottom of a full column.
    await openLevel(page, "fix-two-cooks");
    await page.keyboard.press("h");
    const hint = page.getByRole("region", { name: "Hint" });
    await expectOnScreen(page, hint.getByRole("heading", { name: "Hint" }), "the written hint's heading");
    await page.keyboard.press("h");
    await expect(hint).toContainText("Next move: Step", { timeout: 30_000 });
    await expectOnScreen(page, hint.locator(".next-move"), "the next move");
    await button(page, "Step Cook 0").click();
    await page.keyboard.press("h");
    await expect(hint).toContainText("Next move: Step", { timeout: 30_000 });
    await expectOnScreen(page, hint.locator(".next-move"), "the next move after a move");
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  test("the story and goal fold at the first move and open again on request", async ({ page }) => {
    await openLevel(page, "lost-update");
    const story = page.getByRole("region", { name: "Story" });
    await expect(story).toBeVisible();
    await button(page, "Step Teller Al").click();
    await expect(story).toBeHidden();
    await page.getByText("Story and goal", { exact: true }).click();
    await expect(story).toBeVisible();
    await button(page, "Step Teller Al").click();
    await expect(story).toBeVisible();
  });

  test("hardware mode opens into view, its heading uncovered", async ({ page }) => {
    await openLevel(page, "closing-time");
    await page.getByRole("button", { name: "Hardware mode" }).click();
    const heading = page.getByRole("region", { name: "Hardware mode" }).getByRole("heading", { name: "Hardware mode" });
    await expect(heading).toBeVisible();
    await expectOnScreen(page, heading, "the hardware panel's heading");
    await expectUncovered(heading, "the hardware panel's heading");
    // With a tally under it, the panel's heading can be scrolled to the top: nothing sticks over it.
    const panel = page.getByRole("region", { name: "Hardware mode" });
    await panel.getByLabel("Trials").fill("200");
    await panel.getByRole("button", { name: "Run trials" }).click();
    await expect(panel.getByRole("status")).toContainText("Done: 200 trials", { timeout: 60_000 });
    await heading.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await expectUncovered(heading, "the hardware panel's heading at the top");
  });
});

test.describe("a big monitor, 1920x1080", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  for (const id of ["five-philosophers", "lowest-fork-first", "fair-if", "dekker-by-mail", "fix-two-cooks"]) {
    test(`${id}: the board fits, the threads side by side`, async ({ page }) => {
      const c = campaignLevel(id);
      await playAndCheck(page, c);
      // Up to four threads in one row; five or six in two rows of three, so code lines stay whole.
      const n = c.level.program.threads.length;
      const tops = await Promise.all(c.level.program.threads.map(async (t) => (await page.getByRole("region", { name: t.name, exact: true }).boundingBox())!.y));
      expect(new Set(tops.map(Math.round)).size).toBe(n <= 4 ? 1 : 2);
    });
  }
});

test.describe("a small window, 800x600, where the page scrolls", () => {
  test.use({ viewport: { width: 800, height: 600 } });

  test("nothing sticks over a thread panel scrolled to the top", async ({ page }) => {
    await openLevel(page, "closing-time");
    for (const name of ["Caretaker", "Clerk 0", "Clerk 1"]) {
      const heading = page.getByRole("region", { name, exact: true }).getByRole("heading", { name });
      await heading.evaluate((el) => el.scrollIntoView({ block: "start" }));
      await expectUncovered(heading, `${name}'s heading`);
    }
  });

  test("the hint asked for with H, scrolled down at the last thread, is brought into view", async ({ page }) => {
    await openLevel(page, "closing-time");
    await button(page, "Step Caretaker").click();
    await button(page, "Step Clerk 1").scrollIntoViewIfNeeded();
    await page.keyboard.press("h");
    const heading = page.getByRole("region", { name: "Hint" }).getByRole("heading", { name: "Hint" });
    await expectOnScreen(page, heading, "the hint's heading");
    await expectUncovered(heading, "the hint's heading");
  });
});

/** A stranger's level whose every text is one unbroken word. */
function unbrokenLevel() {
  const v = "v".repeat(300);
  const m = "m".repeat(300);
  return JSON.stringify({
    format: 1,
    id: "unbroken",
    title: "T".repeat(10_000),
    summary: "S".repeat(3_000),
    story: "W".repeat(3_000),
    hint: "H".repeat(2_000),
    win: ["mutual-exclusion"],
    shared: { [v]: 0, [m]: { type: "mutex" } },
    threads: [
      { name: "A".repeat(400), code: `${m}.lock();\n${v} = ${v} + 1;\ncritical_section();\n${m}.unlock();` },
      { name: "B".repeat(400), code: `${m}.lock();\ncritical_section();\n${m}.unlock();` },
    ],
  });
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
  test(`long unbroken title, summary, story, hint, thread and shared names keep the page ${viewport.width} px wide`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/#/play?level=${await encodeLevelLink(unbrokenLevel())}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("T".repeat(10_000));
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBe(viewport.width);
    // A lock held and a thread blocked on it put the names in chips; the hint and the timeline add more.
    await button(page, `Step ${"A".repeat(400)}`).click();
    const state = page.getByRole("region", { name: "Shared state" });
    await expect(state).toContainText(`Held by ${"A".repeat(400)}`);
    await expect(state).toContainText(`Blocked on it, in order: ${"B".repeat(400)}`);
    await page.keyboard.press("h");
    await expect(page.getByRole("region", { name: "Hint" })).toContainText("H".repeat(2_000));
    await page.locator(".play .timeline-panel summary").click();
    await expect(page.locator(".play .timeline-svg")).toBeVisible();
    expect(await width()).toBe(viewport.width);
  });
}
