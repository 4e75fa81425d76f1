// Under the controls, once a game's outcome dialog is closed: how the game on the board ended,
// and a way to show the dialog again. Apart from OutcomeDialog.tsx, which loads only when a game ends.

import type { FixSpec, GameState } from "../../engine/play";
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
        Your code has errors: fix them to run it. The threads here still run your last code without errors.
      </p>
    );
  }
  if (!outcome || !(closed || overBeforeMoves)) return null;
  if (overBeforeMoves) {
    return (
      <p className="over-before-moves outcome-line" role="status">
        Over before any move: {outcomeSentence(outcome)}
      </p>
    );
  }
  const verdict = fix ? (fixVerdict(fix, outcome, game).forbidden ? "Broken" : "Ended") : outcome.win ? "Won" : "Lost";
  const moves = game.schedule.length;
  return (
    <p className="over-before-moves outcome-line" role="status">
      {verdict} {moves === 0 ? "before any move" : `in move ${moves}`}: {outcomeSentence(outcome)} Undo to go back, Reset to play again.{" "}
      <button type="button" className="quiet" onClick={() => appStore.getState().reopenOutcome()}>
        Show the outcome
      </button>
    </p>
  );
}
