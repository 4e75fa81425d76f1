// Fix-it levels, played as a student plays them: for every campaign level with a `fix`, the
// reference fix typed into the editors is accepted, and a wrong fix is rejected with a schedule
// that replays, move by move, to the outcome it names. Also: problems as typed (and no check
// until they are gone), the fix kept across a reload, and axe on the screen.

import { expect, test, type Page } from "@playwright/test";
import { judge } from "../src/solver/judge";
import { compileFix, currentCode, type FixCode } from "../src/engine/index";
import { FIX_CASES } from "../src/solver/fix-cases";
import { replay as replayMoves } from "../src/engine/index";
import { waitForGraph } from "../src/engine/wait-for";
import { outcomeName } from "../src/ui/words";
import "./helpers/english";
import { encodeLevelLink } from "../src/ui/share";
import { expectNoAxeViolations } from "./helpers/axe";
import { expectNoAxeViolationsExcept } from "./helpers/axe-except";
import { button, openLevel, outcomeDialog, scheduleItems } from "./helpers/game";
import { campaignIds, campaignLevel } from "./helpers/levels";

const FIX_IDS = campaignIds().filter((id) => campaignLevel(id).level.spec.fix !== undefined);

/** Opens the editors of the "Fix it" area and waits until every thread's Monaco is ready. */
async function openEditors(page: Page, threads: readonly string[]) {
  await button(page, "Edit the code").click();
  for (const t of threads) await expect(page.locator(`.fix-monaco[data-thread="${t}"][data-state=ready] .monaco-editor`)).toBeVisible();
}

/** Replaces a thread's code in its editor, as a student pasting or typing it would. */
async function typeCode(page: Page, thread: string, code: string) {
  await page.locator(`.fix-monaco[data-thread="${thread}"] .view-lines`).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  if (code !== "") await page.keyboard.insertText(code);
}

async function typeFix(page: Page, code: FixCode) {
  for (const [thread, text] of Object.entries(code)) await typeCode(page, thread, text);
}

const fixArea = (page: Page) => page.getByRole("region", { name: "Fix it" });
const result = (page: Page) => fixArea(page).getByRole("status");

test("there are fix-it levels to test", () => {
  expect(FIX_IDS).toContain("fix-lost-update");
});

