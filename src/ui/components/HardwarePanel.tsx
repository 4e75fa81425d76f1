// Hardware mode's panel in the level screen: races the level on real threads, many times over,
// and shows how often each outcome really happens beside what the engine says can happen.
// Self-contained: it drives src/hardware's createHardwareRun and styles itself (hardware.css).

import { useEffect, useId, useRef, useState } from "react";
import type { Program } from "../../engine/play";
import type { OutcomeRow } from "../../hardware/outcomes";
import { browserParts } from "../../hardware/platform";
import { createHardwareRun, hardwareUnavailable, JITTER_SPINS, MAX_TRIALS, MIN_TRIALS, type HardwareProgress, type HardwareRun } from "../../hardware/run";
import { formatNumber, t, type MessageId } from "../../i18n/index";
import "../styles/hardware.css";
import { richWords } from "../rich-words";
import { oddsInWorker } from "../search-workers";
import { useApp } from "../use-app";
import { count, modelWords, ODDS_STATE_BUDGET, OddsNote, oddsWords, type OddsState } from "./HardwareOdds";
import { OutcomeSchedule, rowKey } from "./OutcomeSchedule";

export interface HardwarePanelProps {
  program: Program;
  levelId: string;
}

const KIND_WORDS: Record<OutcomeRow["kind"], MessageId> = {
  "mutual-exclusion": "hardware.kind.mutualExclusion",
  assertion: "hardware.kind.assertion",
  deadlock: "hardware.kind.deadlock",
  exception: "hardware.kind.exception",
  finished: "hardware.kind.finished",
  exit: "hardware.kind.exit",
  running: "hardware.kind.running",
};

/** A row's share of the trials: "97.0%", and two decimals below 0.1% ("0.05%"). */
function formatShare(part: number, total: number): string {
  if (total === 0) return formatNumber(0, { style: "percent" });
  const digits = part * 1000 < total ? 2 : 1;
  return formatNumber(part / total, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The trials field's value as a number, or why it is not acceptable. */
export function parseTrials(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const value = Number(text.replace(/[,_\s]/g, ""));
  if (text.trim() === "" || !Number.isInteger(value)) return { ok: false, message: t("hardware.trials.notWhole") };
  if (value < MIN_TRIALS || value > MAX_TRIALS) return { ok: false, message: t("hardware.trials.outOfRange", { min: count(MIN_TRIALS), max: count(MAX_TRIALS) }) };
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
      <h2 id={`${id}-title`} className="hw-title">{t("hardware.title")}</h2>
      <p className="hw-intro">{richWords("hardware.intro", {}, {}, { em: (text) => <em>{text}</em> })}</p>
      {unavailable && (
        <p className="hw-warning" role="note">
          {t("hardware.off", { reason: unavailable })}
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
          <label htmlFor={`${id}-trials`}>{t("hardware.trials.label")}</label>
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
            {trials.ok ? t("hardware.trials.range", { min: count(MIN_TRIALS), max: count(MAX_TRIALS) }) : trials.message}
          </span>
        </div>
        <div className="hw-field hw-check">
          <input id={`${id}-jitter`} type="checkbox" checked={jitter} disabled={running} onChange={(e) => setJitter(e.target.checked)} />
          <label htmlFor={`${id}-jitter`}>{t("hardware.jitter")}</label>
        </div>
        <div className="hw-buttons">
          <button type="submit" disabled={running || !trials.ok || unavailable !== null}>
            {t("hardware.run")}
          </button>
          <button type="button" onClick={stop} disabled={!running}>
            {t("hardware.stop")}
          </button>
        </div>
      </form>

      {progress && <Progress progress={progress} />}

      {progress && progress.rows.length > 0 && (
        <table className="hw-tally">
          <caption>{t(progress.status === "running" ? "hardware.tally.captionSoFar" : "hardware.tally.caption", { count: total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("hardware.tally.outcome")}</th>
              <th scope="col" className="hw-num">{t("hardware.tally.trials")}</th>
              <th scope="col" className="hw-num">{t("hardware.tally.share")}</th>
              <th scope="col"><span className="hw-visually-hidden">{t("hardware.tally.bars")}</span></th>
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
    status === "running" ? (completed === 0 ? t("hardware.progress.starting") : t("hardware.progress.running", { completed: count(completed), requested }))
    : status === "done" ? t("hardware.progress.done", { count: completed })
    : status === "stopped" ? t("hardware.progress.stopped", { completed: count(completed), requested })
    : t("hardware.progress.failed", { error: progress.error ?? t("hardware.progress.unknownError") });
  const parts = [words];
  if (completed > 0) parts.push(t("hardware.progress.rate", { rate: count(trialsPerSecond) }));
  if (progress.restarts > 0) parts.push(t("hardware.progress.restarts", { count: progress.restarts }));
  return (
    <div className="hw-progress">
      <progress value={completed} max={requested} aria-label={t("hardware.progress.label")} />
      <p className="hw-status" role="status">
        {parts.join(" · ")}
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
        <span className="hw-kind">{row.win ? t("hardware.kind.win", { kind: t(KIND_WORDS[row.kind]) }) : t(KIND_WORDS[row.kind])}</span>
        <span className="hw-message">{row.message}</span>
        <span className="hw-odds">{oddsWords(row, odds, formatShare(row.count, total))}</span>
        {model && <span className={model.reordered ? "hw-model hw-sc" : "hw-model"}>{model.text}</span>}
        {row.kind === "running" && <span className="hw-note">{t("hardware.row.spent")}</span>}
        <details className="hw-state">
          <summary>{t("hardware.row.state", { trial: count(row.firstTrial) })}</summary>
          {row.finalState.length === 0 ? (
            <p>{t("hardware.row.noShared")}</p>
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
      <td className="hw-num">{count(row.count)}</td>
      <td className="hw-num">{formatShare(row.count, total)}</td>
      <td className="hw-bar-cell" aria-hidden="true">
        <span className="hw-bar" style={{ width: `${(100 * row.count) / maxCount}%` }} />
      </td>
    </tr>
  );
}

function Comparison({ progress }: { progress: HardwareProgress }) {
  const text =
    progress.comparison === "sc" ? t("hardware.compare.sc")
    : progress.comparison === "partial" ? t("hardware.compare.partial")
    : progress.comparison === "tso" ? t("hardware.compare.tso")
    : null;
  return text ? <p className="hw-compare">{text}</p> : null;
}

function Platform() {
  const nav = typeof navigator === "undefined" ? null : navigator;
  const { browser, system } = browserParts(nav?.userAgent);
  const cores = nav?.hardwareConcurrency ? t("hardware.platform.cores", { count: nav.hardwareConcurrency }) : t("hardware.platform.coresUnknown");
  const named =
    browser && system ? t("hardware.platform.browserOn", { browser, system })
    : browser ? browser
    : system ? t("hardware.platform.unknownBrowserOn", { system })
    : t("hardware.platform.unknownBrowser");
  return <p className="hw-platform">{t("hardware.platform", { cores, browser: named })}</p>;
}
