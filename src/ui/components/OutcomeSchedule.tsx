// "Show a schedule for this" under an outcome row of hardware mode: the solver (in a worker)
// finds a shortest schedule that ends the way that trial did, under SC first, then TSO, and the
// board loads it with its moves ahead on the redo stack, so the student steps through what the
// hardware did. A schedule with TSO flushes on an SC level loads on the level's TSO twin (the
// level recompiled under TSO), which the level screen says it is playing.

import { useEffect, useRef, useState } from "react";
import type { Level, Program } from "../../engine/index";
import { outcomeTarget, type OutcomeRow } from "../../hardware/outcomes";
import { underTSO } from "../../solver/outcome-schedule";
import { HINT_STATE_BUDGET } from "../hint";
import { outcomeScheduleInWorker, type OutcomeScheduleResult } from "../search-workers";
import { appStore, useApp } from "../use-app";
import { formatCount } from "../words";
import { MoveList } from "./MoveList";

type Search =
  | { status: "idle" }
  | { status: "running"; states: number }
  | { status: "done"; result: OutcomeScheduleResult; loaded: boolean; twin: Level | null }
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
  // The board plays this program (or its TSO twin): the schedule loads there only if it is the open level's.
  const written = loaded?.twinOf ?? loaded?.level;
  const board = loaded && written?.program === program ? loaded : null;

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
          if (result.status !== "found" || !written) return setSearch({ status: "done", result, loaded: false, twin: null });
          // Found only under TSO, on an SC level: the board plays the level's TSO twin.
          const twin = result.model === "tso" && !program.tso ? tsoTwin(written) : null;
          const playable = result.model === (program.tso ? "tso" : "sc") || twin !== null;
          const loadedOnBoard = playable && appStore.getState().loadSchedule(result.schedule, twin ?? undefined) === null;
          setSearch({ status: "done", result, loaded: loadedOnBoard, twin });
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
        {search.status === "done" && <Answer result={search.result} loaded={search.loaded} program={search.twin?.program ?? program} tsoTwin={search.twin !== null} movesLeft={movesLeft} />}
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

function Answer({ result, loaded, program, tsoTwin, movesLeft }: { result: OutcomeScheduleResult; loaded: boolean; program: Program; tsoTwin: boolean; movesLeft: number }) {
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