for (const id of FIX_IDS) {
  const { level } = campaignLevel(id);
  const fix = level.spec.fix!;

  test(`${id}: the reference fix, typed in, is accepted and wins the level`, async ({ page }) => {
    await openLevel(page, id);
    await expect(page.getByRole("heading", { name: "Goal" })).toBeVisible();
    await expect(page.getByText(/^Fix the code: no schedule may reach /)).toBeVisible();
    await openEditors(page, fix.threads);
    await typeFix(page, fix.reference);
    // The level view runs the typed code: the first editable thread's panel shows its first line.
    const firstLine = fix.reference[fix.threads[0]].split("\n")[0].trim();
    if (firstLine) await expect(page.getByRole("region", { name: fix.threads[0].replace("{id}", "0"), exact: true }).first()).toContainText(firstLine);

    await button(page, "Check my fix").click();
    const dialog = outcomeDialog(page);
    await expect(dialog).toHaveAccessibleName("Victory: Fixed", { timeout: 60_000 });
    const states = judge(level.spec, fix.reference, { reduce: true }); // as the game proves it
    expect(states.verdict).toBe("fixed");
    await expect(dialog).toContainText(`The solver checked every schedule, exploring ${"states" in states ? states.states.toLocaleString("en-US") : "?"} states`);
    await dialog.getByRole("button", { name: /^(Next level|Back to the campaign)$/ }).click();
    await page.goto("/#/");
    await expect(page.getByRole("link", { name: new RegExp(`^${level.spec.title}.*solved`) })).toBeVisible();
  });

  const wrong = FIX_CASES.find((c) => c.level === id && c.expect.verdict === "broken");
  test(`${id}: a wrong fix (${wrong?.name ?? "the unchanged broken code"}) is rejected, and its schedule replays to ${wrong?.expect.verdict === "broken" ? wrong.expect.outcome : "its outcome"}`, async ({ page }) => {
    const code = currentCode(level.spec, wrong?.code ?? {});
    const verdict = judge(level.spec, code);
    expect(verdict.verdict).toBe("broken");
    if (verdict.verdict !== "broken") return;
    const compiled = compileFix(level.spec, code);
    if (!compiled.ok) throw new Error("the wrong fix does not compile");

    await openLevel(page, id);
    if (wrong) {
      await openEditors(page, fix.threads);
      await typeFix(page, wrong.code);
    }
    await button(page, "Check my fix").click();
    const moves = `${verdict.schedule.length} ${verdict.schedule.length === 1 ? "move" : "moves"}`;
    await expect(result(page)).toContainText(`Not fixed yet. A schedule of ${moves} still reaches`, { timeout: 60_000 });
    await expect(fixArea(page).getByRole("list", { name: "Moves that break your fix" }).getByRole("listitem")).toHaveCount(verdict.schedule.length);

    await button(page, "Replay it").click();
    const replay = page.getByRole("region", { name: "Replay" });
    for (let k = 0; k < verdict.schedule.length; k++) {
      await expect(replay).toContainText(`move ${k + 1} of ${verdict.schedule.length}`);
      await expect(scheduleItems(page)).toHaveCount(k);
      await replay.getByRole("button", { name: "Next move" }).click();
    }
    await expect(scheduleItems(page)).toHaveCount(verdict.schedule.length);
    const dialog = outcomeDialog(page);
    // A deadlock says its kind ("Deadlock (a lost wake-up)"), read off the state it ends in.
    const { state } = replayMoves(compiled.value.program, verdict.schedule);
    expect(state.outcome?.kind).toBe(verdict.outcome);
    await expect(dialog).toHaveAccessibleName(`Broken: ${outcomeName(state.outcome!, waitForGraph(state).deadlock)}`);
    await expect(dialog).toContainText("This is what your fix must make impossible.");
  });
}

test("a problem in the fix is marked as it is typed, and the fix cannot be checked until it is gone", async ({ page }) => {
  await openLevel(page, "fix-lost-update");
  await openEditors(page, ["Teller Al", "Teller Bea"]);
  await typeCode(page, "Teller Al", "m.lock()\nbalance += 100;\nm.unlock();\nalDone = true;");
  const problems = page.getByRole("region", { name: /^Problems/ }).getByRole("listitem");
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toContainText(/^Teller Al, line \d+, column \d+:/);
  await expect(page.locator('.fix-monaco[data-thread="Teller Al"] .squiggly-error')).not.toHaveCount(0);
  await expect(page.getByText("Fix the problems first: only code without problems can be checked.")).toBeVisible();
  // The button stays focusable (aria-disabled), so pressing it says nothing and checks nothing.
  await expect(button(page, "Check my fix")).toHaveAttribute("aria-disabled", "true");
  await button(page, "Check my fix").focus();
  await page.keyboard.press("Enter");
  await expect(result(page)).toBeEmpty();

  await typeCode(page, "Teller Al", "m.lock();\nbalance += 100;\nm.unlock();\nalDone = true;");
  await expect(problems).toHaveCount(0);
  await expect(page.locator('.fix-monaco[data-thread="Teller Al"] .squiggly-error')).toHaveCount(0);
});

test("from the top of the page, \"Jump to the code\" opens the editor and puts the cursor in it", async ({ page }) => {
  await openLevel(page, "fix-lost-update");
  const jump = button(page, "Jump to the code");
  await expect(jump).toBeInViewport();
  // It sits above the threads, where a student starts reading.
  expect((await jump.boundingBox())!.y).toBeLessThan((await page.getByRole("region", { name: "Teller Al", exact: true }).boundingBox())!.y);
  await jump.click();
  const editor = page.locator('.fix-monaco[data-thread="Teller Al"][data-state=ready] .monaco-editor');
  await expect(editor).toHaveClass(/\bfocused\b/);
  await expect(editor).toBeInViewport();
  await expect(button(page, "Hide the code")).toHaveAttribute("aria-expanded", "true");
});

