// "My levels" on the campaign screen: the levels this browser keeps from the editor, newest
// first, each to edit, play or delete (after asking). The way into the editor starts here too.

import { useMemo, useState } from "react";
import { parseLevel } from "../../engine/index";
import { editorHref, myLevelHref } from "../router";
import { draftsByDate } from "../store/draft-store";
import { draftSummary, type Draft, type DraftId } from "../store/drafts";
import { draftStore, useDrafts } from "../use-drafts";
import { shown } from "../words";
import { ConfirmDialog } from "./ConfirmDialog";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

interface Row {
  id: DraftId;
  title: string;
  levelId: string | null;
  updatedAt: string;
  broken: boolean;
}

function rows(drafts: Record<DraftId, Draft>): Row[] {
  return draftsByDate(drafts).map(([id, d]) => {
    const { title, levelId } = draftSummary(d.text);
    return { id, title: shown(title ?? "Untitled level"), levelId, updatedAt: d.updatedAt, broken: !parseLevel(d.text).ok };
  });
}

/** `offerNew`: show the way to a new level (not on the editor's start page, which is that way). */
export function MyLevels({ offerNew = true }: { offerNew?: boolean }) {
  const drafts = useDrafts((s) => s.drafts);
  const notice = useDrafts((s) => s.notice);
  const list = useMemo(() => rows(drafts), [drafts]);
  const [deleting, setDeleting] = useState<Row | null>(null);
  return (
    <section className="my-levels" aria-labelledby="my-levels-heading">
      <h2 id="my-levels-heading">My levels</h2>
      {notice && (
        <div className="notice" role="status">
          <p>{notice}</p>
          <button type="button" onClick={() => draftStore.getState().dismissNotice()}>
            Dismiss
          </button>
        </div>
      )}
      {list.length === 0 ? (
        <p className="muted">Levels you write in the level editor are kept here, in this browser.</p>
      ) : (
        <ul className="my-level-list" aria-labelledby="my-levels-heading">
          {list.map((row) => (
            <li key={row.id} className="my-level">
              <div className="my-level-name">
                <strong>{row.title}</strong>
                {row.broken && <span className="badge badge-broken">has errors</span>}
                <span className="muted my-level-meta">
                  {row.levelId ?? "no id yet"} · edited <time dateTime={row.updatedAt}>{when.format(new Date(row.updatedAt))}</time>
                </span>
              </div>
              <div className="my-level-actions">
                <a href={editorHref(row.id)}>
                  Edit<span className="sr-only"> {row.title}</span>
                </a>
                <a href={myLevelHref(row.id)}>
                  Play<span className="sr-only"> {row.title}</span>
                </a>
                <button type="button" className="quiet" onClick={() => setDeleting(row)}>
                  Delete<span className="sr-only"> {row.title}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {offerNew && (
        <p>
          <a className="button-link" href={editorHref()}>
            New level…
          </a>
        </p>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.title}”?`}
          text="This deletes the level from this browser. It cannot be undone: export it from the editor first to keep a copy."
          confirm="Delete"
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
