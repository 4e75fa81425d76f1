// Under the controls, once a game's outcome dialog is closed: how the game on the board ended,
// and a way to show the dialog again. Apart from OutcomeDialog.tsx, which loads only when a game ends.

import type { FixSpec, GameState } from "../../engine/play";
import { t } from "../../i18n/index";
import { fixVerdict } from "../fix-words";
import { appStore, useApp } from "../use-app";
import { outcomeSentence } from "../words";

interface LineProps {
  game: GameState;
  fix?: FixSpec;
  /** Code is typed beside the game and the game is over before any move (see LevelPlay). */
  overBeforeMoves: boolean;
  /** The code being typed has problems: the game shown is the last code without any. */
  codeHasProblems?: boolean;
}

/** Under the controls: how the game on the board ended, once its dialog is closed (or when it
 *  ended before any move while code is typed), and whether the typed code runs at all. */
export function OutcomeLine({ game, fix, overBeforeMoves, codeHasProblems = false }: LineProps) {
  const closed = useApp((s) => s.closedOutcome !== null && s.closedOutcome === s.game);
  const outcome = game.outcome;
  if (codeHasProblems) {
    return (
      <p className="over-before-moves outcome-line" role="status">
        {t("play.outcomeLine.codeErrors")}
      </p>
    );
  }
  if (!outcome || !(closed || overBeforeMoves)) return null;
  if (overBeforeMoves) {
    return (
      <p className="over-before-moves outcome-line" role="status">
        {t("play.outcomeLine.overBeforeMoves", { outcome: outcomeSentence(outcome, game.program) })}
      </p>
    );
  }
  const verdict = fix ? (fixVerdict(fix, outcome, game).forbidden ? "broken" : "ended") : outcome.win ? "won" : "lost";
  const moves = game.schedule.length;
  return (
    <p className="over-before-moves outcome-line" role="status">
      {t("play.outcomeLine.ended", { verdict, moves, outcome: outcomeSentence(outcome, game.program) })}{" "}
      <button type="button" className="quiet" onClick={() => appStore.getState().reopenOutcome()}>
        {t("play.outcomeLine.show")}
      </button>
    </p>
  );
}
