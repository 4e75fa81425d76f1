// Shared state drawn as what it is: a mutex's owner and the threads blocked on it in order, a
// condition's wait set with Wake (spurious wakeups), and, under TSO, each thread's store buffer
// with Flush. The levels come in links, so they can use objects the campaign has not reached.

import { expect, test, type Page } from "@playwright/test";
import { encodeLevelLink } from "../src/ui/share";
import { expectNoAxeViolations } from "./helpers/axe";
import { button, expectSchedule, variable } from "./helpers/game";

async function play(page: Page, level: object) {
  await page.goto(`/#/play?level=${await encodeLevelLink(JSON.stringify({ format: 1, ...level }))}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

const card = (page: Page, heading: string) => page.locator(".object", { has: page.getByRole("heading", { name: heading }) });

test("a mutex with its owner and its queue, a condition's wait set, and Wake", async ({ page }) => {
  await play(page, {
    id: "zoo", title: "Zoo", summary: "Objects.", win: ["deadlock"],
    shared: {
      m: { type: "mutex" }, c: { type: "condition", mutex: "m" }, rw: { type: "rwlock" },
      s: { type: "semaphore", value: 1, max: 2 }, b: { type: "barrier", parties: 3 }, latch: { type: "countdown", value: 2 },
      ev: { type: "event" }, q: { type: "queue", items: [1, 2] },
    },
    threads: [
      { name: "A", code: "m.lock();\nc.wait();\nm.unlock();" },
      { name: "B", code: "m.lock();\nm.unlock();" },
      { name: "C", code: "rw.readLock();\nm.lock();" },
    ],
    options: { spuriousWakeups: true },
  });
  const shared = page.getByRole("region", { name: "Shared state" });
  await expect(card(page, "m mutex")).toContainText("Free");
  await expect(card(page, "s semaphore")).toContainText("Value 1 (max 2)");
  await expect(card(page, "b barrier")).toContainText("0 of 3 arrived");
  await expect(card(page, "latch countdown latch")).toContainText("Count 2");
  await expect(card(page, "ev event")).toContainText("Not set");
  await expect(card(page, "q queue (not thread-safe)")).toContainText("2 of 8");
  await expect(shared).toBeVisible();

  await button(page, "Step A").click();
  await button(page, "Step C").click();
  await expect(card(page, "m mutex")).toContainText("Held by A");
  await expect(card(page, "rw readers-writer lock")).toContainText("Read by C");
  await expect(card(page, "m mutex")).toContainText("Blocked on it, in order: BC");
  await expect(button(page, "Step B")).toHaveAccessibleDescription("B is blocked: waits for m held by A.");
  await expect(page.getByRole("region", { name: "B", exact: true })).toContainText("Blocked: waits for m held by A.");
  await expect(button(page, "Wake A")).toHaveAccessibleDescription("A is not waiting on a condition.");

  await button(page, "Step A").click(); // c.wait(): release m, join the wait set
  await expect(card(page, "c condition variable")).toContainText("Wait set: A");
  await expect(card(page, "m mutex")).toContainText("Free");
  await expect(page.getByRole("region", { name: "A", exact: true })).toContainText("Blocked: waits on c for a signal.");
  await button(page, "Wake A").click();
  await expect(card(page, "c condition variable")).toContainText("Wait set: nobody");
  await expectSchedule(page, ["A", "C", "A", "A wake"]);
  await expectNoAxeViolations(page, "a level with every kind of object");
});

test("under TSO, writes wait in store buffers until flushed", async ({ page }) => {
  await play(page, {
    id: "tso", title: "Store buffers", summary: "TSO.", win: ["assertion"],
    shared: { x: 0, y: 0 },
    threads: [
      { name: "P", code: "x = 1;\nint r = y;\nassert(r == 1 || x == 1);" },
      { name: "Q", code: "y = 1;\nint r = x;" },
    ],
    options: { memoryModel: "tso" },
  });
  await expect(button(page, "Flush P")).toHaveAccessibleDescription("P's store buffer is empty.");
  await button(page, "Step P").click();
  const buffers = page.locator(".buffers li");
  await expect(buffers.nth(0)).toHaveText("P x = 1");
  await expect(variable(page, "x")).toHaveText("0");
  await button(page, "Flush P").click();
  await expect(variable(page, "x")).toHaveText("1");
  await expect(buffers.nth(0)).toHaveText("P empty");
  await expectSchedule(page, ["P", "P flush"]);
  await expectNoAxeViolations(page, "a TSO level");
});

test("a buffered bool is shown as true or false, like everywhere else", async ({ page }) => {
  await play(page, {
    id: "tso-bool", title: "Flags by mail", summary: "TSO.", win: ["assertion"],
    shared: { wants: [false, false] },
    threads: [{ name: "P", code: "wants[0] = true;\nwants[1] = false;" }],
    options: { memoryModel: "tso" },
  });
  await button(page, "Step P").click();
  await button(page, "Step P").click();
  await expect(page.locator(".buffers li").nth(0)).toHaveText("P wants[0] = truewants[1] = false");
  await expect(page.locator(".buffers li .cell")).toHaveText(["wants[0] = true", "wants[1] = false"]);
});
