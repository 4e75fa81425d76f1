// Level packs, end to end: a pack opened by link and by `?src=` shows its chapters; two levels
// played to a win count in the pack's own progress (not the campaign's); "Download my record"
// saves a file that grading accepts, and rejects, with its reason, once a schedule move is
// changed or the pack's level is; a broken or hostile pack shows where it is wrong and runs nothing.

import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { loadPack } from "../src/course/pack";
import { parseRecord } from "../src/course/record";
import { button, outcomeDialog } from "./helpers/game";
import { campaignIds, campaignLevel, moveButton } from "./helpers/levels";

const PACK_FILE = new URL("../public/packs/example.json", import.meta.url);
const packText = readFileSync(PACK_FILE, "utf8");
const pack = JSON.parse(packText) as { id: string; hash: string; title: string; chapters: { title: string; levels: string[] }[] };
const linkData = (text: string) => deflateRawSync(Buffer.from(text, "utf8")).toString("base64url");

async function expectPackCampaign(page: Page) {
  await expect(page).toHaveURL(/#\/packs\/example$/);
  await expect(page.getByRole("heading", { level: 1, name: pack.title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(pack.chapters.map((c, i) => `Chapter ${i + 1} ${c.title}`));
  await expect(page.getByRole("link", { name: /^First Steps/ })).toHaveAccessibleName("First Steps, up next");
}

/** Plays a level's own `solution` on the level screen, by its buttons, to the victory dialog. */
async function playSolution(page: Page, id: string) {
  const level = campaignLevel(id);
  await expect(page.getByRole("heading", { level: 1, name: level.level.spec.title })).toBeVisible();
  for (const move of level.solution) await button(page, moveButton(level.level, move)).click();
  await expect(outcomeDialog(page)).toHaveAccessibleName(/^Victory/);
}

test("a pack opened by ?src= shows its chapters and is listed on the campaign", async ({ page }) => {
  await page.goto("/#/pack?src=packs/example.json");
  await expectPackCampaign(page);
  await page.goto("/#/");
  const list = page.getByRole("list", { name: "Level packs" });
  await expect(list.getByRole("link")).toHaveText([pack.title]);
  await list.getByRole("link", { name: pack.title }).click();
  await expectPackCampaign(page);
});

test("a pack opened by a link shows its chapters, and survives a reload", async ({ page }) => {
  await page.goto(`/#/pack?data=${linkData(packText)}`);
  await expectPackCampaign(page);
  await page.reload();
  await expectPackCampaign(page);
});

test("a broken or hostile pack says where it is wrong, and nothing runs", async ({ page }) => {
  const tampered = packText.replace("critical_section();", "critical_section(); critical_section();");
  await page.goto(`/#/pack?data=${linkData(tampered)}`);
  await expect(page.getByRole("heading", { level: 1, name: "This pack has errors" })).toBeVisible();
  const line = packText.split("\n").findIndex((l) => l.includes('"hash"')) + 1;
  await expect(page.getByRole("listitem").first()).toContainText(`the pack in this link: line ${line}, column`);
  await expect(page.getByRole("listitem").first()).toContainText('level "first-steps" has changed since the pack was built');
  await expect(page.getByRole("button", { name: /^Step / })).toHaveCount(0);

  await page.goto("/#/pack?src=https://example.org/packs/evil.json");
  await expect(page.getByRole("heading", { level: 1, name: "This pack cannot be opened" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("is not a path on this site");
  await page.goto("/#/pack?src=packs/../../secret.json");
  await expect(page.getByRole("main")).toContainText("is not a plain path inside this site");
  await page.goto("/#/pack?src=packs/no-such-pack.json");
  await expect(page.getByRole("main")).toContainText("could not be fetched: there is no such file");

  await page.goto("/#/");
  await page.getByLabel("Open a pack…").setInputFiles({ name: "week3.json", mimeType: "application/json", buffer: Buffer.from('{"format": "interleave-pack",\n  "version": 2}') });
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("This pack has errors, so nothing in it is run");
  await expect(alert).toContainText("week3.json: line 2, column");
});

test("a pack opened from a file is checked and opened", async ({ page }) => {
  await page.goto("/#/");
  await page.getByLabel("Open a pack…").setInputFiles({ name: "example.json", mimeType: "application/json", buffer: Buffer.from(packText) });
  await expectPackCampaign(page);
});

test("two levels won in a pack count in its own progress, and Download my record saves them", async ({ page }) => {
  await page.goto("/#/pack?src=packs/example.json");
  await expectPackCampaign(page);
  await page.getByRole("link", { name: /^First Steps/ }).click();
  await playSolution(page, "first-steps");
  await page.goto("/#/packs/example/lost-update");
  await playSolution(page, "lost-update");

  await page.goto("/#/packs/example");
  await expect(page.getByRole("link", { name: /^First Steps/ })).toHaveAccessibleName("First Steps, solved");
  await expect(page.getByRole("link", { name: /^The Lost Deposit/ })).toHaveAccessibleName("The Lost Deposit, solved");
  await expect(page.getByText(`2 of ${pack.chapters.flatMap((c) => c.levels).length} levels solved.`)).toBeVisible();
  // The main campaign knows nothing of it.
  await page.goto("/#/");
  await expect(page.getByText(`0 of ${campaignIds().length} levels solved.`)).toBeVisible();

  await page.goto("/#/packs/example");
  await page.getByRole("button", { name: "Download my record", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Download my record" });
  await dialog.getByRole("button", { name: "Download" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Type your name as your instructor knows it.");
  await dialog.getByLabel("Your name").fill("Ada Lovelace");
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toBe("example-ada-lovelace.record.json");
  const recordText = readFileSync(await download.path(), "utf8");
  const record = parseRecord(recordText, "example-ada-lovelace.record.json");
  if (!record.ok) throw new Error(record.error.map((e) => e.message).join("; "));
  expect(record.value.student).toBe("Ada Lovelace");
  expect(record.value.pack).toEqual({ id: pack.id, hash: pack.hash });
  const loaded = await loadPack(packText, "example.json");
  if (!loaded.ok) throw new Error("the example pack does not load");
  const hashOf = (id: string) => loaded.value.levels.find((l) => l.id === id)!.hash;
  expect(record.value.levels.map(({ solvedAt: _, ...entry }) => entry)).toEqual([
    { id: "first-steps", hash: hashOf("first-steps"), schedule: campaignLevel("first-steps").solution },
    { id: "lost-update", hash: hashOf("lost-update"), schedule: campaignLevel("lost-update").solution },
  ]);

  // The name is remembered for next time.
  await page.reload();
  await page.getByRole("button", { name: "Download my record", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Download my record" }).getByLabel("Your name")).toHaveValue("Ada Lovelace");
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("the pack's campaign and the record dialog fit", async ({ page }) => {
    await page.goto("/#/pack?src=packs/example.json");
    await expectPackCampaign(page);
    const width = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await width()).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Download my record", exact: true }).tap();
    const name = page.getByRole("dialog", { name: "Download my record" }).getByLabel("Your name");
    await expect(name).toBeInViewport();
    expect(await width()).toBeLessThanOrEqual(0);
  });
});
