// The level editor: Monaco with the engine's problems at their exact place, the solver's check and
// its replay in the preview, saving in the browser, files, links, and Monaco loading only here.

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { templateNamed } from "../src/editor/templates";
import { expectNoAxeViolations } from "./helpers/axe";
import { expectNoAxeViolationsExcept } from "./helpers/axe-except";
import { EDITOR_ASSET, exportLevel, newLevelFromTemplate, positionOf, problems, replaceText, waitForEditor } from "./helpers/editor";
import { button, outcomeDialog } from "./helpers/game";

const RACE = templateNamed("race")!.text;

test("a thread-code error is marked at its line and column, and goes away when fixed", async ({ page }) => {
  await newLevelFromTemplate(page, "race");
  await expect(problems(page)).toHaveCount(0);
  await expect(page.getByText("None: the level is valid.")).toBeVisible();

  await replaceText(page, "counter == 2", "countr == 2");
  const text = RACE.replace("counter == 2", "countr == 2");
  // Where "countr" is in the file, found here independently of the editor's own mapping.
  const at = positionOf(text, "countr == 2");
  await expect(problems(page)).toHaveCount(1);
  await expect(problems(page).first()).toHaveText(
    `Line ${at.line}, column ${at.column} undeclared name "countr" (did you mean "counter"?) (at threads[1].code, line 5, column 8 of the code)`,
  );
  // Monaco shows it too: a red squiggle, whose hover says what is wrong.
  const squiggle = page.locator(".editor-monaco .squiggly-error");
  await expect(squiggle).toHaveCount(1);
  // The squiggle lies under the text layer, so point at its place rather than at the element.
  const box = (await squiggle.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await expect(page.locator(".monaco-hover").filter({ hasText: 'undeclared name "countr"' })).toBeVisible();

  // The problem is a button that puts the cursor on it.
  await page.getByRole("button", { name: /undeclared name "countr"/ }).click();
  await expect(page.getByTestId("cursor")).toHaveText(`Line ${at.line}, column ${at.column}`);

  await replaceText(page, "countr ==", "counter ==");
  await expect(page.getByText("None: the level is valid.")).toBeVisible();
  await expect(squiggle).toHaveCount(0);
});

test("the level schema documents every field on hover and completes field names", async ({ page }) => {
  await newLevelFromTemplate(page, "race");
  const key = page.locator(".editor-monaco .view-lines span", { hasText: /^"summary"$/ });
  const box = (await key.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await expect(page.locator(".monaco-hover").filter({ hasText: "One line shown under the title." })).toBeVisible();

  // A new line after "format": 1, and Control+Space: the fields the level does not have yet are offered.
  await replaceText(page, '"format": 1', "");
  await page.keyboard.insertText('"format": 1');
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+Space");
  const suggestions = page.locator(".suggest-widget");
  await expect(suggestions).toBeVisible();
  await expect(suggestions.getByText("breakable", { exact: true })).toBeVisible();
  await expect(suggestions.getByText("noops", { exact: true })).toBeVisible();

  // Translations of the level's words (levels/README.md, "Translations") are offered too.
  await page.keyboard.press("Escape");
  await page.keyboard.insertText('"transl');
  await page.keyboard.press("ControlOrMeta+Space");
  await expect(suggestions.getByText("translations", { exact: true })).toBeVisible();
});

test("Check finds the shortest schedule, and Replay plays it in the preview to a victory", async ({ page }) => {
  await newLevelFromTemplate(page, "race");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("region", { name: "First" })).toBeVisible();

  await page.getByRole("button", { name: "Check", exact: true }).click();
  const check = page.getByRole("region", { name: "Check" });
  await expect(check.getByText("Breakable: assertion in 7 steps.")).toBeVisible();
  await expect(check).toContainText("It passes the checks of levels check, and its solution replays to a win.");
  await expect(check.getByRole("list", { name: "Shortest schedule" }).getByRole("listitem")).toHaveCount(7);

  await check.getByRole("button", { name: "Replay in the preview" }).click();
  await expect(check.getByText(/Replaying move \d of 7/)).toBeVisible();
  await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victory/);
  await expect(preview.getByRole("list", { name: "Schedule" }).getByRole("listitem")).toHaveCount(7);
  await outcomeDialog(page).getByRole("button", { name: "Play again" }).click();
  await expect(outcomeDialog(page)).toHaveCount(0);
  await expect(preview.getByRole("list", { name: "Schedule" }).getByRole("listitem")).toHaveCount(0);
});

