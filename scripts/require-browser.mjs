// The first step of `npm test`: stop at once, with a way out, when there is no Chromium for the
// Playwright suite, instead of after the type-check and unit tests have run.

import { resolveBrowser } from "./browser-path.mjs";

const browser = resolveBrowser();
if (!browser.ok) {
  console.error(`\n${browser.message}\n`);
  process.exit(1);
}
const from = { INTERLEAVE_CHROMIUM: "from INTERLEAVE_CHROMIUM", system: "system Chromium", playwright: "Playwright's own" };
console.log(`End-to-end browser: ${browser.path} (${from[browser.source]})`);
