// The hint, on request: first the level's written hint, then the next move of a shortest win
// from where the player stands, found by the solver in a worker.

import type { Move, Program } from "../../engine/play";
import { t } from "../../i18n/index";
import { HINT_STATE_BUDGET } from "../hint";
import { useApp } from "../use-app";
import { Markdown } from "./Markdown";
import { ThreadChip } from "./ThreadChip";
import { formatCount } from "../words";

const verb = (m: Move) => t(m.kind === "step" ? "play.thread.step" : m.kind === "wake" ? "play.thread.wake" : "play.thread.flush");

export function HintPanel({ written, program }: { written: string | undefined; program: Program }) {
  const shown = useApp((s) => s.hintShown);
  const search = useApp((s) => s.searches.hint);
  const game = useApp((s) => s.game);
  const current = search.status !== "idle" && search.for === game ? search : null;
  const answer = current?.status === "done" ? current.result : null;
  if (!(shown && written) && !current) return null;
  return (
    <section className="hint" aria-labelledby="hint-heading">
      <h2 id="hint-heading">{t("play.cmd.hint")}</h2>
      {shown && written && <Markdown text={written} />}
      <div aria-live="polite">
        {current?.status === "running" && (
          <p>
            {t("play.hint.looking")} <span className="muted">{t("play.hint.statesSoFar", { states: formatCount(current.states) })}</span>
          </p>
        )}
        {answer?.kind === "next-move" && (
          <p className="next-move">
            {t("play.hint.nextMove")} {verb(answer.move)} <ThreadChip name={program.threads[answer.move.thread].name} />.{" "}
            <span className="muted">{t("play.hint.length", { count: answer.length })}</span>
          </p>
        )}
        {answer?.kind === "no-win" && <p>{t("play.hint.noWin")}</p>}
        {answer?.kind === "gave-up" && <p>{t("play.hint.gaveUp", { states: formatCount(HINT_STATE_BUDGET) })}</p>}
        {current?.status === "failed" && <p>{t("play.hint.failed", { message: current.message })}</p>}
      </div>
      {shown && written && !current && <p className="muted">{t("play.hint.again")}</p>}
    </section>
  );
}
