// Unit tests run with the English catalogs loaded and active, as the game does for an English
// player before it renders anything. A test may switch with `switchLocale`.

import { i18n } from "@lingui/core";
import main from "virtual:messages/en/main";
import editor from "virtual:messages/en/editor";
import grade from "virtual:messages/en/grade";

i18n.load("en", { ...main, ...editor, ...grade });
i18n.activate("en");
