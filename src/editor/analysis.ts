// What the editor knows of the text being typed: the level it makes, or the problems to mark.
// The engine reads it guarded, so a level that makes the game itself fail is one more problem
// in the list, never a crash of the editor.

import { parseLevel, type Level, type LevelError, type Result } from "../engine/index";
import { t } from "../i18n/index";
import { errorText, readDraftLevel } from "../ui/store/draft-level";
import type { LoadedLevel } from "../ui/store/game-slice";
import { problemsOf, type Problem } from "./problems";

export interface Analysis {
  text: string;
  level: Level | null;
  problems: Problem[];
  loaded: LoadedLevel | null;
}

/** The text read by the engine, guarded: if the game itself fails on it, that is the one problem shown. */
export function analyse(text: string, parse: (text: string) => Result<Level, LevelError[]> = parseLevel): Analysis {
  let problems: Problem[];
  try {
    const result = readDraftLevel(text, parse);
    if (result.kind === "level") {
      return { text, level: result.level, problems: [], loaded: { id: result.level.spec.id, text, level: result.level, source: "draft" } };
    }
    problems = result.kind === "errors" ? problemsOf(text, result.errors) : [gameFailure(result.why)];
  } catch (e) {
    problems = [gameFailure(t("editor.gameFailure.marking", { error: errorText(e) }))];
  }
  return { text, level: null, problems, loaded: null };
}

function gameFailure(why: string): Problem {
  const message = t("editor.gameFailure", { why });
  return { code: "game-failure", message, line: 1, column: 1, endLine: 1, endColumn: 2 };
}

