// "Show a schedule for this" under an outcome row of hardware mode: the solver (in a worker)
// finds a shortest schedule that ends the way that trial did, under SC first, then TSO, and the
// board loads it with its moves ahead on the redo stack, so the student steps through what the
// hardware did. A schedule with TSO flushes on an SC level loads on the level's TSO twin (the
// level recompiled under TSO), which the level screen says it is playing.

import { useEffect, useState } from "react";
import type { Level, Program } from "../../engine/play";
import { outcomeTarget, type OutcomeRow } from "../../hardware/outcomes";
import { t } from "../../i18n/index";
import { underTSO } from "../../solver/outcome-schedule";
import { HINT_STATE_BUDGET } from "../hint";
import { dropSearch, runSearch } from "../search-jobs";
import { outcomeScheduleInWorker } from "../search-workers";
import type { ScheduleShown } from "../store/search-slice";
import { appStore, useApp } from "../use-app";
import { count } from "./HardwareOdds";
import { MoveList } from "./MoveList";

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
        {t("hardware.schedule.show")}
      </button>
      <div className="hw-schedule-answer" aria-live="polite">
        {job?.status === "running" && <p>{t("hardware.schedule.searching", { states: count(job.states) })}</p>}
        {job?.status === "failed" && <p>{t("hardware.schedule.failed", { error: job.message })}</p>}
        {impossible && <p>{t(row.kind === "running" ? "hardware.schedule.spins" : "hardware.schedule.notOnBoard")}</p>}
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
    return <p>{t(result.tried.length === 2 ? "hardware.schedule.noneScOrTso" : "hardware.schedule.noneTso")}</p>;
  }
  if (result.status === "unknown") {
    return <p>{t("hardware.schedule.gaveUp", { states: count(result.states), model: result.model })}</p>;
  }
  // Sentence by sentence, each whole in the catalog.
  const sentences = [
    tsoTwin ? t("hardware.schedule.noScOrder") : null,
    t("hardware.schedule.shortest", { count: result.schedule.length, model: result.model }),
    tsoTwin && loaded ? t("hardware.schedule.onTwin") : null,
    t(loaded ? "hardware.schedule.loaded" : "hardware.schedule.notLoaded"),
  ];
  return (
    <>
      <p className="hw-schedule-model">{sentences.filter((s) => s !== null).join(" ")}</p>
      {loaded && (
        <button type="button" disabled={movesLeft === 0} onClick={() => appStore.getState().redo()}>
          {t("hardware.schedule.next")}
        </button>
      )}
      <MoveList program={program} moves={result.schedule} label={t("hardware.schedule.moves")} className="hw-schedule-moves" />
    </>
  );
}
