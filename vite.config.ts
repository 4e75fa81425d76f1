// Vite for the game. Hardware mode shares memory between Web Workers through SharedArrayBuffer,
// which browsers only allow on cross-origin isolated pages: both servers send COOP and COEP.

import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { offline } from "./src/offline/vite-plugin-offline.js";
import { levelCards } from "./src/ui/vite-plugin-level-cards.js";
import { messages } from "./src/i18n/vite-plugin-messages.js";

const crossOriginIsolation = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  base: "./",
  // offline: the service worker that precaches the build for playing offline, makes a static
  // host without these headers (GitHub Pages) isolated too, and the web app manifest.
  // levelCards: the campaign screen's titles and summaries, without every level's whole file.
  // messages: the interface's words, one compiled catalog per language and bundle.
  plugins: [react(), ...offline(), levelCards(), messages()],
  worker: { format: "es" },
  server: { port: 5173, headers: crossOriginIsolation },
  preview: { port: 4173, headers: crossOriginIsolation },
});
