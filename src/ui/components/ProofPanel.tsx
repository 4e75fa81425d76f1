// The player's claim that the code cannot break. On a prove-it level ("breakable": false) it is
// how the level is won: the student tries to break it first (every thread has moved, or a game
// has ended), then commits to "It cannot break", and only then does the solver, in a Web Worker,
// check every schedule and show its proof. On a level that can break, the same claim is a
// bet: a wrong one is answered with a shortest schedule that breaks the code, and costs the win
// (the engine's isSolved: breaking the code afterwards no longer counts). The search is the
// store's "proof" job (search-jobs.ts); it ends with this panel.

import { useEffect, useId } from "react";
import { isSolved, levelKind } from "../../engine/play";
import { t } from "../../i18n/index";
import { reached } from "../fix-words";
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
    ? t("play.proof.claimed")
    : search?.status === "running"
      ? t("play.proof.checking")
      : !proveIt && isSolved(spec, { won, claim })
        ? t("play.proof.brokenAlready")
        : !tried
          ? t("play.proof.tryFirst")
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
      <h2 id={headingId}>{proveIt ? t("play.proof.heading.prove") : t("play.proof.heading.claim")}</h2>
      <p>
        {proveIt ? t("play.proof.about.prove") : t("play.proof.about.claim")}
      </p>
      <button type="button" aria-disabled={problem ? true : undefined} aria-describedby={problem ? whyId : undefined} onClick={makeClaim}>
        {t("play.proof.button")}
      </button>
      {problem && !claim && (
        <p id={whyId} className="muted">
          {problem}
        </p>
      )}
      <div role="status" className="proof-result">
        {search?.status === "running" && <p>{t("play.proof.running", { states: formatCount(search.states) })}</p>}
        {search?.status === "done" && search.result.verdict === "unknown" && (
          <p>{t("play.proof.unknown", { states: formatCount(search.result.states) })}</p>
        )}
        {search?.status === "failed" && <p>{t("play.proof.failed", { message: search.message })}</p>}
        {claim?.right === true && (
          <>
            <p>
              <strong>{t("play.proof.right")}</strong> {t("play.proof.right.text", { states: formatCount(claim.states), goals })}
            </p>
            <p>
              <a className="button-link" href={nextHref ?? "#/"}>
                {nextHref ? t("play.cmd.next") : t("play.backToCampaign")}
              </a>
            </p>
          </>
        )}
        {claim?.right === false && (
          <p>
            <strong>{t("play.proof.wrong")}</strong> {t("play.proof.wrong.text", { count: claim.schedule.length, outcome: reached(claim.outcome) })}
          </p>
        )}
      </div>
      {claim?.right === false && <MoveList program={loaded.level.program} moves={claim.schedule} label={t("play.proof.moves")} className="proof-schedule" />}
    </section>
  );
}
