// The "Fix it" area of a fix-it level: the editors of the threads the student may change (Monaco,
// opened on request), the problems as they type, "Check my fix" and its verdict, and the schedule
// that still breaks the code, to replay in the level view above (FixItScreen does the replaying).

import { lazy, Suspense, useState } from "react";
import type { FixCode, FixProblem, FixSpec, FixVerdict, Move, Program } from "../../engine/play";
import { sameCode } from "../fix-check";
import type { SearchJobs } from "../store/search-slice";
import { REACHED } from "../fix-words";
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
        Fix it
      </h2>
      <p>
        {edited ? "The threads above run your code." : "The threads above run the broken code."} Edit it, then let the solver try every schedule.
      </p>
      <div className="fix-actions">
        <button type="button" aria-expanded={editing} aria-controls="fix-code" onClick={() => onEditing(!editing)}>
          {editing ? "Hide the code" : "Edit the code"}
        </button>
        {edited && (
          <button type="button" onClick={() => setConfirmReset(true)}>
            Reset the code
          </button>
        )}
      </div>
      <div id="fix-code">
        {editing && (
          <Suspense fallback={<p role="status">Loading the editor…</p>}>
            <FixCodeEditors threads={fix.threads} names={names} code={code} problems={problems} onChange={onEdit} focusRequest={focusRequest} />
          </Suspense>
        )}
      </div>
      {saveProblem && (
        <p className="fix-alert" role="alert">
          {saveProblem}
        </p>
      )}
      <div className="fix-problems" role="region" aria-label={`Problems (${problems.length})`}>
        {problems.length > 0 && (
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <strong>
                  {names.get(p.thread) ?? p.thread}, line {p.line}, column {p.column}:
                </strong>{" "}
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
        label="Check my fix"
        about="The solver tries every schedule of the code as it is now."
        blocked="Fix the problems first: only code without problems can be checked."
        aboutId="fix-check-about"
        onCheck={onCheck}
        onCancel={onCancel}
      />
      <div className="fix-result" role="status">
        {check.status === "running" && <p>Trying every schedule… {formatCount(check.states)} states so far.</p>}
        {check.status === "stopped" && <p>Stopped after {formatCount(check.states)} states.</p>}
        {check.status === "failed" && <p>The check could not run: {check.message}</p>}
        {check.status === "done" && <VerdictView verdict={check.result} fix={fix} />}
        {check.status !== "idle" && check.status !== "running" && !current && <p className="muted">Your code has changed since this check: check again.</p>}
      </div>
      {check.status === "done" && current && program && "schedule" in check.result && (
        <Counterexample program={program} moves={check.result.schedule} onReplay={() => onReplay((check.result as { schedule: Move[] }).schedule)} />
      )}
      {confirmReset && (
        <ConfirmDialog
          title="Put back the original code?"
          text={`Your changes to the code of ${fix.threads.map((t) => names.get(t) ?? t).join(", ")} will be lost.`}
          confirm="Put back the original"
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
          <strong>Fixed.</strong> The solver checked every schedule, exploring {formatCount(v.states)} states: no schedule breaks your code.
        </p>
      );
    case "broken":
      return (
        <p className="verdict verdict-bad">
          <strong>Not fixed yet.</strong> A schedule of {v.schedule.length} {v.schedule.length === 1 ? "move" : "moves"} still reaches {REACHED[v.outcome]}.
          {v.outcome === "exit" ? " A fix may not end the program early." : ""} Replay it to see how.
        </p>
      );
    case "requirement":
      return v.requirement === "finish" ? (
        <p className="verdict verdict-bad">
          <strong>Not fixed yet.</strong> No schedule lets every thread finish: your code must still let {fix.threads.length > 1 ? "all the threads" : "every thread"} run to the end.
        </p>
      ) : (
        <p className="verdict verdict-bad">
          <strong>Not fixed yet.</strong> When every thread has finished, {v.variable} can be {String(v.actual)}; it must be {String(v.expected)}. Replay the schedule to see how.
        </p>
      );
    case "unknown":
      return (
        <p className="verdict verdict-bad">
          The solver gave up after {formatCount(v.states)} states without a verdict: your code has too many states to check. Try simpler code.
        </p>
      );
    case "invalid":
      return <p className="verdict verdict-bad">Your code has problems: fix them first.</p>;
  }
}

function Counterexample({ program, moves, onReplay }: { program: Program; moves: Move[]; onReplay(): void }) {
  if (moves.length === 0) return <p>It happens before any move.</p>;
  return (
    <>
      <h3 className="fix-schedule-title">The schedule</h3>
      <MoveList program={program} moves={moves} label="Moves that break your fix" className="fix-schedule" />
      <button type="button" className="primary" onClick={onReplay}>
        Replay it
      </button>
    </>
  );
}
