// Par in words, apart from the search (par.ts) so that the campaign screen's cards carry no
// engine and no solver.

/** A level's par: a number of moves, "none" when the search found no par (it gave up, or the level
 *  is not one the player breaks), or "finding" while the search runs. */
export type Par = number | "none" | "finding";

/** The victory dialog's line on the moves: "You won in 9 moves. Par: 7." */
export function parWords(moves: number, par: Par): string {
  const won = `You won in ${moves} ${moves === 1 ? "move" : "moves"}.`;
  if (par === "none") return won;
  if (par === "finding") return `${won} Finding par…`;
  if (moves <= par) return `${won} That is par: no schedule wins in fewer.`;
  return `${won} Par: ${par}.`;
}

/** A campaign card's words on the player's best win, in moves. */
export function bestWords(best: number): string {
  return `Your best: ${best} ${best === 1 ? "move" : "moves"}`;
}
