// The "Fix it" area of a fix-it level: the editors of the threads the student may change (Monaco,
// opened on request), the problems as they type, "Check my fix" and its verdict, and the schedule
// that still breaks the code, to replay in the level view above (FixItScreen does the replaying).

import { lazy, Suspense, useState } from "react";
import type { FixCode, FixProblem, FixSpec, FixVerdict, Move, Program } from "../../engine/play";
import { sameCode } from "../fix-check";
import type { SearchJobs } from "../store/search-slice";
import { t } from "../../i18n/index";
import { reached } from "../fix-words";
import { formatCount } from "../words";
import { CheckButton } from "./CheckButton";
import { ConfirmDialog } from "./ConfirmDialog";
import { MoveList } from "./MoveList";

const FixCodeEditors = lazy(() => import("../../editor/FixCodeEditors"));

export interface PanelProps {
  fix: FixSpec;
  /** The editable threads' names as the player knows them ("Teller 0 and Teller 1", not "Teller {id}"). */
  names: ReadonlyMap<string, string>;
  editing: boolean;
  /** Counts the requests to focus the first editor ("Jump to the code"). */
  focusRequest: number;
  onEditing(editing: boolean): void;
  code: FixCode;
  original: FixCode;
  problems: FixProblem[];
  saveProblem: string | null;
  check: SearchJobs["fix"];
  current: boolean;
  program: Program | null;
  onEdit(thread: string, text: string): void;
  onReset(): void;
  onCheck(): void;
  onCancel(): void;
  onReplay(moves: Move[]): void;
}

export function FixPanel(props: PanelProps) {
  const { fix, names, editing, focusRequest, onEditing, code, original, problems, saveProblem, check, current, program, onEdit, onReset, onCheck, onCancel, onReplay } = props;
  const [confirmReset, setConfirmReset] = useState(false);
  const edited = !sameCode(code, original);
  const canCheck = problems.length === 0;
  const running = check.status === "running";
  return (
    <section className="fix-panel" aria-labelledby="fix-heading">
      <h2 id="fix-heading" tabIndex={-1}>
        {t("play.fix.heading")}
      </h2>
      <p>{edited ? t("play.fix.runsYours") : t("play.fix.runsBroken")}</p>
      <div className="fix-actions">
        <button type="button" aria-expanded={editing} aria-controls="fix-code" onClick={() => onEditing(!editing)}>
          {editing ? t("play.fix.hideCode") : t("play.fix.editCode")}
        </button>
        {edited && (
          <button type="button" onClick={() => setConfirmReset(true)}>
            {t("play.fix.resetCode")}
          </button>
        )}
      </div>
      <div id="fix-code">
        {editing && (
          <Suspense fallback={<p role="status">{t("play.fix.loadingEditor")}</p>}>
            <FixCodeEditors threads={fix.threads} names={names} code={code} problems={problems} onChange={onEdit} focusRequest={focusRequest} />
          </Suspense>
        )}
      </div>
      {saveProblem && (
        <p className="fix-alert" role="alert">
          {saveProblem}
        </p>
      )}
      <div className="fix-problems" role="region" aria-label={t("play.fix.problems", { count: problems.length })}>
        {problems.length > 0 && (
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <strong>{t("play.fix.problemAt", { thread: names.get(p.thread) ?? p.thread, line: p.line, column: p.column })}</strong>{" "}
                {p.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <CheckButton
        className="fix-actions"
        running={running}
        canCheck={canCheck}
        label={t("play.fix.check")}
        about={t("play.fix.check.about")}
        blocked={t("play.fix.check.blocked")}
        aboutId="fix-check-about"
        onCheck={onCheck}
        onCancel={onCancel}
      />
      <div className="fix-result" role="status">
        {check.status === "running" && <p>{t("play.fix.check.running", { states: formatCount(check.states) })}</p>}
        {check.status === "stopped" && <p>{t("play.fix.check.stopped", { states: formatCount(check.states) })}</p>}
        {check.status === "failed" && <p>{t("play.fix.check.failed", { message: check.message })}</p>}
        {check.status === "done" && <VerdictView verdict={check.result} fix={fix} />}
        {check.status !== "idle" && check.status !== "running" && !current && <p className="muted">{t("play.fix.check.stale")}</p>}
      </div>
      {check.status === "done" && current && program && "schedule" in check.result && (
        <Counterexample program={program} moves={check.result.schedule} onReplay={() => onReplay((check.result as { schedule: Move[] }).schedule)} />
      )}
      {confirmReset && (
        <ConfirmDialog
          title={t("play.fix.reset.title")}
          text={t("play.fix.reset.text", { threads: fix.threads.map((th) => names.get(th) ?? th).join(", ") })}
          confirm={t("play.fix.reset.confirm")}
          onConfirm={() => {
            setConfirmReset(false);
            onReset();
          }}
          onCancel={() => setConfirmReset(false)}
        />
      )}
    </section>
  );
}

function VerdictView({ verdict: v, fix }: { verdict: FixVerdict; fix: FixSpec }) {
  switch (v.verdict) {
    case "fixed":
      return (
        <p className="verdict verdict-ok">
          <strong>{t("play.fix.verdict.fixed")}</strong> {t("play.fix.verdict.fixed.text", { states: formatCount(v.states) })}
        </p>
      );
    case "broken":
      return (
        <p className="verdict verdict-bad">
          <strong>{t("play.fix.verdict.notYet")}</strong> {t("play.fix.verdict.broken", { count: v.schedule.length, outcome: reached(v.outcome) })}
          {v.outcome === "exit" ? ` ${t("play.fix.verdict.exit")}` : ""} {t("play.fix.verdict.replay")}
        </p>
      );
    case "requirement":
      return v.requirement === "finish" ? (
        <p className="verdict verdict-bad">
          <strong>{t("play.fix.verdict.notYet")}</strong> {fix.threads.length > 1 ? t("play.fix.verdict.finishAll") : t("play.fix.verdict.finishEvery")}
        </p>
      ) : (
        <p className="verdict verdict-bad">
          <strong>{t("play.fix.verdict.notYet")}</strong> {t("play.fix.verdict.final", { variable: v.variable, actual: String(v.actual), expected: String(v.expected) })}
        </p>
      );
    case "unknown":
      return (
        <p className="verdict verdict-bad">
          {t("play.fix.verdict.unknown", { states: formatCount(v.states) })}
        </p>
      );
    case "invalid":
      return <p className="verdict verdict-bad">{t("play.fix.verdict.invalid")}</p>;
  }
}

function Counterexample({ program, moves, onReplay }: { program: Program; moves: Move[]; onReplay(): void }) {
  if (moves.length === 0) return <p>{t("play.fix.beforeAnyMove")}</p>;
  return (
    <>
      <h3 className="fix-schedule-title">{t("play.fix.schedule")}</h3>
      <MoveList program={program} moves={moves} label={t("play.fix.schedule.label")} className="fix-schedule" />
      <button type="button" className="primary" onClick={onReplay}>
        {t("play.fix.replayIt")}
      </button>
    </>
  );
}
