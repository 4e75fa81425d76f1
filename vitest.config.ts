// Unit tests run in Node with the game's own Vite settings; the Playwright specs in e2e/ are not
// unit tests and run through `playwright test` instead.

import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config.js";

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: "node",
      // Property tests and exhaustive searches run for seconds on a loaded 2-core machine; the
      // default 5 s would fail them for the machine's load, not for what they check.
      testTimeout: 30_000,
      include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
      // Components and stores speak English in unit tests, as they do for a new English player.
      setupFiles: ["src/i18n/test-setup.ts"],
      exclude: ["e2e/**", "node_modules/**", "dist/**"],
    },
  }),
);
