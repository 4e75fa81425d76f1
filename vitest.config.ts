// Unit tests run in Node with the game's own Vite settings; the Playwright specs in e2e/ are not
// unit tests and run through `playwright test` instead.

import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config.js";

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: "node",
      include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
      exclude: ["e2e/**", "node_modules/**", "dist/**"],
    },
  }),
);
