// The Playwright run behind `npm run -s levels -- test DIR`: the suite's own config (the same
// Chromium, the same production build served by `vite preview`), running only play-levels.ts,
// which plays the levels of $LEVELS_TEST_DIR. With $LEVELS_TEST_BASE_URL it plays against a game
// already served there instead of building one.

import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";
import suite from "../../playwright.config";

const served = process.env.LEVELS_TEST_BASE_URL;
const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  ...suite,
  testDir: ".",
  testMatch: "play-levels.ts",
  // Its own results folder: run from inside the suite, it must not empty the suite's test-results/.
  outputDir: "../../test-results/levels-test",
  // Level by level, in file order, so the lines come out as the folder lists them.
  workers: 1,
  use: { ...suite.use, ...(served && { baseURL: served }) },
  webServer: served ? undefined : { ...(suite.webServer as object), cwd: root } as typeof suite.webServer,
});
