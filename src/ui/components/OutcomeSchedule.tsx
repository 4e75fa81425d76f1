// "Show a schedule for this" under an outcome row of hardware mode: the solver (in a worker)
// finds a shortest schedule that ends the way that trial did, under SC first, then TSO, and the
// board loads it with its moves ahead on the redo stack, so the student steps through what the
// hardware did. A schedule with TSO flushes on an SC level loads on the level's TSO twin (the
// level recompiled under TSO), which the level screen says it is playing.

import { useEffect, useState } from "react";
import type { Level, Program } from "../../engine/play";
import { outcomeTarget, type OutcomeRow } from "../../hardware/outcomes";
import { underTSO } from "../../solver/outcome-schedule";
import { HINT_STATE_BUDGET } from "../hint";
import { dropSearch, runSearch } from "../search-jobs";
import { outcomeScheduleInWorker } from "../search-workers";
import type { ScheduleShown } from "../store/search-slice";
import { appStore, useApp } from "../use-app";
import { formatCount } from "../words";
import { MoveList } from "./MoveList";

const MODEL_WORDS = {
  sc: "sequential consistency (every write is seen by every thread at once)",
  tso: "TSO (each thread's writes wait in its store buffer until flushed to memory)",
};

/** A row's identity in the tally, as the panel keys its rows. */
export const rowKey = (row: OutcomeRow) => `${row.kind}\u0000${row.message}\u0000${row.sc}`;

export function OutcomeSchedule({ row, program }: { row: OutcomeRow; program: Program }) {
  // No schedule can be searched for: the row is "still running", or the board has another level.
  const [impossible, setImpossible] = useState(false);
  const loaded = useApp((s) => s.loaded);
  const movesLeft = useApp((s) => s.future.length);
  const key = rowKey(row);
  // The store's schedule job, when it was asked for this row of this level.
  const job = useApp(({ searches: { schedule } }) => (schedule.status !== "idle" && schedule.for.row === key && schedule.for.level.id === loaded?.id ? schedule : null));
  // Leaving the panel ends this row's search (another row's is left alone).
  useEffect(() => () => {
    const { schedule } = appStore.getState().searches;
    if (schedule.status !== "idle" && schedule.for.row === key) dropSearch(appStore, "schedule");
  }, [key]);
  // The board plays this program (or its TSO twin): the schedule loads there only if it is the open level's.
  const written = loaded?.twinOf ?? loaded?.level;
  const board = loaded && written?.program === program ? loaded : null;

  const find = () => {
    const target = outcomeTarget(row);
    setImpossible(!target || !board || !written);
    if (!target || !board || !written) return;
    runSearch(appStore, "schedule", { level: board, row: key }, (handlers) =>
      outcomeScheduleInWorker(
        { levelText: board.text, target, maxStates: HINT_STATE_BUDGET },
        {
          ...handlers,
          result: ({ type: _, ...answer }) => {
            if (answer.status !== "found") return handlers.result({ answer, loaded: false, onTwin: false });
            // Found only under TSO, on an SC level: the board plays the level's TSO twin.
            const twin = answer.model === "tso" && !program.tso ? tsoTwin(written) : null;
            const playable = answer.model === (program.tso ? "tso" : "sc") || twin !== null;
            const onBoard = playable && appStore.getState().loadSchedule(answer.schedule, twin ?? undefined) === null;
            handlers.result({ answer, loaded: onBoard, onTwin: twin !== null });
          },
        },
      ),
    );
  };

  const twin = job?.status === "done" && job.result.onTwin && written ? tsoTwin(written) : null;
  return (
    <div className="hw-schedule">
      <button type="button" onClick={find} disabled={job?.status === "running"}>
        Show a schedule for this
      </button>
      <div className="hw-schedule-answer" aria-live="polite">
        {job?.status === "running" && <p>Searching for a shortest schedule… {formatCount(job.states)} states so far.</p>}
        {job?.status === "failed" && <p>The search failed: {job.message}</p>}
        {impossible && (
          <p>
            {row.kind === "running"
              ? "No schedule ends this way: in the puzzle a thread that spins just takes more steps; only real hardware gives up on it."
              : "No schedule can be searched for here: this is not the level on the board."}
          </p>
        )}
        {job?.status === "done" && <Answer shown={job.result} program={twin?.program ?? program} movesLeft={movesLeft} />}
      </div>
    </div>
  );
}

const twins = new WeakMap<Level, Level | null>();

/** The level recompiled under TSO, one per level (so loading twice keeps one twin on the board). */
function tsoTwin(level: Level): Level | null {
  if (!twins.has(level)) {
    const program = underTSO(level.spec);
    twins.set(level, program && { spec: { ...level.spec, options: { ...level.spec.options, memoryModel: "tso" } }, program });
  }
  return twins.get(level) ?? null;
}

function Answer({ shown, program, movesLeft }: { shown: ScheduleShown; program: Program; movesLeft: number }) {
  const { answer: result, loaded, onTwin: tsoTwin } = shown;
  if (result.status === "none") {
    return (
      <p>
        No schedule ends this way, {result.tried.length === 2 ? "under sequential consistency or under TSO" : "under TSO"}: the solver tried every order of
        the steps. The hardware did something the puzzle's rules do not allow.
      </p>
    );
  }
  if (result.status === "unknown") {
    return <p>The search gave up after {formatCount(result.states)} states under {result.model === "sc" ? "sequential consistency" : "TSO"} without finding a schedule that ends this way.</p>;
  }
  const n = result.schedule.length;
  const moves = `${n} ${n === 1 ? "move" : "moves"}`;
  return (
    <>
      <p className="hw-schedule-model">
        {tsoTwin && "No order of steps ends this way under sequential consistency. "}
        A shortest schedule of {moves} ends this way under {MODEL_WORDS[result.model]}.{" "}
        {tsoTwin && loaded && "The board now plays this level run under TSO, so that its flushes replay. "}
        {loaded ? "It is loaded on the board from the start: press Redo (Shift+U) or Next move to step through it." : "The board could not load it: here are the moves."}
      </p>
      {loaded && (
        <button type="button" disabled={movesLeft === 0} onClick={() => appStore.getState().redo()}>
          Next move
        </button>
      )}
      <MoveList program={program} moves={result.schedule} label="Moves that end this way" className="hw-schedule-moves" />
    </>
  );
}
