// Hardware mode's panel in the level screen: races the level on real threads, many times over,
// and shows how often each outcome really happens beside what the engine says can happen.
// Self-contained: it drives src/hardware's createHardwareRun and styles itself (hardware.css).

import { useEffect, useId, useRef, useState } from "react";
import type { Program } from "../../engine/play";
import type { OutcomeRow } from "../../hardware/outcomes";
import { browserName } from "../../hardware/platform";
import { createHardwareRun, hardwareUnavailable, JITTER_SPINS, MAX_TRIALS, MIN_TRIALS, type HardwareProgress, type HardwareRun } from "../../hardware/run";
import "../styles/hardware.css";
import { oddsInWorker } from "../search-workers";
import { useApp } from "../use-app";
import { formatCount } from "../words";
import { modelWords, ODDS_STATE_BUDGET, OddsNote, oddsWords, type OddsState } from "./HardwareOdds";
import { OutcomeSchedule, rowKey } from "./OutcomeSchedule";

export interface HardwarePanelProps {
  program: Program;
  levelId: string;
}

const KIND_WORDS: Record<OutcomeRow["kind"], string> = {
  "mutual-exclusion": "Mutual exclusion broken",
  assertion: "Assertion failed",
  deadlock: "Deadlock",
  exception: "Exception",
  finished: "Finished",
  exit: "exit() called",
  running: "Still running",
};

const formatShare = (count: number, total: number) => (total === 0 ? "0%" : `${((100 * count) / total).toFixed(count * 1000 < total ? 2 : 1)}%`);

/** The trials field's value as a number, or why it is not acceptable. */
export function parseTrials(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const value = Number(text.replace(/[,_\s]/g, ""));
  if (text.trim() === "" || !Number.isInteger(value)) return { ok: false, message: "Enter a whole number of trials." };
  if (value < MIN_TRIALS || value > MAX_TRIALS) return { ok: false, message: `Enter between ${formatCount(MIN_TRIALS)} and ${formatCount(MAX_TRIALS)} trials.` };
  return { ok: true, value };
}

