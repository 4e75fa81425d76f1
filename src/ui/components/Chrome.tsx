// What every screen shares: the top bar, the notice about a reset save, and error lists.

import type { ReactNode } from "react";
import type { LevelError } from "../../engine/index";
import { campaignHref } from "../router";
import { useApp } from "../use-app";

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

export function ProgressNotice() {
  const notice = useApp((s) => s.progressNotice);
  const dismiss = useApp((s) => s.dismissProgressNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="status">
      <p>{notice}</p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
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
            {e.line !== undefined && `line ${e.line}, column ${e.column ?? 1}: `}
          </code>
          {e.message}
          {e.path && <span className="muted"> (at {e.path})</span>}
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
          <a href={campaignHref}>Back to the campaign</a>
        </p>
      </main>
    </>
  );
}
