// "Level packs" on the campaign screen: the packs opened in this browser, to return to (or take
// off the list), "Open a pack…" for a pack file from an instructor, and the way to grading.

import { useId, useState } from "react";
import type { LevelError } from "../../engine/play";
import { formatDate, t } from "../../i18n/index";
import { loadPackOnce } from "../pack-open";
import { readPackFile } from "../pack-source";
import { gradeHref, navigate, packHref } from "../router";
import type { RememberedPack } from "../store/pack-saves";
import { packStore, usePacks } from "../use-packs";
import { richWords } from "../rich-words";
import { shown } from "../words";
import { ErrorList } from "./Chrome";
import { ConfirmDialog } from "./ConfirmDialog";
import { ErrorBoundary, PartFailed } from "./ErrorBoundary";

/** The day a pack was opened, written as the language writes short dates ("12/7/2026" in English). */
const OPENED_DATE: Intl.DateTimeFormatOptions = { year: "numeric", month: "numeric", day: "numeric" };

type Problem = { message: string } | { errors: LevelError[]; file: string };

/** Opens a picked pack file: checked, remembered, then its campaign; or the problem to show. */
export async function openPackFile(file: File): Promise<Problem | null> {
  let text: string;
  try {
    text = await readPackFile(file);
  } catch (e) {
    return { message: e instanceof Error ? e.message : String(e) };
  }
  const load = await loadPackOnce(text, file.name);
  if (!load.ok) return { errors: load.error, file: load.file };
  const { pack } = load.value;
  packStore.getState().remember({ id: pack.id, hash: pack.hash, title: pack.title }, text, "file");
  navigate(packHref(pack.id));
  return null;
}

export function Packs() {
  return (
    <ErrorBoundary
      what="the list of level packs"
      fallback={(error, retry) => (
        <PartFailed className="packs" heading={t("packs.list.heading")} headingId="packs-heading" onRetry={retry}>
          <p>{richWords("packs.list.failed", {}, { error: <code>{error instanceof Error ? error.message : String(error)}</code> })}</p>
        </PartFailed>
      )}
    >
      <PackList />
    </ErrorBoundary>
  );
}

function PackList() {
  const packs = usePacks((s) => s.packs);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [forgetting, setForgetting] = useState<RememberedPack | null>(null);
  const problemId = useId();
  const pick = (file: File | null | undefined) => {
    if (!file) return;
    setProblem(null);
    void openPackFile(file).then(setProblem);
  };
  return (
    <section className="packs" aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t("packs.list.heading")}</h2>
      <p className="muted">{t("packs.list.intro")}</p>
      {packs.length > 0 && (
        <ul className="my-level-list" aria-labelledby="packs-heading">
          {packs.map((p) => (
            <li key={p.id} className="my-level">
              <div className="my-level-name">
                <a href={packHref(p.id)}>
                  <bdi>{shown(p.title)}</bdi>
                </a>
                <span className="muted my-level-meta">
                  {richWords("packs.list.opened", { id: p.id }, { date: <time dateTime={p.openedAt}>{formatDate(new Date(p.openedAt), OPENED_DATE)}</time> })}
                </span>
              </div>
              <div className="my-level-actions">
                <button type="button" className="quiet" onClick={() => setForgetting(p)}>
                  {t("packs.list.remove")}
                  <span className="sr-only"> {shown(p.title)}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="pack-open-row">
        <label className="file-button">
          {t("packs.list.open")}
          <input
            type="file"
            accept=".json,application/json"
            className="sr-only"
            aria-describedby={problem ? problemId : undefined}
            onChange={(e) => {
              pick(e.currentTarget.files?.[0]);
              e.currentTarget.value = ""; // the same file again is a new opening
            }}
          />
        </label>
        <a href={gradeHref}>{t("packs.list.grade")}</a>
      </p>
      {problem && (
        <div id={problemId} className="pack-problem" role="alert">
          {"message" in problem ? (
            <p>{t("packs.list.cannotOpen", { message: problem.message })}</p>
          ) : (
            <>
              <p>{t("packs.list.hasErrors")}</p>
              <ErrorList errors={problem.errors} file={problem.file} />
            </>
          )}
        </div>
      )}
      {forgetting && (
        <ConfirmDialog
          title={t("packs.list.removeTitle", { title: shown(forgetting.title) })}
          text={t("packs.list.removeText")}
          confirm={t("packs.list.remove")}
          onConfirm={() => {
            packStore.getState().forget(forgetting.id);
            setForgetting(null);
          }}
          onCancel={() => setForgetting(null)}
        />
      )}
    </section>
  );
}

/** Near the top of the campaign: the way back into the packs opened here (the list is further down). */
export function PackShortcuts() {
  const packs = usePacks((s) => s.packs);
  if (packs.length === 0) return null;
  return (
    <p className="pack-shortcuts">
      {richWords("packs.shortcuts.yours", {}, {
        packs: (
          <>
            {packs.slice(0, 3).map((p, i) => (
              <span key={p.id}>
                {i > 0 && ", "}
                <a href={packHref(p.id)}>
                  <bdi>{shown(p.title)}</bdi>
                </a>
              </span>
            ))}
            {packs.length > 3 && (
              <>
                ,{" "}
                <a href="#packs-heading" onClick={(e) => (e.preventDefault(), document.getElementById("packs-heading")?.scrollIntoView())}>
                  {t("packs.shortcuts.all", { count: packs.length })}
                </a>
              </>
            )}
          </>
        ),
      })}
    </p>
  );
}
