// One screen that throws takes only itself down: its boundary says which screen and what went
// wrong, leads back to the campaign, tries again, and, for a level of the player's, sets it aside.
// The failures are injected into the page (a screen's title that cannot be set, an editor chunk
// that does not arrive), so these tests hold whatever the engine does.

import { expect, test, type Page } from "@playwright/test";
import { DRAFTS_KEY } from "../src/ui/store/drafts";
import { SET_ASIDE_KEY } from "../src/ui/store/set-aside";
import { campaignLevel } from "./helpers/levels";

/** Setting document.title to a title that matches `window.failTitle` (a RegExp source) throws, as a bug in a screen's effect would. */
async function failTitles(page: Page, pattern: string | null) {
  await page.addInitScript((initial) => {
    const w = window as unknown as { failTitle: string | null };
    w.failTitle = initial;
    const title = Object.getOwnPropertyDescriptor(Document.prototype, "title")!;
    Object.defineProperty(Document.prototype, "title", {
      configurable: true,
      get(this: Document) {
        return title.get!.call(this);
      },
      set(this: Document, value: string) {
        if (w.failTitle !== null && new RegExp(w.failTitle).test(value)) throw new Error(`injected: the title “${value}” cannot be set`);
        title.set!.call(this, value);
      },
    });
  }, pattern);
}

const mainHeading = (page: Page) => page.locator("main h1");
const LOST = campaignLevel("lost-update").level.spec.title;

test("a level screen that throws says so, logs it, leads back, and comes back on Try again", async ({ page }) => {
  const logged: string[] = [];
  page.on("console", (m) => m.type() === "error" && logged.push(m.text()));
  await failTitles(page, `^${LOST}`);
  await page.goto("/#/level/lost-update");

  await expect(mainHeading(page)).toHaveText("This level stopped with an error");
  await expect(mainHeading(page)).toBeFocused();
  await expect(page.locator("main")).toContainText(`What went wrong: Error: injected: the title “${LOST} · Interleave” cannot be set`);
  await expect(page.getByRole("button", { name: "Set this level aside" })).toHaveCount(0);
  expect(logged.some((t) => t.startsWith("Interleave: this level stopped with an error:"))).toBe(true);

  // The rest of the game is unharmed, and coming back mounts the screen afresh.
  await page.getByRole("link", { name: "Back to the campaign" }).click();
  await expect(mainHeading(page)).toHaveText("Interleave");
  await page.goBack();
  await expect(mainHeading(page)).toHaveText("This level stopped with an error");

  await page.evaluate(() => ((window as unknown as { failTitle: string | null }).failTitle = null));
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: LOST })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Step Teller Al/ })).toBeVisible();
});

test("the level editor's chunk failing to load is caught, and Try again loads it", async ({ page }) => {
  await page.route(/\/assets\/EditorScreen-[^/]*\.js$/, (route) => route.abort("internetdisconnected"));
  await page.goto("/#/editor");
  await expect(mainHeading(page)).toHaveText("The level editor stopped with an error");
  await expect(page.locator("main")).toContainText("What went wrong: TypeError: Failed to fetch dynamically imported module");

  await page.unroute(/\/assets\/EditorScreen-[^/]*\.js$/);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(mainHeading(page)).toHaveText("Level editor");
});

test("your own level that throws while played can be set aside from its error screen", async ({ page }) => {
  await failTitles(page, "^Boom");
  const level = JSON.parse(campaignLevel("lost-update").text);
  level.title = "Boom";
  const at = "2030-01-01T00:00:00.000Z";
  await page.goto("/");
  await page.evaluate(
    ([k, v]) => localStorage.setItem(k, v),
    [DRAFTS_KEY, JSON.stringify({ version: 1, state: { drafts: { boom1234: { text: JSON.stringify(level), createdAt: at, updatedAt: at } } } })],
  );
  await page.goto("/#/my-levels/boom1234");
  await page.reload();
  await expect(mainHeading(page)).toHaveText("Your level stopped with an error");
  await page.getByRole("button", { name: "Set this level aside" }).click();

  await expect(mainHeading(page)).toHaveText("Interleave");
  await expect(page.getByRole("status").filter({ hasText: "Boom" })).toContainText(
    "Your level “Boom” could not be opened: it stopped with an error while it was played (Error: injected: the title “Boom · Interleave” cannot be set). It is set aside",
  );
  await expect(page.getByRole("region", { name: "Set aside" }).getByRole("listitem")).toHaveText([/^Boomit stopped with an error while it was played/]);
  expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), SET_ASIDE_KEY))!).drafts.boom1234.text).toBe(JSON.stringify(level));
  await page.goto("/#/my-levels/boom1234");
  await expect(mainHeading(page)).toHaveText("This level is set aside");
});

test("when the game's shell itself throws, outside every screen, it says the game stopped instead of going blank", async ({ page }) => {
  await page.goto("/");
  await expect(mainHeading(page)).toHaveText("Interleave");
  // Reading the next address needs URLSearchParams: make it fail, as a bug in the router would.
  await page.evaluate(() => {
    window.URLSearchParams = class {
      constructor() {
        throw new Error("injected: the address cannot be read");
      }
    } as unknown as typeof URLSearchParams;
    window.location.hash = "#/play?level=x";
  });
  await expect(mainHeading(page)).toHaveText("The game stopped with an error");
  await expect(page.locator("main")).toContainText("What went wrong: Error: injected: the address cannot be read");
  await expect(page.getByRole("button", { name: "Reload the campaign" })).toBeVisible();
});

test("an error screen that cannot even set its title still shows, once", async ({ page }) => {
  const logged: string[] = [];
  page.on("console", (m) => m.type() === "error" && logged.push(m.text()));
  await failTitles(page, ".");
  await page.goto("/");
  await expect(mainHeading(page)).toHaveText("The campaign stopped with an error");
  await expect(page.locator("main")).toContainText("What went wrong: Error: injected: the title “Interleave” cannot be set");
  expect(logged.filter((t) => t.startsWith("Interleave: the campaign stopped with an error:"))).toHaveLength(1);
});
