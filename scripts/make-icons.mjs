// Renders the installed app's PNG icons (public/icons/*.png) from their SVGs in headless
// Chromium, at the sizes the web app manifest names. Run after changing an icon's SVG:
//   node scripts/make-icons.mjs

import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, resolveBrowser } from "./browser-path.mjs";

const ICONS = [
  { svg: "public/icons/icon.svg", png: "public/icons/icon-192.png", size: 192 },
  { svg: "public/icons/icon.svg", png: "public/icons/icon-512.png", size: 512 },
  { svg: "public/icons/icon-maskable.svg", png: "public/icons/icon-maskable-512.png", size: 512 },
];

const choice = resolveBrowser();
if (!choice.ok) throw new Error(choice.message);
const browser = await chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS });
try {
  for (const { svg, png, size } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const data = `data:image/svg+xml;base64,${readFileSync(svg).toString("base64")}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${data}" width="${size}" height="${size}">`);
    await page.locator("img").screenshot({ path: png, omitBackground: true });
    await page.close();
    console.log(`${png} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
