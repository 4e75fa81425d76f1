// Driving the level editor the way an instructor does: through its buttons, its problems list
// and Monaco's own keyboard commands (find, type, undo). Nothing here reaches into Monaco's API.

import { readFileSync } from "node:fs";
import { expect, type Download, type Page } from "@playwright/test";

/** Opens a new level from a template and waits until Monaco is ready; returns the draft's id. */
export async function newLevelFromTemplate(page: Page, template: string): Promise<string> {
  await page.goto(`/#/editor?template=${template}`);
  return waitForEditor(page);
}

/** Waits for the editor of a draft (the address is `#/editor/<id>`) and Monaco in it; returns the id. */
export async function waitForEditor(page: Page): Promise<string> {
  await expect(page).toHaveURL(/#\/editor\/[a-z0-9]+$/);
  await expect(page.locator(".editor-monaco[data-state=ready] .monaco-editor")).toBeVisible();
  return /#\/editor\/([a-z0-9]+)$/.exec(page.url())![1];
}

/**
 * Selects the first `find` in the editor with Monaco's find widget (Control+F), then types
 * `replacement` over it, key by key, as a person would (an empty one deletes it). Typing a quote
 * over a selection would wrap it in quotes, so replacements with quotes need insertText.
 */
export async function replaceText(page: Page, find: string, replacement: string): Promise<void> {
  await page.locator(".editor-monaco .view-lines").click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("ControlOrMeta+F");
  const findInput = page.getByRole("textbox", { name: "Find" });
  await expect(findInput).toBeFocused();
  await page.keyboard.insertText(find);
  await expect(page.locator(".find-widget .matchesCount")).not.toHaveText(/No results/);
  await page.keyboard.press("Escape");
  if (replacement === "") await page.keyboard.press("Delete");
  else await page.keyboard.type(replacement);
}

export const problems = (page: Page) => page.getByRole("region", { name: /^Problems/ }).getByRole("listitem");

/** Exports the level being edited; returns the file's name and text. */
export async function exportLevel(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export", exact: true }).click()]);
  return { name: download.suggestedFilename(), text: await downloadText(download) };
}

async function downloadText(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, "utf8");
}

/** Line and column (1-based) of the first `needle` in `text`, after `from`. */
export function positionOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}

/** Chunks, workers and fonts of Monaco or the editor, by URL. */
export const EDITOR_ASSET = /monaco|editor|json\.worker|jsonMode|codicon|\.ttf/i;