test("a long check can be cancelled, and the page stays responsive", async ({ page }) => {
  // Eight threads, each counting a shared int up to a large number: far too many states to finish.
  const big = JSON.stringify({
    format: 1, id: "huge", title: "Huge", summary: "Too many states.", win: ["assertion"], shared: { n: 0 },
    threads: [{ name: "T{id}", count: 8, code: "while (n < 100000) {\n  n++;\n}\nassert(n < 100000);" }],
  });
  await page.goto("/#/editor");
  await page.getByLabel("Import…").setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.from(big) });
  await waitForEditor(page);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  const check = page.getByRole("region", { name: "Check" });
  await expect(check.getByText(/Exploring every interleaving… [\d,]+ states so far/)).toBeVisible();
  await expect(check.getByText(/Exploring every interleaving… [1-9][\d,]* states so far, \d+ moves deep/)).toBeVisible({ timeout: 20_000 });
  // The main thread is free: it answers at once while the search runs in its worker.
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(Date.now() - started).toBeLessThan(1000);
  await check.getByRole("button", { name: "Cancel" }).click();
  await expect(check.getByText(/^Stopped after [\d,]+ states\.$/)).toBeVisible();
  await expect(check.getByRole("button", { name: "Check", exact: true })).toBeVisible();
});

test("typing is saved as it happens: a reload right after keeps it, and My levels lists it", async ({ page }) => {
  const id = await newLevelFromTemplate(page, "race");
  await replaceText(page, "My Race", "Race Against Time");
  // No pause for the autosave: leaving the page saves what waits.
  await page.reload();
  await waitForEditor(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Level editor: Race Against Time");
  await expect(page.getByRole("region", { name: "Preview" }).getByText("Race Against Time", { exact: true })).toBeVisible();
  const { text } = await exportLevel(page);
  expect(text).toBe(RACE.replace("My Race", "Race Against Time"));

  await page.goto("/#/");
  const mine = page.getByRole("region", { name: "My levels" });
  await expect(mine.getByRole("listitem")).toHaveCount(1);
  await expect(mine.getByRole("listitem")).toContainText("Race Against Time");
  await mine.getByRole("link", { name: "Play Race Against Time" }).click();
  await expect(page).toHaveURL(new RegExp(`#/my-levels/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Race Against Time");
  await page.goBack();

  await mine.getByRole("button", { name: "Delete Race Against Time" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete “Race Against Time”?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(mine.getByRole("listitem")).toHaveCount(0);
  await page.goto(`/#/editor/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: "No such level" })).toBeVisible();
});

test("export, then import (picker and drop), gives the same level", async ({ page }, testInfo) => {
  await newLevelFromTemplate(page, "deadlock");
  const exported = await exportLevel(page);
  expect(exported.name).toBe("my-deadlock.json");
  expect(exported.text).toBe(templateNamed("deadlock")!.text);
  const file = testInfo.outputPath("my-deadlock.json");
  (await import("node:fs")).writeFileSync(file, exported.text);

  await page.getByLabel("Import…").setInputFiles(file);
  const imported = await waitForEditor(page);
  expect((await exportLevel(page)).text).toBe(exported.text);

  // Dropped on the page: a new level again, the same text.
  await dropFile(page, "my-deadlock.json", exported.text);
  await expect(page).not.toHaveURL(new RegExp(`${imported}$`));
  await waitForEditor(page);
  expect((await exportLevel(page)).text).toBe(exported.text);

  await page.goto("/#/");
  await expect(page.getByRole("region", { name: "My levels" }).getByRole("listitem")).toHaveCount(3);
});

test("typing a level that is over before any move says so in the preview, and leaves the focus in the editor", async ({ page }) => {
  await newLevelFromTemplate(page, "mutual-exclusion");
  await replaceText(page, "work();\\n", "");
  // Bob's first step goes too: now both threads start in the critical section.
  await replaceText(page, "work();\\ncritical", "critical");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("status").filter({ hasText: "Over before any move" })).toContainText(/critical section/i);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.locator(".editor-monaco :focus")).toHaveCount(1);
  await page.keyboard.type("x");
  await expect(page.getByText("The level has problems now")).toBeVisible();
});

test("the campaign's top bar leads to the level editor's templates", async ({ page }) => {
  await page.goto("/#/");
  await page.getByRole("banner").getByRole("link", { name: "Level editor" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Level editor");
  await expect(page.getByRole("heading", { name: "Start from a template" })).toBeVisible();
});

test("Edit a copy opens a campaign level's file in the editor", async ({ page }) => {
  await page.goto("/#/level/lost-update");
  await page.getByRole("link", { name: "Edit a copy" }).click();
  await waitForEditor(page);
  const { name, text } = await exportLevel(page);
  expect(name).toBe("lost-update.json");
  expect(text).toBe(readFileSync(new URL("../levels/lost-update.json", import.meta.url), "utf8"));
  // Back leads to the level, not to a second copy.
  await page.goBack();
  await expect(page).toHaveURL(/#\/level\/lost-update$/);
});

test("a shared link opens in a fresh browser and plays at once", async ({ page, browser }) => {
  await newLevelFromTemplate(page, "race");
  await page.getByRole("button", { name: "Share link" }).click();
  const url = await page.getByLabel("Link to play this level").inputValue();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/#\/play\?level=[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("My Race");
  for (const t of JSON.parse(RACE).solution as string[]) await button(other, `Step ${t}`).click();
  await expect(outcomeDialog(other)).toHaveAccessibleName(/^Victory/);

  // Whoever got the link can edit a copy of it in their own editor.
  await other.keyboard.press("Escape");
  await other.getByRole("link", { name: "Edit a copy" }).click();
  await waitForEditor(other);
  expect((await exportLevel(other)).text).toBe(RACE);
  await fresh.close();
});

const HOSTILE = `<img src=x onerror="window.__pwned = 'img'; alert('img')"><script>window.__pwned = 'script'; alert('script')</script>`;

test("a hostile level shows its markup as text, in the preview and through its link, and runs nothing", async ({ page, browser }) => {
  const level = {
    format: 1, id: "hostile", title: `Hostile ${HOSTILE}`, summary: "Tags <b>stay</b> text.", story: `Story ${HOSTILE}`,
    win: ["mutual-exclusion"], noops: ["work"],
    threads: [{ name: "Ann <svg onload=alert(1)>", code: "work();\ncritical_section();" }, { name: "Bob", code: "work();\ncritical_section();" }],
  };
  const fired: string[] = [];
  const record = (d: import("@playwright/test").Dialog) => {
    fired.push(d.message());
    void d.dismiss();
  };
  page.on("dialog", record);
  await page.goto("/#/editor");
  await page.getByLabel("Import…").setInputFiles({ name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(level, null, 2)) });
  await waitForEditor(page);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText(`Hostile ${HOSTILE}`)).toBeVisible();
  await expect(preview.locator(".story")).toContainText(`Story ${HOSTILE}`);
  await expect(page.locator("main img, main script, main svg")).toHaveCount(0);

  await page.getByRole("button", { name: "Share link" }).click();
  const url = await page.getByLabel("Link to play this level").inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  other.on("dialog", record);
  await other.goto(url);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText(`Hostile ${HOSTILE}`);
  await expect(other.locator("img, script:not([src]), svg, iframe")).toHaveCount(0);
  expect(await other.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  await fresh.close();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(fired).toEqual([]);
});

test("a link to a level with errors shows them and runs nothing", async ({ page, browser }) => {
  await newLevelFromTemplate(page, "race");
  await replaceText(page, "counter == 2", "countr == 2");
  await expect(problems(page)).toHaveCount(1);
  await page.getByRole("button", { name: "Share link" }).click();
  await expect(page.getByText("The level has problems: the link will show them instead of the game.")).toBeVisible();
  // The link holds the text as it is now, errors and all.
  await expect(page.getByLabel("Link to play this level")).toHaveValue(/level=/);
  const url = await page.getByLabel("Link to play this level").inputValue();
  const other = await (await browser.newContext()).newPage();
  await other.goto(url);
  await expect(other.getByRole("heading", { level: 1, name: "The level in this link has errors" })).toBeVisible();
  await expect(other.getByRole("listitem").first()).toContainText('undeclared name "countr"');
  await expect(other.getByRole("button", { name: /^Step/ })).toHaveCount(0);
  await other.context().close();
});

test("the campaign and a level screen load no Monaco, no editor chunk, worker or font", async ({ browser }) => {
  const context = await browser.newContext();
  const requested: string[] = [];
  // What the pages ask for: the service worker's own requests are left out, since it fetches the
  // whole build (Monaco too, for fix-it levels offline) in the background (src/offline/sw.ts).
  context.on("request", (r) => void (r.serviceWorker() === null && requested.push(r.url())));
  const page = await context.newPage();
  await page.goto("/#/");
  await expect(page.getByRole("heading", { level: 1, name: "Interleave" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.goto("/#/level/lost-update");
  await expect(page.getByRole("heading", { level: 1, name: "The Lost Deposit" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requested.length).toBeGreaterThan(0);
  expect(requested.filter((u) => EDITOR_ASSET.test(u))).toEqual([]);

  // The editor route does load them (the pattern is not vacuous).
  await page.goto("/#/editor?template=race");
  await waitForEditor(page);
  expect(requested.filter((u) => /monaco/.test(u)).length).toBeGreaterThan(0);
  await context.close();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations on the editor screens (${colorScheme}), Monaco's own DOM excluded`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/#/editor");
    await expect(page.getByRole("heading", { level: 1, name: "Level editor" })).toBeVisible();
    await expectNoAxeViolations(page, "the editor's start page");
    await newLevelFromTemplate(page, "condition");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await expect(page.getByText(/^Breakable: assertion in \d+ steps\.$/)).toBeVisible();
    await page.getByRole("button", { name: "Share link" }).click();
    await expect(page.getByLabel("Link to play this level")).toBeVisible();
    await replaceText(page, "items--", "itemz--");
    await expect(problems(page)).toHaveCount(1);
    await expect(page.getByText("The level has changed since this check: check again.")).toBeVisible();
    await expectNoAxeViolationsExcept(page, "the editor", [".monaco-editor", ".monaco-aria-container"]);
  });
}

/** Drops a file on the editor, as the browser does when a file is dragged from the desktop. */
async function dropFile(page: Page, name: string, text: string) {
  const data = await page.evaluateHandle(
    ([n, t]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([t], n, { type: "application/json" }));
      return transfer;
    },
    [name, text] as const,
  );
  const target = page.locator(".editor-monaco .view-lines");
  await target.dispatchEvent("dragenter", { dataTransfer: data });
  await target.dispatchEvent("dragover", { dataTransfer: data });
  await expect(page.getByText("Drop a level file (.json) to open it as a new level")).toBeVisible();
  await target.dispatchEvent("drop", { dataTransfer: data });
}
