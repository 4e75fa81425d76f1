// Levels carried in a link (#/play?level=...): a level's text is only ever shown as text, and a
// broken level shows its errors and runs nothing.

import { expect, test, type Page } from "@playwright/test";
import { encodeLevelLink } from "../src/ui/share";
import { button, expectSchedule, outcomeDialog } from "./helpers/game";

const HOSTILE = `<img src=x onerror="window.__pwned = 'img'; alert('img')"> and <script>window.__pwned = 'script'; alert('script')</script>`;

function hostileLevel() {
  return JSON.stringify({
    format: 1,
    id: "hostile",
    title: "Hostile <b>title</b>",
    summary: "A summary with <i>tags</i>.",
    story: `Story: ${HOSTILE}\n\n<iframe src="javascript:alert(1)"></iframe>\n\n[link](javascript:alert('link'))`,
    hint: `Hint: ${HOSTILE}`,
    outro: `Outro: ${HOSTILE}`,
    win: ["mutual-exclusion"],
    noops: ["work"],
    threads: [
      { name: "Ann <svg onload=alert(1)>", code: "work();\ncritical_section();" },
      { name: "Bob", code: "work();\ncritical_section();" },
    ],
  });
}

/** Opens a link level, recording any JavaScript dialog (alert, confirm...) it manages to open. */
async function openLink(page: Page, json: string): Promise<string[]> {
  const fired: string[] = [];
  page.on("dialog", (d) => {
    fired.push(d.message());
    void d.dismiss();
  });
  await page.goto(`/#/play?level=${await encodeLevelLink(json)}`);
  return fired;
}

test("HTML in a linked level is shown as text and runs nothing", async ({ page }) => {
  const fired = await openLink(page, hostileLevel());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hostile <b>title</b>");
  await expect(page.getByText("A summary with <i>tags</i>.")).toBeVisible();
  const story = page.locator(".story");
  await expect(story).toContainText(`Story: <img src=x onerror="window.__pwned = 'img'; alert('img')"> and <script>`);
  await expect(story).toContainText('<iframe src="javascript:alert(1)"></iframe>');
  await expect(story.locator("img, script, iframe, a[href^='javascript']")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Ann <svg onload=alert(1)>" })).toBeVisible();

  // The hint and the outro are text too.
  await button(page, "Hint").click();
  await expect(page.getByRole("region", { name: "Hint" })).toContainText(`Hint: ${HOSTILE}`);
  for (const t of ["Ann <svg onload=alert(1)>", "Bob"]) await button(page, `Step ${t}`).click();
  const dialog = outcomeDialog(page);
  await expect(dialog).toHaveAccessibleName(/^Victory/);
  await expect(dialog).toContainText(`Outro: ${HOSTILE}`);
  // A linked level has no next level: the way on is back to the campaign.
  await expect(dialog.getByRole("button", { name: "Back to the campaign" })).toBeVisible();

  // The victory dialog's timeline is the game's own drawing (an svg, shown once its chunk loads,
  // which is sooner from the service worker's cache): anything else is the level's markup.
  await expect(page.locator("img, svg:not(.timeline-svg), iframe")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(fired).toEqual([]);
});

test("a linked level with errors shows them, with line and column, and runs nothing", async ({ page }) => {
  const broken = JSON.stringify({
    format: 1,
    id: "broken",
    title: "Broken",
    summary: "Does not compile.",
    shared: { counter: 0 },
    threads: [{ name: "A", code: "counter++;\ncounter = = 1;" }],
  });
  const fired = await openLink(page, broken);
  await expect(page.getByRole("heading", { level: 1, name: "The level in this link has errors" })).toBeVisible();
  await expect(page.getByRole("listitem").first()).toContainText(/line 2, column \d+: /);
  await expect(page.getByRole("listitem").first()).toContainText("(at threads[0].code)");
  await expect(page.getByRole("region")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Step/ })).toHaveCount(0);
  expect(fired).toEqual([]);
});

test("a link whose data is damaged says so", async ({ page }) => {
  await page.goto("/#/play?level=AAAAAAAA");
  await expect(page.getByRole("heading", { level: 1, name: "This link's level cannot be opened" })).toBeVisible();
  await page.goto("/#/play?level=not*base64");
  await expect(page.getByText("the link's level data is not base64url text.")).toBeVisible();
});

test("a good linked level plays like any other, and records no progress", async ({ page }) => {
  const json = JSON.stringify({
    format: 1, id: "first-steps", title: "Linked", summary: "Same id as a campaign level.",
    win: ["mutual-exclusion"],
    noops: ["work"],
    threads: [{ name: "P", code: "work();\ncritical_section();" }, { name: "Q", code: "work();\ncritical_section();" }],
  });
  await openLink(page, json);
  await button(page, "Step P").click();
  await expectSchedule(page, ["P"]);
  await button(page, "Step Q").click();
  await expect(outcomeDialog(page)).toHaveAccessibleName("Victory: Mutual exclusion broken");
  await page.goto("/#/");
  await expect(page.getByRole("link", { name: /^First Steps/ })).toHaveAccessibleName("First Steps, up next");
});
