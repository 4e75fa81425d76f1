// "My levels" on the campaign screen: the levels this browser keeps from the editor, newest
// first, each to edit, play or delete (after asking). The way into the editor starts here too.
// Listing a level reads it, guarded: one the game cannot read is set aside (with a notice) and
// listed apart, to download or to open in the editor, and never run here again.

import { useEffect, useMemo, useState } from "react";
import { formatDate, t } from "../../i18n/index";
import { downloadBlob } from "../download";
import { editorHref, myLevelHref, navigate } from "../router";
import { errorText } from "../store/error-text";
import type { readDraftLevel } from "../store/draft-level";
import { draftNamed, draftsByDate } from "../store/draft-store";
import { draftSummary, type Draft, type DraftId } from "../store/drafts";
import type { SetAsideDraft } from "../store/set-aside";
import { draftStore, useDrafts } from "../use-drafts";
import { ProblemScreen } from "./Chrome";
import { shown } from "../words";
import { ConfirmDialog } from "./ConfirmDialog";
import { ErrorBoundary, PartFailed } from "./ErrorBoundary";

interface Row {
  id: DraftId;
  title: string;
  levelId: string | null;
  updatedAt: string;
  edited: string;
  broken: boolean;
  /** Why the game cannot read it, for a level in hand this visit (one from the save is set aside instead). */
  failure: string | null;
}

interface Listing {
  rows: Row[];
  /** Levels that could not be listed, and why: each is set aside. */
  failed: { id: DraftId; why: string }[];
}

/**
 * Reads each draft for the list on its own: one that throws costs itself only. One that fails as
 * it came from the save is to be set aside; one made or changed in this visit is listed with why.
 */
export function listDrafts(
  drafts: Record<DraftId, Draft>,
  { leftOut, editedNow }: { leftOut: Record<DraftId, string>; editedNow: Record<DraftId, true> },
  read: typeof readDraftLevel,
): Listing {
  const listing: Listing = { rows: [], failed: [] };
  for (const [id, d] of draftsByDate(drafts)) {
    if (Object.hasOwn(leftOut, id)) continue;
    const row = readRow(id, d, read);
    if (row.failure === null || Object.hasOwn(editedNow, id)) listing.rows.push(row);
    else listing.failed.push({ id, why: row.failure });
  }
  return listing;
}

function readRow(id: DraftId, d: Draft, read: typeof readDraftLevel): Row {
  const { updatedAt } = d;
  try {
    const level = read(d.text);
    const { title, levelId } = draftSummary(d.text);
    const failure = level.kind === "failed" ? level.why : null;
    const edited = failure ? "" : formatDate(new Date(updatedAt), { dateStyle: "medium", timeStyle: "short" });
    return { id, title: shown(title ?? t("common.untitledLevel")), levelId, updatedAt, edited, broken: level.kind !== "level", failure };
  } catch (e) {
    const failure = t("campaign.myLevels.failedListing", { error: errorText(e) });
    return { id, title: t("common.untitledLevel"), levelId: null, updatedAt, edited: "", broken: true, failure };
  }
}

/** `offerNew`: show the way to a new level (not on the editor's start page, which is that way). */
export function MyLevels({ offerNew = true }: { offerNew?: boolean }) {
  return (
    <ErrorBoundary what="the list of your levels" fallback={(error, retry) => <ListFailed error={error} onRetry={retry} />}>
      <MyLevelsList offerNew={offerNew} />
    </ErrorBoundary>
  );
}

/** The reader of the player's levels (the engine's parser), once loaded: the list loads it only when there are levels. */
let loadedReader: typeof readDraftLevel | null = null;

function useDraftReader(needed: boolean): typeof readDraftLevel | null {
  const [read, setRead] = useState(() => loadedReader);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  // Its chunk could not be fetched (offline, a new deployment): the list's boundary offers Try again.
  if (failure) throw failure.error;
  useEffect(() => {
    if (!needed || read) return;
    let live = true;
    import("../store/draft-level").then(
      (m) => {
        loadedReader = m.readDraftLevel;
        if (live) setRead(() => m.readDraftLevel);
      },
      (error: unknown) => live && setFailure({ error }),
    );
    return () => {
      live = false;
    };
  }, [needed, read]);
  return read;
}

const NOT_READ: Listing = { rows: [], failed: [] };

