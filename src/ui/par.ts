// Par: the fewest moves that win a level the player breaks. The solver's breadth-first search
// from the level's first state finds a shortest winning schedule, and its length is par. It runs
// in a worker once per level text, when it is first wanted (after a win), and is remembered for
// the visit; any level has one this way, campaign, linked, a pack's or the player's own.

import { useEffect, useState } from "react";
import { initialState, levelKind } from "../engine/play";
import { searchInWorker } from "./search-workers";
import type { LoadedLevel } from "./store/game-slice";
import type { Par } from "./par-words";

export { bestWords, parWords, type Par } from "./par-words";

/** A par search that needs more states than this gives no par (none in the campaign comes close). */
export const PAR_MAX_STATES = 2_000_000;

const known = new Map<string, Promise<number | "none">>();

/** The par of a level, from the solver; the same promise for the same level text. */
export function findPar(loaded: LoadedLevel): Promise<number | "none"> {
  if (levelKind(loaded.level.spec) !== "break") return Promise.resolve("none");
  const cached = known.get(loaded.text);
  if (cached) return cached;
  const found = new Promise<number | "none">((resolve) => {
    searchInWorker(
      { levelText: loaded.text, packed: initialState(loaded.level.program).packed, maxStates: PAR_MAX_STATES },
      {
        progress: () => {},
        result: (r) => resolve(r.verdict === "breakable" && r.schedule ? r.schedule.length : "none"),
        failed: () => resolve("none"),
      },
    );
  });
  // A search that failed may be asked again on the next visit, not this one.
  known.set(loaded.text, found);
  return found;
}

/** The par of `loaded`, found once `wanted` (after a win); "finding" until then. */
export function usePar(loaded: LoadedLevel, wanted: boolean): Par {
  const [par, setPar] = useState<{ text: string; value: number | "none" } | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void findPar(loaded).then((value) => live && setPar({ text: loaded.text, value }));
    return () => {
      live = false;
    };
  }, [loaded, wanted]);
  return par && par.text === loaded.text ? par.value : "finding";
}
