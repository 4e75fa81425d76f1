// The page is cross-origin isolated, so hardware mode can use SharedArrayBuffer, and a visitor
// sees the game's name.

import { expect, test } from "@playwright/test";

test("the preview server sends COOP and COEP, so the page is cross-origin isolated", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["cross-origin-embedder-policy"]).toBe("require-corp");

  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe("function");
});

test("the page shows the game's name", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Interleave");
  await expect(page.getByRole("heading", { level: 1, name: "Interleave" })).toBeVisible();
});
