// Error boundaries: one exception while a screen renders (or runs its effects, or loads its lazy
// chunk) shows what failed in place of that screen, instead of unmounting the whole game. React 19
// still needs a class for the catching (CatchErrors). Each screen's boundary is keyed by its route in App.tsx, so
// leaving the screen starts afresh; "Try again" mounts the screen anew where it is.

import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from "react";
import { t, type MessageId } from "../../i18n/index";
import type { Route } from "../router";
import { campaignHref, navigate } from "../router";
import { draftNamed } from "../store/draft-store";
import { errorText } from "../store/error-text";
import { appStore } from "../use-app";
import { draftStore } from "../use-drafts";
import { ProblemScreen } from "./Chrome";

interface BoundaryProps {
  children: ReactNode;
  /** What failed, for the console: "the level editor". */
  what: string;
  /** Shown instead of the children once they threw. */
  fallback(error: unknown, retry: () => void): ReactNode;
  /** Run before the children are mounted again. */
  onRetry?(): void;
  /** The boundary starts afresh when any of these changes (the preview's level, say). */
  resetKeys?: readonly unknown[];
}

/**
 * Catches what its children throw and shows `fallback` instead. The fallback is rendered outside
 * the catching class, so if it throws too, that goes to the boundary above: never a loop.
 */
export function ErrorBoundary({ children, what, fallback, onRetry, resetKeys = [] }: BoundaryProps) {
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  // Bumped by "Try again", so the children are mounted anew rather than updated.
  const [attempt, setAttempt] = useState(0);
  const [keys, setKeys] = useState(resetKeys);
  if (keys.length !== resetKeys.length || keys.some((k, i) => !Object.is(k, resetKeys[i]))) {
    setKeys(resetKeys);
    if (failure) setFailure(null);
  }
  if (failure) {
    const retry = () => {
      onRetry?.();
      setFailure(null);
      setAttempt((n) => n + 1);
    };
    return fallback(failure.error, retry);
  }
  return (
    <CatchErrors key={attempt} what={what} onCatch={(error) => setFailure({ error })}>
      {children}
    </CatchErrors>
  );
}

interface CatchProps {
  children: ReactNode;
  what: string;
  onCatch(error: unknown): void;
}

/** The class React 19 still needs for catching: it logs, renders nothing, and hands the error up. */
export class CatchErrors extends Component<CatchProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Interleave: ${this.props.what} stopped with an error:`, error, info.componentStack ?? "");
    // A store action may have left the open game half-made: the next opening starts afresh.
    appStore.getState().closeLevel();
    this.props.onCatch(error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

type Screen = Route["screen"];

/** Each screen: what it is called in the console, its title in words, and, for a screen that opened a saved level, why it was set aside. */
const SCREENS: Record<Screen, { name: string; title: MessageId; whyAside?: MessageId }> = {
  campaign: { name: "the campaign", title: "common.failed.campaign" },
  level: { name: "this level", title: "common.failed.level" },
  play: { name: "the level in this link", title: "common.failed.play" },
  "my-level": { name: "your level", title: "common.failed.myLevel", whyAside: "common.failed.whyAside.myLevel" },
  editor: { name: "the level editor", title: "common.failed.editor", whyAside: "common.failed.whyAside.editor" },
  "open-pack": { name: "the pack being opened", title: "common.failed.openPack" },
  pack: { name: "this pack", title: "common.failed.pack" },
  "pack-level": { name: "this level", title: "common.failed.level" },
  grade: { name: "the grading page", title: "common.failed.grade" },
  "not-found": { name: "this page", title: "common.failed.page" },
};

interface ScreenBoundaryProps {
  screen: Screen;
  /** The saved level (draft) the screen opened, if any: it can then be set aside. */
  draft?: string | null;
  onRetry?(): void;
  children: ReactNode;
}

export function ScreenBoundary({ screen, draft = null, onRetry, children }: ScreenBoundaryProps) {
  return (
    <ErrorBoundary
      what={SCREENS[screen].name}
      onRetry={onRetry}
      fallback={(error, retry) => <ScreenFailed screen={screen} error={error} draft={draft} onRetry={retry} />}
    >
      {children}
    </ErrorBoundary>
  );
}

interface ScreenFailedProps {
  screen: Screen;
  error: unknown;
  draft: string | null;
  onRetry(): void;
}

/** In place of a screen that threw: which screen, the error as text, and the ways on. */
export function ScreenFailed({ screen, error, draft, onRetry }: ScreenFailedProps) {
  const words = SCREENS[screen];
  const title = t(words.title);
  // Read once, as the screen failed: setting the level aside leaves this screen anyway.
  const [saved] = useState(() => (draft !== null && words.whyAside !== undefined && draftNamed(draftStore.getState().drafts, draft) ? draft : null));
  useEffect(() => {
    // Niceties only: the error screen must not fail on them (that would take the game down).
    try {
      document.title = `${title} · Interleave`;
      const heading = document.querySelector<HTMLElement>("main h1");
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
    } catch (e) {
      console.error("Interleave: the error screen could not set its title or focus:", e);
    }
  }, [title]);
  const setAside = () => {
    if (saved === null || words.whyAside === undefined) return;
    // Kept with the level as text: it is read later in the language of the moment it was set aside.
    draftStore.getState().setAsideDraft(saved, t(words.whyAside, { error: errorText(error) }), true);
    navigate(campaignHref);
  };
  return (
    <ProblemScreen title={title}>
      <p>
        {t("common.failed.whatWentWrong")} <code>{errorText(error)}</code>
      </p>
      <p>
        <button type="button" className="primary" onClick={onRetry}>
          {t("common.tryAgain")}
        </button>{" "}
        {saved !== null && (
          <button type="button" onClick={setAside}>
            {t("common.failed.setAside")}
          </button>
        )}
      </p>
      {saved !== null && <p className="muted">{t("common.failed.setAsideExplained")}</p>}
    </ProblemScreen>
  );
}

/** A part of a screen that failed (the editor's preview, the list of my levels): its heading,
 *  what went wrong (`children`), and Try again. */
export function PartFailed({ className, heading, headingId, onRetry, children }: {
  className: string;
  heading: string;
  headingId: string;
  onRetry(): void;
  children: ReactNode;
}) {
  return (
    <section className={className} aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {children}
      <p>
        <button type="button" onClick={onRetry}>
          {t("common.tryAgain")}
        </button>
      </p>
    </section>
  );
}

/** The last resort, around the whole game: only when a screen's own boundary failed too. Uses no store. */
export function GameFailed({ error }: { error: unknown }) {
  const restart = () => {
    window.location.hash = "#/";
    window.location.reload();
  };
  return (
    <main className="problem">
      <h1>{t("common.failed.game")}</h1>
      <p>
        {t("common.failed.whatWentWrong")} <code>{errorText(error)}</code>
      </p>
      <p>
        <button type="button" className="primary" onClick={restart}>
          {t("common.failed.reloadCampaign")}
        </button>
      </p>
    </main>
  );
}
