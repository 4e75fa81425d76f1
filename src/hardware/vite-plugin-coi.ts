// A Vite plugin that makes the built site cross-origin isolated on static hosts that cannot send
// COOP/COEP headers (GitHub Pages): it ships coi-serviceworker, a service worker that adds the
// headers to every response, and loads it first thing in index.html. Where the server already
// sends the headers (vite preview, vite dev), the script sees the page isolated and does nothing.
//
//   // vite.config.ts
//   import { coiServiceWorker } from "./src/hardware/vite-plugin-coi";
//   plugins: [react(), coiServiceWorker()],

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Plugin } from "vite";

/** The version reviewed for shipping; package.json must pin exactly this one. */
export const COI_SERVICEWORKER_VERSION = "0.1.7";
/** Where the script lands in the build output (next to index.html, so its scope is the site). */
export const COI_SCRIPT = "coi-serviceworker.js";

function loadScript(): string {
  const require = createRequire(import.meta.url);
  let pkgPath: string;
  try {
    pkgPath = require.resolve("coi-serviceworker/package.json");
  } catch {
    throw new Error(`coiServiceWorker(): the package coi-serviceworker is not installed. Run: npm install --save-exact coi-serviceworker@${COI_SERVICEWORKER_VERSION}`);
  }
  const version = (JSON.parse(readFileSync(pkgPath, "utf8")) as { version: string }).version;
  if (version !== COI_SERVICEWORKER_VERSION) {
    throw new Error(`coiServiceWorker(): found coi-serviceworker ${version}, expected exactly ${COI_SERVICEWORKER_VERSION} (pin it in package.json).`);
  }
  return readFileSync(require.resolve("coi-serviceworker/coi-serviceworker.js"), "utf8");
}

export function coiServiceWorker(): Plugin {
  let script = "";
  return {
    name: "interleave:coi-serviceworker",
    apply: "build",
    buildStart() {
      script = loadScript();
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: COI_SCRIPT, source: script });
    },
    // A classic script (it finds its own URL through document.currentScript), before anything
    // else, so a first visit registers the worker and reloads as early as it can.
    transformIndexHtml: () => [{ tag: "script", attrs: { src: `./${COI_SCRIPT}` }, injectTo: "head-prepend" }],
  };
}