export function HardwarePanel({ program, levelId }: HardwarePanelProps) {
  const id = useId();
  const [trialsText, setTrialsText] = useState("10000");
  const [jitter, setJitter] = useState(false);
  const [progress, setProgress] = useState<HardwareProgress | null>(null);
  const runRef = useRef<HardwareRun | null>(null);
  const unavailable = hardwareUnavailable();
  const trials = parseTrials(trialsText);
  const running = progress?.status === "running";
  const odds = useOdds(program);

  // Leaving the level (or switching to another) ends the run and its workers.
  useEffect(() => {
    setProgress(null);
    return () => {
      const run = runRef.current;
      runRef.current = null;
      run?.stop();
    };
  }, [program, levelId]);

  const start = () => {
    if (!trials.ok || unavailable) return;
    runRef.current?.stop();
    const requested = trials.value;
    setProgress({ status: "running", requested, completed: 0, rows: [], elapsedMs: 0, trialsPerSecond: 0, comparison: "off", restarts: 0 });
    const run = createHardwareRun(program, {
      trials: requested,
      jitter: jitter ? JITTER_SPINS : 0,
      onProgress: (p) => runRef.current === run && setProgress(p),
      onDone: (p) => runRef.current === run && setProgress(p),
    });
    runRef.current = run;
  };
  const stop = () => runRef.current?.stop();

  const total = progress?.completed ?? 0;
  const maxCount = Math.max(1, ...(progress?.rows ?? []).map((r) => r.count));
  return (
    <section className="hw-panel" aria-labelledby={`${id}-title`} data-level={levelId}>
      <h2 id={`${id}-title`} className="hw-title">Hardware mode</h2>
      <p className="hw-intro">
        Race this level on real threads: each thread runs as a Web Worker, all sharing one memory, from the same start, many times over.
        The puzzle shows what <em>can</em> happen; this shows how often it <em>does</em>.
      </p>
      {unavailable && (
        <p className="hw-warning" role="note">
          Hardware mode is off here. {unavailable}
        </p>
      )}
      <form
        className="hw-controls"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <div className="hw-field">
          <label htmlFor={`${id}-trials`}>Trials</label>
          <input
            id={`${id}-trials`}
            type="number"
            inputMode="numeric"
            min={MIN_TRIALS}
            max={MAX_TRIALS}
            step={100}
            value={trialsText}
            disabled={running}
            aria-invalid={!trials.ok}
            aria-describedby={`${id}-trials-help`}
            onChange={(e) => setTrialsText(e.target.value)}
          />
          <span id={`${id}-trials-help`} className={trials.ok ? "hw-help" : "hw-help hw-error"}>
            {trials.ok ? `${formatCount(MIN_TRIALS)} to ${formatCount(MAX_TRIALS)}` : trials.message}
          </span>
        </div>
        <div className="hw-field hw-check">
          <input id={`${id}-jitter`} type="checkbox" checked={jitter} disabled={running} onChange={(e) => setJitter(e.target.checked)} />
          <label htmlFor={`${id}-jitter`}>
            Jitter: add random short pauses between statements (rare races show up more often; not how the code runs for real)
          </label>
        </div>
        <div className="hw-buttons">
          <button type="submit" disabled={running || !trials.ok || unavailable !== null}>Run trials</button>
          <button type="button" onClick={stop} disabled={!running}>Stop</button>
        </div>
      </form>

      {progress && <Progress progress={progress} />}

      {progress && progress.rows.length > 0 && (
        <table className="hw-tally">
          <caption>
            Outcomes of {formatCount(total)} trial{total === 1 ? "" : "s"}
            {progress.status === "running" ? " so far" : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col" className="hw-num">Trials</th>
              <th scope="col" className="hw-num">Share</th>
              <th scope="col"><span className="hw-visually-hidden">Bar chart</span></th>
            </tr>
          </thead>
          <tbody>
            {progress.rows.map((row) => (
              <OutcomeLine key={rowKey(row)} row={row} total={total} maxCount={maxCount} program={program} odds={odds} />
            ))}
          </tbody>
        </table>
      )}

      {progress && progress.rows.length > 0 && <Comparison progress={progress} />}
      {progress && progress.rows.length > 0 && <OddsNote odds={odds} />}
      <Platform />
    </section>
  );
}

function Progress({ progress }: { progress: HardwareProgress }) {
  const { status, completed, requested, trialsPerSecond } = progress;
  const words =
    status === "running" ? (completed === 0 ? "Starting the workers…" : `${formatCount(completed)} of ${formatCount(requested)} trials`)
    : status === "done" ? `Done: ${formatCount(completed)} trials`
    : status === "stopped" ? `Stopped after ${formatCount(completed)} of ${formatCount(requested)} trials`
    : `Failed: ${progress.error ?? "unknown error"}`;
  return (
    <div className="hw-progress">
      <progress value={completed} max={requested} aria-label="Trials run" />
      <p className="hw-status" role="status">
        {words}
        {completed > 0 && ` · ${formatCount(trialsPerSecond)} trials per second`}
        {progress.restarts > 0 && ` · workers restarted ${progress.restarts} time${progress.restarts === 1 ? "" : "s"} after a trial would not stop`}
      </p>
    </div>
  );
}

/** The random scheduler's odds of the open level's outcomes, worked out in a worker once per level. */
function useOdds(program: Program): OddsState {
  const loaded = useApp((s) => s.loaded);
  // The worker reads the level's text: the board's, when it is this program's level (as written,
  // also while the board plays its TSO twin).
  const text = loaded && (loaded.twinOf ?? loaded.level).program === program ? loaded.text : null;
  const [odds, setOdds] = useState<OddsState>({ status: "off" });
  useEffect(() => {
    if (text === null) return setOdds({ status: "off" });
    setOdds({ status: "running", states: 0 });
    return oddsInWorker(
      { levelText: text, maxStates: ODDS_STATE_BUDGET },
      {
        progress: (states) => setOdds({ status: "running", states }),
        result: (result) => setOdds({ status: "done", result }),
        failed: (message) => setOdds({ status: "failed", message }),
      },
    );
  }, [text]);
  return odds;
}

function OutcomeLine({ row, total, maxCount, program, odds }: { row: OutcomeRow; total: number; maxCount: number; program: Program; odds: OddsState }) {
  const model = modelWords(row, odds, program.tso);
  const reordered = model?.reordered ?? row.sc === false;
  return (
    <tr className={`hw-row hw-${row.kind}${reordered ? " hw-not-sc" : ""}`}>
      <th scope="row">
        <span className="hw-kind">{KIND_WORDS[row.kind]}{row.win ? " (a win)" : ""}</span>
        <span className="hw-message">{row.message}</span>
        <span className="hw-odds">{oddsWords(row, odds, formatShare(row.count, total))}</span>
        {model && <span className={model.reordered ? "hw-model hw-sc" : "hw-model"}>{model.text}</span>}
        {row.kind === "running" && <span className="hw-note">A thread used up its budget: it spins, or waited long for a core.</span>}
        <details className="hw-state">
          <summary>Shared state after trial {formatCount(row.firstTrial)}, the first to end this way</summary>
          {row.finalState.length === 0 ? (
            <p>This level has no shared variables.</p>
          ) : (
            <dl>
              {row.finalState.map((v) => (
                <div key={v.name}>
                  <dt>{v.name}</dt>
                  <dd>{v.value}</dd>
                </div>
              ))}
            </dl>
          )}
        </details>
        <OutcomeSchedule row={row} program={program} />
      </th>
      <td className="hw-num">{formatCount(row.count)}</td>
      <td className="hw-num">{formatShare(row.count, total)}</td>
      <td className="hw-bar-cell" aria-hidden="true">
        <span className="hw-bar" style={{ width: `${(100 * row.count) / maxCount}%` }} />
      </td>
    </tr>
  );
}

function Comparison({ progress }: { progress: HardwareProgress }) {
  const text =
    progress.comparison === "sc" ? "Each outcome was compared with the puzzle: the solver tried every order of the threads' steps, and knows every ending they can reach."
    : progress.comparison === "partial" ? "This level has too many orders of steps to try them all: outcomes were compared with the endings the solver found in the time it had."
    : progress.comparison === "tso" ? "In the puzzle this level's writes wait in store buffers (TSO). Each outcome was compared with every order of the threads' steps without store buffers: one that needs them is marked, because the CPU reordered memory there."
    : null;
  return text ? <p className="hw-compare">{text}</p> : null;
}

function Platform() {
  const nav = typeof navigator === "undefined" ? null : navigator;
  return (
    <p className="hw-platform">
      Platform: {nav?.hardwareConcurrency ? `${nav.hardwareConcurrency} logical cores` : "core count unknown"} · {browserName(nav?.userAgent)}
    </p>
  );
}
