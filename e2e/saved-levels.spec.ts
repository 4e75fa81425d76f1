// The player's own levels never stop the game from starting: a level the game cannot open is set
// aside with a notice that names it, listed apart to download or edit, and never run at startup.

import { expect, test, type Page } from "@playwright/test";
import { DRAFTS_KEY } from "../src/ui/store/drafts";
import { SET_ASIDE_KEY } from "../src/ui/store/set-aside";
import { waitForEditor } from "./helpers/editor";
import { campaignLevel } from "./helpers/levels";

/** The campaign's first level with one thread's code replaced: what a player might import. */
function levelWithCode(code: string, title: string): string {
  const level = JSON.parse(campaignLevel("lost-update").text);
  level.title = title;
  level.threads[0].code = code;
  delete level.solution;
  return JSON.stringify(level, null, 2);
}

const mainHeading = (page: Page) => page.locator("main h1");

test("a level whose thread code calls toString(), imported in the editor, leaves every screen working after a reload", async ({ page }) => {
  await page.goto("/#/editor");
  const text = levelWithCode("toString();", "Built-in Names");
  await page.getByLabel("Import…").setInputFiles({ name: "built-in.json", mimeType: "application/json", buffer: Buffer.from(text) });
  const id = await waitForEditor(page);

  // Whatever the engine makes of it, no screen may go blank or fail at startup.
  for (const [route, heading] of [
    ["/#/", "Interleave"],
    ["/#/editor", "Level editor"],
    [`/#/editor/${id}`, /^(Level editor: Built-in Names|This level is set aside)$/],
    [`/#/my-levels/${id}`, /^(Built-in Names|This level has errors|This level is set aside)$/],
    ["/#/level/lost-update", campaignLevel("lost-update").level.spec.title],
  ] as const) {
    await page.goto(route);
    await page.reload();
    await expect(mainHeading(page), route).toHaveText(heading);
  }
});

/** Listing a level formats its date: make that throw for levels edited in 2001, as a bug in the game might. */
async function failOnYear2001(page: Page) {
  await page.addInitScript(() => {
    const format = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, "format")!;
    Object.defineProperty(Intl.DateTimeFormat.prototype, "format", {
      configurable: true,
      get(this: Intl.DateTimeFormat) {
        const real = format.get!.call(this) as (d?: Date | number) => string;
        return (d?: Date | number) => {
          if (d !== undefined && new Date(d).getUTCFullYear() === 2001) throw new RangeError("injected: cannot format this date");
          return real(d);
        };
      },
    });
  });
}

const draft = (text: string, at: string) => ({ text, createdAt: at, updatedAt: at });

test("a saved level that fails to load is set aside with a notice, listed apart, and the rest starts as usual", async ({ page }) => {
  await failOnYear2001(page);
  const boom = draft('{ "format": 1, "id": "boom", "title": "Boom" }', "2001-01-01T00:00:00.000Z");
  const fine = draft('{ "format": 1, "id": "fine", "title": "Fine" }', "2030-01-01T00:00:00.000Z");
  await page.goto("/");
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFTS_KEY, JSON.stringify({ version: 1, state: { drafts: { boom1234: boom, fine1234: fine } } })]);
  await page.reload();

  await expect(mainHeading(page)).toHaveText("Interleave");
  const notice = page.getByRole("status").filter({ hasText: "Boom" });
  await expect(notice).toHaveText(
    `Your level “Boom” could not be opened: the game failed while listing it (RangeError: injected: cannot format this date). It is set aside, so it is not opened again: kept in this browser's storage under "${SET_ASIDE_KEY}", and listed under “Set aside” in My levels, where you can download it or open it in the editor.Dismiss`,
  );
  const mine = page.getByRole("region", { name: "My levels" });
  await expect(mine.getByRole("list", { name: "My levels" }).getByRole("listitem")).toHaveText([/^Fine/]);
  const aside = mine.getByRole("region", { name: "Set aside" });
  await expect(aside.getByRole("listitem")).toHaveText([/^Boomthe game failed while listing it \(RangeError: injected: cannot format this date\)/]);

  // Kept whole under its own key, and out of the drafts' save: a reload lists it apart without a word.
  const stored = await page.evaluate(([a, d]) => [localStorage.getItem(a), localStorage.getItem(d)], [SET_ASIDE_KEY, DRAFTS_KEY]);
  expect(JSON.parse(stored[0]!).drafts.boom1234).toMatchObject(boom);
  expect(Object.keys(JSON.parse(stored[1]!).state.drafts)).toEqual(["fine1234"]);
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(aside.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("status")).toHaveCount(0);

  // Its file comes back as it was; the editor opens it again on request.
  const [download] = await Promise.all([page.waitForEvent("download"), aside.getByRole("button", { name: "Download Boom" }).click()]);
  expect(download.suggestedFilename()).toBe("boom.json");
  expect((await import("node:fs")).readFileSync(await download.path(), "utf8")).toBe(boom.text);
  await aside.getByRole("button", { name: "Open in the editor Boom" }).click();
  await expect(page).toHaveURL(/#\/editor\/boom1234$/);
  await expect(mainHeading(page)).toHaveText("Level editor: Boom");
});

test("a set-aside level's address says so instead of running it", async ({ page }) => {
  await page.goto("/");
  const boom = { ...draft('{ "title": "Boom" }', "2030-01-01T00:00:00.000Z"), why: "the game failed while reading it (TypeError: x)", setAsideAt: "2030-01-02T00:00:00.000Z" };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [SET_ASIDE_KEY, JSON.stringify({ version: 1, drafts: { boom1234: boom } })]);
  await page.goto("/#/my-levels/boom1234");
  await page.reload();
  await expect(mainHeading(page)).toHaveText("This level is set aside");
  await expect(page.locator("main")).toContainText(
    "The game could not open “Boom”: the game failed while reading it (TypeError: x). It is not opened again: My levels lists it under “Set aside”, where you can download it or open it in the editor.",
  );
  await page.goto("/#/editor/boom1234");
  await expect(mainHeading(page)).toHaveText("This level is set aside");
  await page.getByRole("button", { name: "Open it in the editor" }).click();
  await expect(mainHeading(page)).toHaveText("Level editor: Boom");
});
