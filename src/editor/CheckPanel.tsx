// The solver's check of the level being edited: progress while it runs (with Cancel), then the
// verdict as `levels check` gives it (the engine's report, shown as it comes), the shortest
// schedule and the way to replay it. It reads the store's "check" search job.

import type { CheckReport } from "../engine/index";
import type { LevelCheckReport } from "./check";
import { MoveList } from "../ui/components/MoveList";
import type { SearchJobs } from "../ui/store/search-slice";
import { formatCount } from "../ui/words";
import { CheckButton } from "../ui/components/CheckButton";

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

type CheckJob = SearchJobs["check"];
type DoneCheck = Extract<CheckJob, { status: "done" }>;

interface Props {
  check: CheckJob;
  /** Is the level as it is now valid? Only then can it be checked. */
  canCheck: boolean;
  /** Is the check's text still the editor's text? */
  current: boolean;
  replaying: { index: number; total: number } | null;
  onCheck(): void;
  onCancel(): void;
  onReplay(): void;
  onStopReplay(): void;
}

export function CheckPanel({ check, canCheck, current, replaying, onCheck, onCancel, onReplay, onStopReplay }: Props) {
  const running = check.status === "running";
  return (
    <section className="check-panel" aria-labelledby="check-heading">
      <h2 id="check-heading">Check</h2>
      <CheckButton
        className="check-actions"
        running={running}
        canCheck={canCheck}
        label="Check"
        about="Explores every interleaving, like levels check."
        blocked="Fix the problems first: only a valid level can be checked."
        aboutId="check-about"
        onCheck={onCheck}
        onCancel={onCancel}
      />
      <div className="check-result" role="status">
        {running && (
          <p>
            Exploring every interleaving… {formatCount(check.states)} states so far{check.depth > 0 && `, ${check.depth} moves deep`}.
          </p>
        )}
        {check.status === "stopped" && <p>Stopped after {formatCount(check.states)} states.</p>}
        {check.status === "failed" && <p>The check failed: {check.message}</p>}
        {check.status === "done" && <Report check={check} current={current} />}
      </div>
      {check.status === "done" && check.result.schedule && check.result.schedule.length > 0 && (
        <Schedule check={check} current={current} replaying={replaying} onReplay={onReplay} onStopReplay={onStopReplay} />
      )}
    </section>
  );
}

function Report({ check, current }: { check: DoneCheck; current: boolean }) {
  const r = check.result;
  const verdict =
    r.verdict === "breakable" ? `Breakable: ${r.outcome} in ${r.schedule!.length} ${r.schedule!.length === 1 ? "step" : "steps"}.`
    : r.verdict === "safe" ? "Safe: no schedule wins."
    : "Unknown: the search gave up.";
  return (
    <>
      <p className={`verdict ${r.problems.length === 0 ? "verdict-ok" : "verdict-bad"}`}>
        <strong>{verdict}</strong> <span className="muted">{formatCount(r.states)} states, {seconds(r.ms)}.</span>
      </p>
      {r.fix && <FixLine fix={r.fix} />}
      {"variants" in r && <VariantsLine variants={(r as LevelCheckReport).variants!} />}
      {r.problems.length === 0 ? (
        <p>
          <span aria-hidden="true">✓ </span>It passes the checks of <code>levels check</code>
          {r.solutionReplays && ", and its solution replays to a win"}.
        </p>
      ) : (
        <ul className="check-problems">
          {r.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {!current && <p className="muted">The level has changed since this check: check again.</p>}
    </>
  );
}

function Schedule({
  check, current, replaying, onReplay, onStopReplay,
}: { check: DoneCheck; current: boolean; replaying: Props["replaying"]; onReplay(): void; onStopReplay(): void }) {
  return (
    <>
      <h3 className="check-schedule-title">Shortest schedule</h3>
      <MoveList program={check.for.level.program} moves={check.result.schedule!} label="Shortest schedule" className="check-schedule" />
      {replaying ? (
        <p className="replaying">
          Replaying move {replaying.index} of {replaying.total}…{" "}
          <button type="button" onClick={onStopReplay}>
            Stop
          </button>
        </p>
      ) : (
        <button type="button" onClick={onReplay} aria-disabled={current ? undefined : true}>
          Replay in the preview
        </button>
      )}
    </>
  );
}

/** A parameterised level's line: how many variants were checked and how many fail (each is listed with the problems). */
function VariantsLine({ variants }: { variants: NonNullable<LevelCheckReport["variants"]> }) {
  const how = variants.sampled ? `a sample of ${variants.checked} of its ${formatCount(variants.count)} variants` : `all ${variants.checked} variants`;
  const failing = variants.failing.length;
  return <p className="check-variants">Parameters: checked {how}; {failing === 0 ? "every one passes" : `${failing} ${failing === 1 ? "fails" : "fail"} (listed below)`}.</p>;
}

/** A fix-it level's line, in the words of levels check. */
function FixLine({ fix }: { fix: NonNullable<CheckReport["fix"]> }) {
  const { broken, reference } = fix;
  const brokenPart = broken.verdict === "broken" ? `the broken code fails (${broken.outcome} in ${broken.schedule.length} steps)` : `the broken code does not fail (${broken.verdict})`;
  const referencePart = reference.verdict === "fixed" ? `the reference fix holds (${formatCount(reference.states)} states)` : `the reference fix does not hold (${reference.verdict})`;
  return (
    <p>
      Fix-it: {brokenPart}; {referencePart}.
    </p>
  );
}
