// The hint, on request: first the level's written hint, then the next move of a shortest win
// from where the player stands, found by the solver in a worker.

import type { Move, Program } from "../../engine/play";
import { HINT_STATE_BUDGET } from "../hint";
import { useApp } from "../use-app";
import { Markdown } from "./Markdown";
import { ThreadChip } from "./ThreadChip";
import { formatCount } from "../words";

const verb = (m: Move) => (m.kind === "step" ? "Step" : m.kind === "wake" ? "Wake" : "Flush");

export function HintPanel({ written, program }: { written: string | undefined; program: Program }) {
  const shown = useApp((s) => s.hintShown);
  const search = useApp((s) => s.searches.hint);
  const game = useApp((s) => s.game);
  const current = search.status !== "idle" && search.for === game ? search : null;
  const answer = current?.status === "done" ? current.result : null;
  if (!(shown && written) && !current) return null;
  return (
    <section className="hint" aria-labelledby="hint-heading">
      <h2 id="hint-heading">Hint</h2>
      {shown && written && <Markdown text={written} />}
      <div aria-live="polite">
        {current?.status === "running" && (
          <p>
            Looking for the next move of a shortest win… <span className="muted">{formatCount(current.states)} states so far</span>
          </p>
        )}
        {answer?.kind === "next-move" && (
          <p className="next-move">
            Next move: {verb(answer.move)} <ThreadChip name={program.threads[answer.move.thread].name} />.{" "}
            <span className="muted">
              A shortest win from here takes {answer.length} {answer.length === 1 ? "move" : "moves"}.
            </span>
          </p>
        )}
        {answer?.kind === "no-win" && <p>From here, no schedule wins any more: undo a few moves or reset.</p>}
        {answer?.kind === "gave-up" && <p>I could not find one within {formatCount(HINT_STATE_BUDGET)} states.</p>}
        {current?.status === "failed" && <p>The search failed: {current.message}</p>}
      </div>
      {shown && written && !current && <p className="muted">Press Hint again for the next move of a shortest win.</p>}
    </section>
  );
}
