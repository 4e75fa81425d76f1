// What every screen shares: the top bar, the notices about saves (packs' too), and error lists.

import type { ReactNode } from "react";
import type { LevelError } from "../../engine/play";
import { say, t, type Words } from "../../i18n/index";
import { campaignHref } from "../router";
import { appStore, useApp } from "../use-app";
import { draftStore, useDrafts } from "../use-drafts";
import { packStore, usePacks } from "../use-packs";
import { settingsStore, useSettings } from "../use-settings";

export function TopBar({ children }: { children?: ReactNode }) {
  return (
    <header className="topbar">
      <a className="brand" href={campaignHref}>
        <span className="brand-mark" aria-hidden="true" />
        Interleave
      </a>
      {children}
    </header>
  );
}

/**
 * What the game has to tell the player about their saves (progress, their levels, settings), each
 * readable by screen readers and dismissed on its own. Several can show at once.
 */
export function Notices() {
  const progress = useApp((s) => s.progressNotice);
  const drafts = useDrafts((s) => s.notices);
  const settings = useSettings((s) => s.notice);
  const packs = usePacks((s) => s.notices);
  const notices: NoticeItem[] = [
    ...(progress ? [{ key: "progress", text: progress, onDismiss: () => appStore.getState().dismissProgressNotice() }] : []),
    ...drafts.map((n) => ({ key: `draft-${n.id}`, text: n.text, onDismiss: () => draftStore.getState().dismissNotice(n.id) })),
    ...(settings ? [{ key: "settings", text: settings, onDismiss: () => settingsStore.getState().dismissNotice() }] : []),
    ...packs.map((n) => ({ key: `pack-${n.key}`, text: n.text, onDismiss: () => packStore.getState().dismissNotice(n.key) })),
  ];
  return <NoticeList notices={notices} />;
}

export interface NoticeItem {
  key: string;
  /** Words kept by a store, said in the language current now. */
  text: Words | string;
  onDismiss(): void;
}

export function NoticeList({ notices }: { notices: readonly NoticeItem[] }) {
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.key} className="notice" role="status">
          <p>{say(n.text)}</p>
          <button type="button" onClick={n.onDismiss}>
            {t("common.dismiss")}
          </button>
        </div>
      ))}
    </div>
  );
}

/** A level file's errors, each with its position, as text (a level is untrusted input). */
export function ErrorList({ errors, file }: { errors: readonly LevelError[]; file?: string }) {
  return (
    <ul className="errors">
      {errors.map((e, i) => (
        <li key={i}>
          <code>
            {file && `${file}: `}
            {e.line !== undefined && t("common.errorList.position", { line: e.line, column: e.column ?? 1 })}
          </code>
          {e.message}
          {e.path && <span className="muted"> {t("common.errorList.at", { path: e.path })}</span>}
        </li>
      ))}
    </ul>
  );
}

/** A whole screen for something that cannot be played: a broken level, a bad link, no such page. */
export function ProblemScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <TopBar />
      <main className="problem">
        <h1>{title}</h1>
        {children}
        <p>
          <a href={campaignHref}>{t("common.backToCampaign")}</a>
        </p>
      </main>
    </>
  );
}
