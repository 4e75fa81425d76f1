// "Show a schedule for this" under an outcome row of hardware mode: the solver (in a worker)
// finds a shortest schedule that ends the way that trial did, under SC first, then TSO, and the
// board loads it with its moves ahead on the redo stack, so the student steps through what the
// hardware did. A schedule the board cannot play (TSO flushes on an SC level) is listed instead.

import { useEffect, useRef, useState } from "react";
import type { Program } from "../../engine/index";
import { outcomeTarget, type OutcomeRow } from "../../hardware/outcomes";
import { HINT_STATE_BUDGET } from "../hint";
import { outcomeScheduleInWorker, type OutcomeScheduleResult } from "../search-workers";
import { appStore, useApp } from "../use-app";
import { formatCount } from "../words";
import { MoveList } from "./MoveList";

type Search =
  | { status: "idle" }
  | { status: "running"; states: number }
  | { status: "done"; result: OutcomeScheduleResult; loaded: boolean }
  | { status: "failed"; message: string }
  | { status: "impossible" };

const MODEL_WORDS = {
  sc: "sequential consistency (every write is seen by every thread at once)",
  tso: "TSO (each thread's writes wait in its store buffer until flushed to memory)",
};

export function OutcomeSchedule({ row, program }: { row: OutcomeRow; program: Program }) {
  const [search, setSearch] = useState<Search>({ status: "idle" });
  const cancel = useRef<(() => void) | null>(null);
  const loaded = useApp((s) => s.loaded);
  const movesLeft = useApp((s) => s.future.length);
  useEffect(() => () => cancel.current?.(), []);
  // The board plays this program: the schedule loads there only if it is the open level's.
  const board = loaded && loaded.level.program === program ? loaded : null;

  const find = () => {
    const target = outcomeTarget(row);
    if (!target || !board) return setSearch({ status: "impossible" });
    cancel.current?.();
    setSearch({ status: "running", states: 0 });
    cancel.current = outcomeScheduleInWorker(
      { levelText: board.text, target, maxStates: HINT_STATE_BUDGET },
      {
        progress: (states) => setSearch({ status: "running", states }),
        result: (result) => {
          const playable = result.status === "found" && result.model === (program.tso ? "tso" : "sc");
          const loadedOnBoard = playable && appStore.getState().loadSchedule(result.schedule) === null;
          setSearch({ status: "done", result, loaded: loadedOnBoard });
        },
        failed: (message) => setSearch({ status: "failed", message }),
      },
    );
  };

  return (
    <div className="hw-schedule">
      <button type="button" onClick={find} disabled={search.status === "running"}>
        Show a schedule for this
      </button>
      <div className="hw-schedule-answer" aria-live="polite">
        {search.status === "running" && <p>Searching for a shortest schedule… {formatCount(search.states)} states so far.</p>}
        {search.status === "failed" && <p>The search failed: {search.message}</p>}
        {search.status === "impossible" && (
          <p>
            {row.kind === "running"
              ? "No schedule ends this way: in the puzzle a thread that spins just takes more steps; only real hardware gives up on it."
              : "No schedule can be searched for here: this is not the level on the board."}
          </p>
        )}
        {search.status === "done" && <Answer result={search.result} loaded={search.loaded} program={program} movesLeft={movesLeft} />}
      </div>
    </div>
  );
}

function Answer({ result, loaded, program, movesLeft }: { result: OutcomeScheduleResult; loaded: boolean; program: Program; movesLeft: number }) {
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
        {result.model === "tso" && !program.tso && "No order of steps ends this way under sequential consistency. "}
        A shortest schedule of {moves} ends this way under {MODEL_WORDS[result.model]}.{" "}
        {loaded
          ? "It is loaded on the board from the start: press Redo (Shift+U) or Next move to step through it."
          : "The board plays this level under sequential consistency, so it cannot replay the flushes: here are the moves."}
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
