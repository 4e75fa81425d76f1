// The code in the student's language: each language shows its own idioms, the highlight still
// marks the statement that runs next, the choice survives a reload, axe finds nothing; statements
// explain themselves on focus; and the first-level tour appears once, can be skipped, stays gone.

import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { button, openLevel, tour } from "./helpers/game";

const chooseLanguage = (page: Page, label: string) => page.getByLabel("Code shown as").selectOption({ label });
const panel = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

const CASES = [
  { label: "Java", lock: "m.lock();", porter: "if (!trainIn) {" },
  { label: "C#", lock: "Monitor.Enter(m);", porter: "if (!trainIn) {" },
  { label: "Python", lock: "m.acquire()", porter: "if not trainIn:" },
  { label: "C", lock: "pthread_mutex_lock(&m);", porter: "if (!trainIn) {" },
];

for (const c of CASES) {
  test(`${c.label}: the threads show ${c.label} code, the highlight follows the steps, axe is happy`, async ({ page }) => {
    await openLevel(page, "lost-wakeup");
    await chooseLanguage(page, c.label);
    const signalman = panel(page, "Signalman");
    await expect(signalman.locator("mark.stmt")).toHaveText(c.lock);
    await expect(panel(page, "Porter").locator(".line").first()).toContainText(c.porter);
    await button(page, "Step Signalman").click();
    await expect(signalman.locator("mark.stmt")).toHaveText(c.label === "Python" ? "trainIn = True" : "trainIn = true;");
    await expect(signalman.locator(".line.current .ln")).toHaveText("2");
    await expect(signalman.getByText("Next: write trainIn")).toBeVisible();
    await expectNoAxeViolations(page, `lost-wakeup shown as ${c.label}`);
  });
}

test("Java declares ReentrantLock and C# uses Interlocked.Add", async ({ page }) => {
  await openLevel(page, "cas-counter");
  await chooseLanguage(page, "C#");
  await expect(panel(page, "Keeper 0")).toContainText("Interlocked.Add(ref done, 1);");
  await openLevel(page, "lost-wakeup");
  await chooseLanguage(page, "Java");
  await expect(panel(page, "Signalman")).toContainText("arrived.signal();");
  await page.getByText("The shared declarations in Java").click();
  await expect(page.locator(".declarations pre")).toContainText("static final ReentrantLock m = new ReentrantLock();");
  await expect(page.locator(".declarations pre")).toContainText("static final Condition arrived = m.newCondition();");
  await expectNoAxeViolations(page, "lost-wakeup with its Java declarations open");
});

test("the language choice survives a reload, and Interleave brings the level's own code back", async ({ page }) => {
  await openLevel(page, "lost-wakeup");
  await chooseLanguage(page, "Python");
  await expect(panel(page, "Porter")).toContainText("arrived.wait()");
  await page.reload();
  await expect(page.getByLabel("Code shown as")).toHaveValue("python");
  await expect(panel(page, "Porter")).toContainText("if not trainIn:");
  await chooseLanguage(page, "Interleave");
  await expect(panel(page, "Porter")).toContainText("if (!trainIn) {");
});

test("a statement says what it does and its steps on focus; arrow keys move between statements; Escape hides it", async ({ page }) => {
  await openLevel(page, "lost-update");
  const al = panel(page, "Teller Al");
  // Tab lands on the statement that runs next.
  await expect(al.locator('.stmt-line[tabindex="0"] .ln')).toHaveText("1");
  await button(page, "Step statement Teller Al").click();
  await expect(al.locator('.stmt-line[tabindex="0"] .ln')).toHaveText("2");
  const first = al.locator(".stmt-line").first();
  await first.focus();
  const tip = page.getByRole("tooltip");
  await expect(tip).toHaveText("Reads balance, then writes balance: 2 steps.");
  await expect(first).toHaveAttribute("aria-describedby", (await tip.getAttribute("id"))!);
  await page.keyboard.press("ArrowDown");
  await expect(al.locator(".stmt-line").nth(1)).toBeFocused();
  await expect(tip).toHaveText("Writes alDone: 1 step.");
  await page.keyboard.press("Escape");
  await expect(tip).toHaveCount(0);
  // One Tab stop per listing: the statement lines other than the focused one are out of the Tab order.
  await expect(al.locator('.stmt-line[tabindex="0"]')).toHaveCount(1);

  await chooseLanguage(page, "C");
  await al.locator(".stmt-line").first().hover();
  await expect(page.getByRole("tooltip")).toHaveText("Reads balance, then writes balance: 2 steps.");
});

test("a synchronization object explains its rules on focus", async ({ page }) => {
  await openLevel(page, "lost-wakeup");
  const kind = page.getByRole("button", { name: /^condition variable\s*: the rules$/ });
  await kind.focus();
  await expect(page.getByRole("tooltip")).toContainText("A wait set tied to the mutex m");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("tooltip")).toBeHidden();
});

test("the tour appears once on the first level, can be skipped, and stays gone after a reload", async ({ page }) => {
  await page.goto("/#/level/first-steps");
  await expect(tour(page)).toHaveAccessibleName("A thread");
  await expect(tour(page).getByRole("button", { name: "Next" })).toBeFocused();
  await expect(page.locator(".threads .thread").first()).toHaveClass(/tour-target/);
  await tour(page).getByRole("button", { name: "Next" }).click();
  await expect(tour(page)).toHaveAccessibleName("Step");
  await expectNoAxeViolations(page, "the tour");
  await tour(page).getByRole("button", { name: "Skip the tour" }).click();
  await expect(tour(page)).toHaveCount(0);
  await expect(button(page, "Step Clerk Ada")).toBeFocused();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "First Steps" })).toBeVisible();
  await expect(tour(page)).toHaveCount(0);
});

test("the tour runs to its end, and Escape ends it too", async ({ page }) => {
  await page.goto("/#/level/first-steps");
  for (const title of ["A thread", "Step", "The next step", "Shared state", "Undo"]) {
    await expect(tour(page)).toHaveAccessibleName(title);
    await tour(page).getByRole("button", { name: "Next" }).click();
  }
  await expect(tour(page)).toHaveAccessibleName("Your goal");
  await tour(page).getByRole("button", { name: "Done" }).click();
  await expect(tour(page)).toHaveCount(0);
  await page.goto("/#/");
  await page.goto("/#/level/first-steps");
  await expect(page.getByRole("heading", { level: 1, name: "First Steps" })).toBeVisible();
  await expect(tour(page)).toHaveCount(0);

  const fresh = await page.context().browser()!.newPage();
  await fresh.goto(page.url());
  await expect(tour(fresh)).toHaveAccessibleName("A thread");
  await fresh.keyboard.press("Escape");
  await expect(tour(fresh)).toHaveCount(0);
  await fresh.close();
});

test.describe("dark theme", () => {
  test.use({ colorScheme: "dark" });

  test("axe is happy with rendered code, an explanation and the tour", async ({ page }) => {
    await page.goto("/#/level/first-steps");
    await expect(tour(page)).toBeVisible();
    await expectNoAxeViolations(page, "the tour, dark");
    await openLevel(page, "lost-wakeup");
    await chooseLanguage(page, "Python");
    await expect(panel(page, "Porter")).toContainText("if not trainIn:");
    await panel(page, "Porter").locator(".stmt-line").first().focus();
    await expect(page.getByRole("tooltip")).toBeVisible();
    await expectNoAxeViolations(page, "lost-wakeup in Python with an explanation, dark");
  });
});
