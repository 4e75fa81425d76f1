// Text from a level file is shown as what it is: a level may come from a stranger, and bidi
// control characters (an RLO, U+202E) in a name, a title or a comment would make it read as
// something else. They are shown as visible tags, on the page and in the document title.

import { expect, test } from "@playwright/test";
import { encodeLevelLink } from "../src/ui/share";
import { button, scheduleItems } from "./helpers/game";

const RLO = "\u202E";
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

test("bidi controls in a linked level's title, thread names, story and code are shown, not obeyed", async ({ page }) => {
  const level = {
    format: 1, id: "spoof", title: `Bank ${RLO}knab`, summary: `A ${RLO}yranimus.`, win: ["assertion"],
    story: `Read \u2067this\u2069 twice.`,
    shared: { balance: 0 },
    threads: [
      { name: `Al${RLO}ec`, code: `// ${RLO} a comment\nbalance += 1;` },
      { name: "Bo", code: "balance += 1;\nassert(balance == 2);" },
    ],
  };
  await page.goto(`/#/play?level=${await encodeLevelLink(JSON.stringify(level))}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bank ⟨U+202E⟩knab");
  await expect(page).toHaveTitle("Bank ⟨U+202E⟩knab · Interleave");
  await expect(page.locator(".level-title .summary")).toHaveText("A ⟨U+202E⟩yranimus.");
  await expect(page.getByRole("region", { name: "Story" })).toContainText("Read ⟨U+2067⟩this⟨U+2069⟩ twice.");
  const al = page.getByRole("region", { name: "Al⟨U+202E⟩ec" });
  await expect(al.getByRole("heading", { level: 2 })).toContainText("Al⟨U+202E⟩ec");
  await expect(al).toContainText("// ⟨U+202E⟩ a comment");
  await button(page, "Step Al⟨U+202E⟩ec").click();
  await expect(scheduleItems(page)).toHaveText(["1. Al⟨U+202E⟩ec"]);
  expect(await page.locator("body").innerText()).not.toMatch(BIDI);
});
