// An error as one line of text for the player, whatever was thrown. Apart from draft-level.ts
// (which reads levels with the engine's parser) so that the error screens, on every screen, do
// not carry the parser.

import { t } from "../../i18n/index";

export function errorText(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? (error.message ? `${error.name}: ${error.message}` : error.name) : String(error);
  } catch {
    text = t("common.error.unshowable"); // e.g. an object whose toString throws
  }
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
