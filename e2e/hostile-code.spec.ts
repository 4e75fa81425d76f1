// Code a stranger can send (issue 11): a level calling toString(), or nesting parentheses 2,000
// deep, blanked the page, and a saved draft kept it blank after every reload. Such a level gets
// its errors, at their line and column, like any broken level.

import { expect, test, type Page } from "@playwright/test";
import { encodeLevelLink } from "../src/ui/share";
import { positionOf, problems, waitForEditor } from "./helpers/editor";

/** The file from issue 11. */
const ISSUE_FILE = `{"format":1,"id":"c","title":"T","summary":"S","win":["assertion"],"threads":[{"name":"A","code":"toString();"}]}`;
const DEEP_FILE = JSON.stringify({
  format: 1, id: "deep", title: "Deep", summary: "S", win: ["assertion"],
  threads: [{ name: "A", code: `bool b = ${"(".repeat(2000)}true${")".repeat(2000)};` }],
});
const TOO_DEEP = 'the code nests more than 64 levels deep here (each block, parenthesis, bracket, "!", "-", "else if" and operator adds a level)';

/** Opens `json` as a link level, recording uncaught page errors. */
async function openLink(page: Page, json: string): Promise<Error[]> {
  const thrown: Error[] = [];
  page.on("pageerror", (e) => thrown.push(e));
  await page.goto(`/#/play?level=${await encodeLevelLink(json)}`);
  return thrown;
}

test("a linked level calling toString() shows the unknown function at its line and column", async ({ page }) => {
  const thrown = await openLink(page, ISSUE_FILE);
  await expect(page.getByRole("heading", { level: 1, name: "The level in this link has errors" })).toBeVisible();
  await expect(page.getByRole("listitem")).toHaveText([
    'line 1, column 1: unknown function "toString"; declare it in "noops" if it is a call that does nothing (at threads[0].code)',
  ]);
  await expect(page.getByRole("link", { name: "Back to the campaign" })).toBeVisible();
  expect(thrown).toEqual([]);
});

test("a linked level nesting parentheses 2,000 deep shows where it nests too deep", async ({ page }) => {
  const thrown = await openLink(page, DEEP_FILE);
  await expect(page.getByRole("heading", { level: 1, name: "The level in this link has errors" })).toBeVisible();
  // `bool b = ` is 9 characters; the 65th parenthesis is the first one too many.
  await expect(page.getByRole("listitem")).toHaveText([`line 1, column 74: ${TOO_DEEP} (at threads[0].code)`]);
  expect(thrown).toEqual([]);
});

test("the issue's file imported in the editor is a problem at its place, and stays one after a reload", async ({ page }) => {
  const thrown: Error[] = [];
  page.on("pageerror", (e) => thrown.push(e));
  await page.goto("/#/editor");
  await page.getByLabel("Import…").setInputFiles({ name: "c.json", mimeType: "application/json", buffer: Buffer.from(ISSUE_FILE) });
  await waitForEditor(page);
  const { line, column } = positionOf(ISSUE_FILE, "toString();");
  const expected = `Line ${line}, column ${column} unknown function "toString"; declare it in "noops" if it is a call that does nothing (at threads[0].code, line 1, column 1 of the code)`;
  await expect(problems(page)).toHaveText([expected]);
  await page.reload();
  await waitForEditor(page);
  await expect(problems(page)).toHaveText([expected]);
  expect(thrown).toEqual([]);
});

test("a file nested 100,000 deep, imported in the editor, is a problem at the bracket one level too deep", async ({ page }) => {
  const thrown: Error[] = [];
  page.on("pageerror", (e) => thrown.push(e));
  await page.goto("/#/editor");
  const deep = `{"threads": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
  await page.getByLabel("Import…").setInputFiles({ name: "deep.json", mimeType: "application/json", buffer: Buffer.from(deep) });
  await waitForEditor(page);
  // The object is level 1; the 100th bracket is level 101.
  await expect(problems(page)).toHaveText(["Line 1, column 112 the JSON nests more than 100 levels deep"]);
  expect(thrown).toEqual([]);
});
