// The solver's check of the level being edited: progress while it runs (with Cancel), then the
// verdict as `levels check` gives it (the engine's report, shown as it comes), the shortest
// schedule and the way to replay it. It reads the store's "check" search job.

import type { CheckReport } from "../engine/index";
import type { LevelCheckReport } from "./check";
import { MoveList } from "../ui/components/MoveList";
import type { SearchJobs } from "../ui/store/search-slice";
import { formatNumber, t } from "../i18n/index";
import { richWords } from "../ui/rich-words";
import { CheckButton } from "../ui/components/CheckButton";

const seconds = (ms: number) =>
  ms < 1000 ? t("editor.check.ms", { ms: formatNumber(ms) }) : t("editor.check.seconds", { seconds: formatNumber(ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });

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
      <h2 id="check-heading">{t("editor.check.heading")}</h2>
      <CheckButton
        className="check-actions"
        running={running}
        canCheck={canCheck}
        label={t("editor.check.button")}
        about={t("editor.check.about")}
        blocked={t("editor.check.blocked")}
        aboutId="check-about"
        onCheck={onCheck}
        onCancel={onCancel}
      />
      <div className="check-result" role="status">
        {running && (
          <p>
            {check.depth > 0
              ? t("editor.check.runningDeep", { states: formatNumber(check.states), depth: check.depth })
              : t("editor.check.running", { states: formatNumber(check.states) })}
          </p>
        )}
        {check.status === "stopped" && <p>{t("editor.check.stopped", { states: formatNumber(check.states) })}</p>}
        {check.status === "failed" && <p>{t("editor.check.failed", { message: check.message })}</p>}
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
    r.verdict === "breakable" ? t("editor.check.breakable", { outcome: String(r.outcome), steps: r.schedule!.length })
    : r.verdict === "safe" ? t("editor.check.safe")
    : t("editor.check.unknown");
  return (
    <>
      <p className={`verdict ${r.problems.length === 0 ? "verdict-ok" : "verdict-bad"}`}>
        <strong>{verdict}</strong> <span className="muted">{t("editor.check.stats", { states: formatNumber(r.states), time: seconds(r.ms) })}</span>
      </p>
      {r.fix && <FixLine fix={r.fix} />}
      {"variants" in r && <VariantsLine variants={(r as LevelCheckReport).variants!} />}
      {r.problems.length === 0 ? (
        <p>
          <span aria-hidden="true">✓ </span>
          {richWords(r.solutionReplays ? "editor.check.passesAndReplays" : "editor.check.passes", {}, { command: <code>levels check</code> })}
        </p>
      ) : (
        <ul className="check-problems">
          {r.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {!current && <p className="muted">{t("editor.check.changed")}</p>}
    </>
  );
}

function Schedule({
  check, current, replaying, onReplay, onStopReplay,
}: { check: DoneCheck; current: boolean; replaying: Props["replaying"]; onReplay(): void; onStopReplay(): void }) {
  return (
    <>
      <h3 className="check-schedule-title">{t("editor.check.schedule")}</h3>
      <MoveList program={check.for.level.program} moves={check.result.schedule!} label={t("editor.check.schedule")} className="check-schedule" />
      {replaying ? (
        <p className="replaying">
          {t("editor.check.replaying", { index: replaying.index, total: replaying.total })}{" "}
          <button type="button" onClick={onStopReplay}>
            {t("editor.check.stop")}
          </button>
        </p>
      ) : (
        <button type="button" onClick={onReplay} aria-disabled={current ? undefined : true}>
          {t("editor.check.replay")}
        </button>
      )}
    </>
  );
}

/** A parameterised level's line: how many variants were checked and how many fail (each is listed with the problems). */
function VariantsLine({ variants }: { variants: NonNullable<LevelCheckReport["variants"]> }) {
  const { checked, count, sampled, failing } = variants;
  const line = sampled
    ? t("editor.check.variantsSample", { checked, count: formatNumber(count), failing: failing.length })
    : t("editor.check.variantsAll", { checked, failing: failing.length });
  return <p className="check-variants">{line}</p>;
}

/** A fix-it level's line, in the words of levels check. */
function FixLine({ fix }: { fix: NonNullable<CheckReport["fix"]> }) {
  const { broken, reference } = fix;
  const brokenPart =
    broken.verdict === "broken"
      ? t("editor.check.fix.brokenFails", { outcome: broken.outcome, steps: broken.schedule.length })
      : t("editor.check.fix.brokenDoesNotFail", { verdict: broken.verdict });
  const referencePart =
    reference.verdict === "fixed"
      ? t("editor.check.fix.referenceHolds", { states: formatNumber(reference.states) })
      : t("editor.check.fix.referenceDoesNotHold", { verdict: reference.verdict });
  return <p>{t("editor.check.fix", { broken: brokenPart, reference: referencePart })}</p>;
}
