// A Vite plugin that makes the built site cross-origin isolated on static hosts that cannot send
// COOP/COEP headers (GitHub Pages): it ships coi-serviceworker, a service worker that adds the
// headers to every response, and registers it first thing in index.html. Where the server already
// sends the headers (vite preview, vite dev), the page is isolated and the script does nothing.
//
// Only the package's worker half is used. Its page half registers the worker and reloads when it
// sees the worker install ("updatefound") or already active, but it starts listening only after
// register() resolves: on a slow machine the event can fire first, and then the page never
// reloads and never becomes isolated. Our page half waits on navigator.serviceWorker.ready,
// which cannot be missed, and reloads once per tab session, so a browser where the worker does
// not help (no service workers for this page, say) is not reloaded forever.
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

/** The session-storage key that remembers this tab has already reloaded once for isolation. */
export const COI_RELOADED_KEY = "interleave:coi-reloaded";

/** Where our page half lands, next to the worker; index.html loads it first thing. */
export const REGISTER_FILE = "coi-register.js";

/** The page half: plain ES5 syntax, since it runs before any bundle and is not transpiled. */
export const REGISTER_SCRIPT = `
(function () {
  var key = ${JSON.stringify(COI_RELOADED_KEY)};
  function session(action) { try { return action(window.sessionStorage); } catch (e) { return null; } }
  if (window.crossOriginIsolated !== false) { session(function (s) { s.removeItem(key); }); return; }
  if (!window.isSecureContext || !navigator.serviceWorker) return;
  navigator.serviceWorker
    .register(new URL(${JSON.stringify(COI_SCRIPT)}, document.baseURI).href)
    .then(function () { return navigator.serviceWorker.ready; })
    .then(function () {
      if (session(function (s) { return s.getItem(key); })) return;
      session(function (s) { s.setItem(key, "1"); });
      window.location.reload();
    })
    .catch(function (error) { console.error("Interleave: the isolation service worker did not register:", error); });
})();
`;

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
      this.emitFile({ type: "asset", fileName: REGISTER_FILE, source: REGISTER_SCRIPT });
    },
    // A classic script before anything else, so a first visit registers the worker and reloads as
    // early as it can. A file, not inline: the page has no inline script (a hostile level's
    // markup is tested for exactly that, and a strict Content-Security-Policy would refuse it).
    transformIndexHtml: () => [{ tag: "script", attrs: { src: `./${REGISTER_FILE}` }, injectTo: "head-prepend" }],
  };
}
