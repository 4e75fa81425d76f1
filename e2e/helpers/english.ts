// The English catalogs, loaded in Node for specs that word what the page should say with the
// game's own word functions (src/ui/words.ts), as the unit tests do (src/i18n/test-setup.ts).

import { i18n } from "@lingui/core";
import { fileURLToPath } from "node:url";
import { BUNDLES, compileBundle } from "../../src/i18n/vite-plugin-messages";

const dir = fileURLToPath(new URL("../../src/i18n/messages", import.meta.url));
i18n.load("en", Object.assign({}, ...BUNDLES.map((bundle) => compileBundle(dir, "en", bundle))));
i18n.activate("en");