test("the code is coloured: keywords, literals and names each in their own colour", async ({ page }) => {
  await openLevel(page, "fix-lost-update");
  await openEditors(page, ["Teller Bea"]);
  const lines = page.locator('.fix-monaco[data-thread="Teller Bea"] .view-lines');
  await expect(lines).toContainText("assert");
  // Each token Monaco draws, with its colour class ("mtk6"); Monaco writes spaces as no-break spaces.
  const tokens = await lines.locator(".view-line > span > span").evaluateAll((els) =>
    els.map((e) => [(e.textContent ?? "").replace(/\u00a0/g, " "), e.className.split(" ")[0]] as const),
  );
  const classOf = (text: string) => tokens.find(([t]) => t === text)?.[1] ?? null;
  const colours = ["while", "alDone", "100", "// wait for Al", "assert"].map(classOf);
  expect(colours.every((c) => c !== null && /^mtk\d+$/.test(c))).toBe(true);
  expect(new Set(colours).size).toBe(5);
});

test("a thread with a count is named by its copies, never by its {id} template", async ({ page }) => {
  await openLevel(page, "fix-philosophers");
  await expect(page.getByText("You may edit the code of Philosopher 0 to Philosopher 2.", { exact: false })).toBeVisible();
  await openEditors(page, ["Philosopher {id}"]);
  await expect(fixArea(page).getByRole("heading", { level: 3 })).toHaveText(["Code of Philosopher 0 to Philosopher 2"]);
  await expect(page.locator("main")).not.toContainText("{id}");
});

test("a check's verdict goes when the code stops compiling, and the bar says the code has errors", async ({ page }) => {
  await openLevel(page, "fix-lost-update");
  await button(page, "Check my fix").click();
  await expect(result(page)).toContainText("Not fixed yet.");
  await openEditors(page, ["Teller Al"]);
  await typeCode(page, "Teller Al", "balance += 100\nalDone = true;");
  await expect(result(page)).toBeEmpty();
  await expect(fixArea(page).getByRole("list", { name: "Moves that break your fix" })).toHaveCount(0);
  await expect(page.locator(".controls").getByRole("status")).toHaveText(
    "Your code has errors: fix them to run it. The threads here still run your last code without errors.",
  );
  // Fixed again, the old verdict does not come back: the code has not been checked.
  await typeCode(page, "Teller Al", "balance += 100;\nalDone = true;");
  await expect(result(page)).toBeEmpty();
  await expect(page.locator(".controls").getByRole("status")).toHaveCount(0);
});

test("code that is over before any move is said so; with errors in it, the bar speaks of the errors instead", async ({ page }) => {
  await openLevel(page, "fix-lost-update");
  await openEditors(page, ["Teller Al", "Teller Bea"]);
  await typeFix(page, { "Teller Al": "while (true) {\n}", "Teller Bea": "while (true) {\n}" });
  const bar = page.locator(".controls").getByRole("status");
  await expect(bar).toContainText("Over before any move: ");
  await typeCode(page, "Teller Bea", "while (true) {\n");
  await expect(bar).toHaveText("Your code has errors: fix them to run it. The threads here still run your last code without errors.");
});

