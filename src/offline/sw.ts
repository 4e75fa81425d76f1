// The game's one service worker (built to sw.js by vite-plugin-pwa, see vite-plugin-offline.ts).
// It precaches the build, so after the first visit the game runs with no network; it adds the
// cross-origin isolation headers to every same-origin response, cached or not, so hardware mode
// works on hosts that cannot send them; and a new version waits until the page asks it to take
// over (the "A new version is ready" banner), never swapping itself in under a player.

import { clientsClaim, type WorkboxPlugin } from "workbox-core";
import { ExpirationPlugin } from "workbox-expiration";
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst, NetworkOnly } from "workbox-strategies";
import { withIsolationHeaders } from "./isolation";
import { SKIP_WAITING } from "./update";

/** What this file uses of the service worker's global scope (the DOM library has no such type). */
interface ServiceWorkerScope {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}
declare const self: ServiceWorkerScope;

const isolate: WorkboxPlugin = { handlerWillRespond: async ({ response }) => withIsolationHeaders(response) };
const sameOrigin = (url: URL) => url.origin === self.location.origin;

// Every file of the build, except the level editor's JSON support (see EDITOR_ONLY).
addPlugins([isolate]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any address in the site opens the game (its screens live in the hash).
registerRoute(new NavigationRoute(createHandlerBoundToURL("index.html")));

// The rest of the build (the editor's JSON support) is cached the first time it loads; the file
// names carry a hash, so a cached file is never stale, and old versions' files age out.
registerRoute(
  ({ url, request }) => sameOrigin(url) && request.method === "GET" && /\/assets\/[^/]+$/.test(url.pathname),
  new CacheFirst({ cacheName: "interleave-runtime", plugins: [new ExpirationPlugin({ maxEntries: 40 }), isolate] }),
);

// Anything else of ours still goes to the network, with the isolation headers added.
registerRoute(({ url, request }) => sameOrigin(url) && !(request.cache === "only-if-cached" && request.mode !== "same-origin"), new NetworkOnly({ plugins: [isolate] }));

// The first version takes the open page at once, so it works offline without a reload; a later
// one waits (no skipWaiting here) until the player chooses to reload.
clientsClaim();
self.addEventListener("message", (event) => {
  if (event.data?.type === SKIP_WAITING) void self.skipWaiting();
});
