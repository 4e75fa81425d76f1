// Reading one of the player's levels into a playable level, guarded: a level file is hostile input,
// and whatever the engine does with it (an error list, or a throw from a bug of ours), the caller
// gets a value. A throw becomes `failed`, with words for the player; the caller sets the draft aside.

import { t } from "../../i18n/index";
import { parseLevel, type Level, type LevelError, type Result } from "../../engine/index";
import { errorText } from "./error-text";

export type DraftLevel =
  | { kind: "level"; level: Level }
  | { kind: "errors"; errors: LevelError[] }
  | { kind: "failed"; why: string };

export function readDraftLevel(text: string, parse: (text: string) => Result<Level, LevelError[]> = parseLevel): DraftLevel {
  try {
    const result = parse(text);
    return result.ok ? { kind: "level", level: result.value } : { kind: "errors", errors: result.error };
  } catch (e) {
    return { kind: "failed", why: t("common.drafts.failedReading", { error: errorText(e) }) };
  }
}

export { errorText };
