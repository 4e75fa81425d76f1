// The player's claim that the code cannot break. On a prove-it level ("breakable": false) it is
// how the level is won: the student tries to break it first (every thread has moved, or a game
// has ended), then commits to "It cannot break", and only then does the solver, in a Web Worker,
// check every schedule and show its proof. On a level that can break, the same claim is a
// bet: a wrong one is answered with a shortest schedule that breaks the code, and costs the win
// (the engine's isSolved: breaking the code afterwards no longer counts). The search is the
// store's "proof" job (search-jobs.ts); it ends with this panel.

import { useEffect, useId } from "react";
import { isSolved, levelKind } from "../../engine/play";
import { REACHED } from "../fix-words";
import { dropSearch, runSearch } from "../search-jobs";
import { searchInWorker } from "../search-workers";
import type { LoadedLevel } from "../store/game-slice";
import { appStore, useApp } from "../use-app";
import { formatCount, goalList } from "../words";
import { MoveList } from "./MoveList";

/** States the proof may explore; the campaign's prove-it levels need far fewer. */
export const PROOF_STATE_BUDGET = 5_000_000;

export function ProofPanel({ loaded, nextHref }: { loaded: LoadedLevel; nextHref: string | null }) {
  const headingId = useId();
  const whyId = useId();
  const { spec } = loaded.level;
  const proveIt = levelKind(spec) === "prove";
  const tried = useApp((s) => s.tried);
  const claim = useApp((s) => s.claim);
  const won = useApp((s) => s.game?.outcome?.win === true);
  const job = useApp((s) => s.searches.proof);
  const search = job.status !== "idle" && job.for.id === loaded.id ? job : null;
  useEffect(() => () => dropSearch(appStore, "proof"), []);

  const problem = claim
    ? "You have made your claim."
    : search?.status === "running"
      ? "The solver is checking your claim."
      : !proveIt && isSolved(spec, { won, claim })
        ? "You have broken it already."
        : !tried
          ? "Try to break it first: step every thread that can move."
          : null;

  const makeClaim = () => {
    if (problem) return;
    runSearch(appStore, "proof", loaded, (handlers) =>
      searchInWorker(
        { levelText: loaded.text, packed: loaded.level.program.initial, maxStates: PROOF_STATE_BUDGET, reduce: true },
        {
          ...handlers,
          result: (found) => {
            handlers.result(found);
            if (found.verdict === "safe") appStore.getState().settleClaim({ right: true, states: found.states });
            else if (found.verdict === "breakable" && found.outcome && found.schedule) {
              appStore.getState().settleClaim({ right: false, outcome: found.outcome, schedule: found.schedule });
            }
          },
        },
      ),
    );
  };

  const goals = goalList(loaded.level.spec.win);
  return (
    <section className="proof-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{proveIt ? "Prove it" : "Claim it cannot break"}</h2>
      <p>
        {proveIt
          ? "Try to break it first. Once you are convinced that no order of steps can, claim it: then the solver checks every schedule and shows you its proof."
          : "Convinced that no order of steps can break this code? Claim it, and the solver checks every schedule. A wrong claim costs the win: the solver shows how it breaks, and breaking it afterwards does not count."}
      </p>
      <button type="button" aria-disabled={problem ? true : undefined} aria-describedby={problem ? whyId : undefined} onClick={makeClaim}>
        It cannot break
      </button>
      {problem && !claim && (
        <p id={whyId} className="muted">
          {problem}
        </p>
      )}
      <div role="status" className="proof-result">
        {search?.status === "running" && <p>Checking your claim… {formatCount(search.states)} states so far.</p>}
        {search?.status === "done" && search.result.verdict === "unknown" && (
          <p>The solver gave up after {formatCount(search.result.states)} states without a verdict: your claim is still open.</p>
        )}
        {search?.status === "failed" && <p>Your claim could not be checked: {search.message}</p>}
        {claim?.right === true && (
          <>
            <p>
              <strong>Right: it cannot break.</strong> The solver checked every schedule, exploring {formatCount(claim.states)} states: no schedule can {goals}.
            </p>
            <p>
              <a className="button-link" href={nextHref ?? "#/"}>
                {nextHref ? "Next level" : "Back to the campaign"}
              </a>
            </p>
          </>
        )}
        {claim?.right === false && (
          <p>
            <strong>Wrong: it can break.</strong> A schedule of {claim.schedule.length} {claim.schedule.length === 1 ? "move" : "moves"} reaches {REACHED[claim.outcome]}. This level
            no longer counts as solved when you break it.
          </p>
        )}
      </div>
      {claim?.right === false && <MoveList program={loaded.level.program} moves={claim.schedule} label="Moves that break it" className="proof-schedule" />}
    </section>
  );
}
