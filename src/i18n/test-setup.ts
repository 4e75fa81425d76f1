// Unit tests run with the English catalogs loaded and active, as the game does for an English
// player before it renders anything; every bundle is wanted, so a test's `switchLocale` brings
// each of them in the new language.

import { loadBundle, switchLocale } from "./index";

await switchLocale("en");
await Promise.all([loadBundle("play"), loadBundle("editor"), loadBundle("grade")]);
