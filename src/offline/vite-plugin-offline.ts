// The Vite plugins that make the built game work offline, installable, and cross-origin isolated
// on static hosts that cannot send COOP/COEP (GitHub Pages). One service worker does it all
// (sw.ts, built by vite-plugin-pwa with Workbox): it precaches the build, answers from
// that cache with the isolation headers added, and waits for the player to take a new version.
//
// The page half is our own small script, sw-register.js, loaded first thing in index.html. It
// registers the worker and, on a page that is not isolated yet, reloads once the worker is
// ready. It waits on navigator.serviceWorker.ready, which cannot be missed (coi-serviceworker,
// which we used before, listened only after register() resolved, and on a slow machine the
// event came first and the page never reloaded); and it reloads once per tab session, so a
// browser where the worker does not help is not reloaded forever.
//
//   // vite.config.ts
//   plugins: [react(), ...offline()],

import type { Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/** Where the worker lands in the build output, next to index.html, so its scope is the site. */
export const SW_FILE = "sw.js";
/** Where our page half lands; index.html loads it first thing. */
export const REGISTER_FILE = "sw-register.js";
/** The session-storage key that remembers this tab has already reloaded once for isolation. */
export const COI_RELOADED_KEY = "interleave:coi-reloaded";
export const THEME_COLOR = "#1e293b";

/** The level editor's JSON support: runtime-cached the first time the editor opens, not
 *  precached, since most players never open the editor. Monaco itself is precached: the
 *  campaign's fix-it levels edit thread code in it. */
export const EDITOR_ONLY = ["assets/jsonMode-*", "assets/json.worker-*"];

/** The page half: plain ES5 syntax, since it runs before any bundle and is not transpiled. */
export const REGISTER_SCRIPT = `
(function () {
  var key = ${JSON.stringify(COI_RELOADED_KEY)};
  function session(action) { try { return action(window.sessionStorage); } catch (e) { return null; } }
  var isolated = window.crossOriginIsolated !== false;
  if (isolated) session(function (s) { s.removeItem(key); });
  if (!window.isSecureContext || !navigator.serviceWorker) return;
  navigator.serviceWorker
    .register(new URL(${JSON.stringify(SW_FILE)}, document.baseURI).href)
    .then(function () { return navigator.serviceWorker.ready; })
    .then(function () {
      if (isolated || session(function (s) { return s.getItem(key); })) return;
      session(function (s) { s.setItem(key, "1"); });
      window.location.reload();
    })
    .catch(function (error) { console.error("Interleave: the service worker did not register:", error); });
})();
`;

function registerScript(): Plugin {
  return {
    name: "interleave:sw-register",
    apply: "build",
    generateBundle() {
      this.emitFile({ type: "asset", fileName: REGISTER_FILE, source: REGISTER_SCRIPT });
    },
    // A classic script before anything else, so a first visit registers the worker and reloads as
    // early as it can. A file, not inline: the page has no inline script (a hostile level's
    // markup is tested for exactly that, and a strict Content-Security-Policy would refuse it).
    transformIndexHtml: () => [
      { tag: "script", attrs: { src: `./${REGISTER_FILE}` }, injectTo: "head-prepend" },
      { tag: "meta", attrs: { name: "theme-color", content: THEME_COLOR }, injectTo: "head" },
      { tag: "link", attrs: { rel: "apple-touch-icon", href: "./icons/icon-192.png" }, injectTo: "head" },
    ],
  };
}

export function offline(): Plugin[] {
  return [
    ...VitePWA({
      strategies: "injectManifest",
      srcDir: "src/offline",
      filename: "sw.ts", // built to sw.js
      // A classic worker script (not a module worker), so every browser with service workers runs it.
      injectManifest: {
        rollupFormat: "iife",
        globPatterns: ["**/*.{html,js,css,svg,png,ttf,wasm,webmanifest}"],
        globIgnores: EDITOR_ONLY,
        // Monaco's main chunk is about 3.4 MB; the default cap (2 MiB) would leave it out.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
      // We register the worker ourselves (sw-register.js) and announce updates in the page.
      injectRegister: false,
      registerType: "prompt",
      manifest: {
        name: "Interleave",
        short_name: "Interleave",
        description: "A puzzle game that teaches concurrency: you are the thread scheduler.",
        start_url: "./",
        scope: "./",
        display: "standalone",
        theme_color: THEME_COLOR,
        background_color: THEME_COLOR,
        icons: [
          { src: "icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "icons/icon.svg", sizes: "any", type: "image/svg+xml" },
        ],
      },
    }),
    registerScript(),
  ];
}
