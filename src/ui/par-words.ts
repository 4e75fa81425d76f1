// Par in words, apart from the search (par.ts) so that the campaign screen's cards carry no
// engine and no solver.

import { t } from "../i18n/index";

/** A level's par: a number of moves, "none" when the search found no par (it gave up, or the level
 *  is not one the player breaks), or "finding" while the search runs. */
export type Par = number | "none" | "finding";

/** The victory dialog's line on the moves: "You won in 9 moves. Par: 7." */
export function parWords(moves: number, par: Par): string {
  if (par === "none") return t("play.par.won", { moves });
  if (par === "finding") return t("play.par.finding", { moves });
  if (moves <= par) return t("play.par.atPar", { moves });
  return t("play.par.over", { moves, par });
}

/** A campaign card's words on the player's best win, in moves. */
export function bestWords(best: number): string {
  return t("campaign.card.best", { best });
}