test("the typed fix is kept across a reload, and Reset puts the original back after asking", async ({ page }) => {
  await openLevel(page, "fix-lost-update");
  await openEditors(page, ["Teller Al"]);
  await typeCode(page, "Teller Al", "m.lock();\nbalance += 100;\nm.unlock();\nalDone = true;");
  await expect(page.getByRole("region", { name: "Teller Al", exact: true })).toContainText("m.lock();");

  await page.reload();
  await expect(page.getByRole("region", { name: "Teller Al", exact: true })).toContainText("m.lock();");
  await expect(fixArea(page)).toContainText("The threads above run your code.");

  await button(page, "Reset the code").click();
  const confirm = page.getByRole("dialog", { name: "Put back the original code?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("region", { name: "Teller Al", exact: true })).toContainText("m.lock();");
  await button(page, "Reset the code").click();
  await confirm.getByRole("button", { name: "Put back the original" }).click();
  await expect(page.getByRole("region", { name: "Teller Al", exact: true })).not.toContainText("m.lock();");
  await page.reload();
  await expect(fixArea(page)).toContainText("The threads above run the broken code.");
});

test("breaking the broken code is exploration: it points to the fix and does not solve the level", async ({ page }) => {
  const { level } = campaignLevel("fix-lost-update");
  await openLevel(page, "fix-lost-update");
  for (const move of level.spec.solution!) await button(page, `Step ${String(move)}`).click();
  const dialog = outcomeDialog(page);
  await expect(dialog).toHaveAccessibleName("Broken: Assertion failed");
  await dialog.getByRole("button", { name: "Go to the fix" }).click();
  await expect(page.getByRole("heading", { name: "Fix it" })).toBeFocused();
  await page.goto("/#/");
  await expect(page.getByRole("link", { name: /^Mend the Ledger/ })).not.toHaveAccessibleName(/solved/);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations on a fix-it level, its editors (Monaco's own DOM excluded), verdict and replay (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openLevel(page, "fix-lost-update");
    await expectNoAxeViolations(page, "a fix-it level");
    await button(page, "Check my fix").click();
    await expect(result(page)).toContainText("Not fixed yet.");
    await button(page, "Replay it").click();
    await expect(page.getByRole("region", { name: "Replay" })).toBeVisible();
    await openEditors(page, ["Teller Al", "Teller Bea"]);
    await expectNoAxeViolationsExcept(page, "a fix-it level with its editors open", [".monaco-editor", ".monaco-aria-container"]);
    await button(page, "Next move").click();
    await page.getByRole("button", { name: "Play the rest" }).click();
    await expect(outcomeDialog(page)).toHaveAccessibleName("Broken: Assertion failed");
    await expectNoAxeViolationsExcept(page, "a fix-it level's outcome dialog", [".monaco-editor", ".monaco-aria-container"]);
  });
}

test("a broken requirement is named, and its schedule replays to the finished state where the value is wrong", async ({ page }) => {
  const { level } = campaignLevel("fix-lost-update");
  const code = { "Teller Al": level.spec.fix!.reference["Teller Al"], "Teller Bea": "" };
  const verdict = judge(level.spec, code);
  expect(verdict).toMatchObject({ verdict: "requirement", requirement: "final" });
  if (verdict.verdict !== "requirement" || verdict.requirement !== "final") return;

  await openLevel(page, "fix-lost-update");
  await openEditors(page, ["Teller Al", "Teller Bea"]);
  await typeFix(page, code);
  await button(page, "Check my fix").click();
  await expect(result(page)).toContainText("Not fixed yet. When every thread has finished, balance can be 100; it must be 200.");
  await button(page, "Replay it").click();
  const replay = page.getByRole("region", { name: "Replay" });
  await replay.getByRole("button", { name: "Play the rest" }).click();
  const dialog = outcomeDialog(page);
  await expect(dialog).toHaveAccessibleName("Broken: balance ends at 100");
  await expect(dialog).toContainText("balance is 100; it must end at 200.");
  await expect(scheduleItems(page)).toHaveCount(verdict.schedule.length);
});

test("hardware mode runs the fixed program: with the reference fix typed in, no trial fails the audit", async ({ page }) => {
  test.setTimeout(180_000);
  const { level } = campaignLevel("fix-lost-update");
  await openLevel(page, "fix-lost-update");
  await openEditors(page, ["Teller Al", "Teller Bea"]);
  await typeFix(page, level.spec.fix!.reference);
  await expect(page.getByRole("region", { name: "Teller Al", exact: true })).toContainText("m.lock();");
  await page.getByRole("button", { name: "Hardware mode" }).click();
  const panel = page.getByRole("region", { name: "Hardware mode" });
  await panel.getByLabel("Trials").fill("2000");
  await panel.getByRole("button", { name: "Run trials" }).click();
  await expect(panel.getByRole("status")).toContainText("Done: 2,000 trials", { timeout: 120_000 });
  const outcomes = await panel.getByRole("table", { name: "Outcomes of 2,000 trials" }).locator("tbody tr .hw-message").allTextContents();
  expect(outcomes.length).toBeGreaterThan(0);
  // The broken code fails this audit now and then; the fixed code never does.
  expect(outcomes.filter((o) => /failed assert/.test(o))).toEqual([]);
  expect(outcomes).toContain("Every thread ran to its end: the program worked correctly this time");
});

test("a fix-it level shared by link is played as one, its fix saved apart from the campaign's", async ({ page }) => {
  const { text, level } = campaignLevel("fix-lost-update");
  await page.goto(`/#/play?level=${await encodeLevelLink(text)}`);
  await expect(fixArea(page)).toBeVisible();
  await openEditors(page, ["Teller Al", "Teller Bea"]);
  await typeFix(page, level.spec.fix!.reference);
  await button(page, "Check my fix").click();
  await expect(outcomeDialog(page)).toHaveAccessibleName("Victory: Fixed");
  await outcomeDialog(page).getByRole("button", { name: "Back to the code" }).click();
  await openLevel(page, "fix-lost-update");
  await expect(fixArea(page)).toContainText("The threads above run the broken code.");
});

test("the level editor's Check judges a fix-it level as levels check does", async ({ page }) => {
  const { level } = campaignLevel("fix-lost-update");
  const reference = judge(level.spec, level.spec.fix!.reference, { reduce: true }); // as the editor proves it
  expect(reference.verdict).toBe("fixed");
  await page.goto("/#/editor?copy=fix-lost-update");
  await expect(page.locator(".editor-monaco[data-state=ready] .monaco-editor")).toBeVisible();
  await page.getByRole("button", { name: "Check", exact: true }).click();
  const panel = page.getByRole("region", { name: "Check" });
  await expect(panel).toContainText(
    `Fix-it: the broken code fails (assertion in 7 steps); the reference fix holds (${"states" in reference ? reference.states : 0} states).`,
  );
  await expect(panel).toContainText("It passes the checks of levels check");
});

test("a long check of a fix can be cancelled, and the page stays responsive meanwhile", async ({ page }) => {
  // Eight counters racing up to a large number: far too many states to finish soon.
  const huge = {
    format: 1, id: "huge-fix", title: "Huge Fix", summary: "Too many states to check quickly.", win: ["assertion"], shared: { n: 0 },
    threads: [{ name: "T{id}", count: 8, code: "while (n < 100000) {\n  n++;\n}\nassert(n < 100000);" }],
    fix: { threads: ["T{id}"], reference: { "T{id}": "while (n < 100000) {\n  atomic_add(n, 1);\n}" } },
  };
  await page.goto(`/#/play?level=${await encodeLevelLink(JSON.stringify(huge))}`);
  await expect(fixArea(page)).toBeVisible();
  await button(page, "Check my fix").click();
  await expect(result(page)).toContainText(/Trying every schedule… [1-9][\d,]* states so far\./, { timeout: 20_000 });
  // The search runs in its worker: the page answers at once.
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(Date.now() - started).toBeLessThan(1000);
  await fixArea(page).getByRole("button", { name: "Cancel" }).click();
  await expect(result(page)).toHaveText(/^Stopped after [\d,]+ states\.$/);
  await expect(button(page, "Check my fix")).toBeVisible();
});