function MyLevelsList({ offerNew }: { offerNew: boolean }) {
  const drafts = useDrafts((s) => s.drafts);
  const leftOut = useDrafts((s) => s.leftOut);
  const editedNow = useDrafts((s) => s.editedNow);
  const setAside = useDrafts((s) => s.setAside);
  const read = useDraftReader(Object.keys(drafts).length > 0);
  const reading = read === null && Object.keys(drafts).length > 0;
  const { rows, failed } = useMemo(() => (read ? listDrafts(drafts, { leftOut, editedNow }, read) : NOT_READ), [drafts, leftOut, editedNow, read]);
  const aside = useMemo(() => asideList(setAside, leftOut, drafts), [setAside, leftOut, drafts]);
  const [deleting, setDeleting] = useState<Row | null>(null);
  // After the render: setting aside changes the store, which a render must not.
  useEffect(() => {
    for (const { id, why } of failed) draftStore.getState().setAsideDraft(id, why);
  }, [failed]);
  return (
    <section className="my-levels" aria-labelledby="my-levels-heading">
      <h2 id="my-levels-heading">{t("campaign.myLevels.heading")}</h2>
      {reading ? null : rows.length === 0 ? (
        <p className="muted">{t("campaign.myLevels.empty")}</p>
      ) : (
        <ul className="my-level-list" aria-labelledby="my-levels-heading">
          {rows.map((row) => (
            <li key={row.id} className="my-level">
              <div className="my-level-name">
                <strong>{row.title}</strong>
                {row.broken && <span className="badge badge-broken">{row.failure ? t("campaign.myLevels.unreadable") : t("campaign.myLevels.hasErrors")}</span>}
                <span className="muted my-level-meta">
                  {row.failure ?? (
                    <>
                      {row.levelId ?? t("campaign.myLevels.noId")} · {t("campaign.myLevels.edited")} <time dateTime={row.updatedAt}>{row.edited}</time>
                    </>
                  )}
                </span>
              </div>
              <div className="my-level-actions">
                <a href={editorHref(row.id)}>
                  {t("campaign.myLevels.edit")}
                  <span className="sr-only"> {row.title}</span>
                </a>
                {!row.failure && (
                  <a href={myLevelHref(row.id)}>
                    {t("campaign.myLevels.play")}
                    <span className="sr-only"> {row.title}</span>
                  </a>
                )}
                <button type="button" className="quiet" onClick={() => setDeleting(row)}>
                  {t("campaign.myLevels.delete")}
                  <span className="sr-only"> {row.title}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {aside.length > 0 && <SetAsideList aside={aside} />}
      {offerNew && (
        <p>
          <a className="button-link" href={editorHref()}>
            {t("campaign.myLevels.new")}
          </a>
        </p>
      )}
      {deleting && (
        <ConfirmDialog
          title={t("campaign.myLevels.deleteDialog.title", { title: deleting.title })}
          text={t("campaign.myLevels.deleteDialog.text")}
          confirm={t("campaign.myLevels.delete")}
          onConfirm={() => {
            draftStore.getState().deleteDraft(deleting.id);
            setDeleting(null);
          }}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  );
}

interface Aside {
  text: string;
  why: string;
}

/** The levels set aside, and those that could not be (left out for this visit), newest first. */
function asideList(setAside: Record<DraftId, SetAsideDraft>, leftOut: Record<DraftId, string>, drafts: Record<DraftId, Draft>): [DraftId, Aside][] {
  const out = draftsByDate(setAside).map(([id, d]): [DraftId, Aside] => [id, d]);
  for (const [id, why] of Object.entries(leftOut)) {
    const draft = draftNamed(drafts, id);
    if (draft) out.push([id, { text: draft.text, why }]);
  }
  return out;
}

/** What the game could not open under this id, if it set it aside (or left it out). */
export function useSetAside(id: string): { title: string; why: string } | null {
  const setAside = useDrafts((s) => draftNamed(s.setAside, id));
  const leftOut = useDrafts((s) => (Object.hasOwn(s.leftOut, id) ? s.leftOut[id] : undefined));
  const leftText = useDrafts((s) => draftNamed(s.drafts, id)?.text);
  return useMemo(() => {
    const aside = setAside ?? (leftOut !== undefined && leftText !== undefined ? { text: leftText, why: leftOut } : undefined);
    return aside ? { title: draftSummary(aside.text).title ?? t("common.untitledLevel"), why: aside.why } : null;
  }, [setAside, leftOut, leftText]);
}

/** A screen for a level the game set aside: what happened, and (in the editor) a way to open it anyway. */
export function SetAsideScreen({ title, why, onEdit }: { title: string; why: string; onEdit?: () => void }) {
  return (
    <ProblemScreen title={t("campaign.setAside.title")}>
      <p>{t(onEdit ? "campaign.setAside.text" : "campaign.setAside.textWithEditor", { title, why })}</p>
      {onEdit && (
        <p>
          <button type="button" onClick={onEdit}>
            {t("campaign.setAside.openInEditor")}
          </button>
        </p>
      )}
    </ProblemScreen>
  );
}

/** The levels set aside: never run here; downloaded as they are, or brought back into the editor. */
function SetAsideList({ aside }: { aside: [DraftId, Aside][] }) {
  return (
    <section aria-labelledby="set-aside-heading">
      <h3 id="set-aside-heading">{t("campaign.setAside.heading")}</h3>
      <p className="muted">{t("campaign.setAside.explained")}</p>
      <ul className="my-level-list" aria-labelledby="set-aside-heading">
        {aside.map(([id, d]) => {
          const { title, levelId } = draftSummary(d.text);
          const name = title ?? t("common.untitledLevel");
          return (
            <li key={id} className="my-level">
              <div className="my-level-name">
                <strong>{name}</strong>
                <span className="muted my-level-meta">{d.why}</span>
              </div>
              <div className="my-level-actions">
                <button type="button" onClick={() => downloadBlob(new Blob([d.text], { type: "application/json" }), `${levelId ?? "level"}.json`)}>
                  {t("campaign.setAside.download")}
                  <span className="sr-only"> {name}</span>
                </button>
                <button
                  type="button"
                  onClick={() => {
                    const back = draftStore.getState().putBack(id);
                    if (back) navigate(editorHref(back));
                  }}
                >
                  {t("campaign.setAside.edit")}
                  <span className="sr-only"> {name}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ListFailed({ error, onRetry }: { error: unknown; onRetry(): void }) {
  return (
    <PartFailed className="my-levels" heading={t("campaign.myLevels.heading")} headingId="my-levels-heading" onRetry={onRetry}>
      <p>
        {t("campaign.myLevels.listFailed")} <code>{errorText(error)}</code>
      </p>
    </PartFailed>
  );
}
