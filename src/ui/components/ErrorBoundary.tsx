// Error boundaries: one exception while a screen renders (or runs its effects, or loads its lazy
// chunk) shows what failed in place of that screen, instead of unmounting the whole game. React 19
// still needs a class for the catching (CatchErrors). Each screen's boundary is keyed by its route in App.tsx, so
// leaving the screen starts afresh; "Try again" mounts the screen anew where it is.

import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from "react";
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

/** Each screen in words: what it is called, and, for a screen that opened a saved level, why it was set aside. */
const SCREENS: Record<Screen, { name: string; title: string; whyAside?: string }> = {
  campaign: { name: "the campaign", title: "The campaign stopped with an error" },
  level: { name: "this level", title: "This level stopped with an error" },
  play: { name: "the level in this link", title: "The level in this link stopped with an error" },
  "my-level": { name: "your level", title: "Your level stopped with an error", whyAside: "it stopped with an error while it was played" },
  editor: { name: "the level editor", title: "The level editor stopped with an error", whyAside: "it stopped the level editor with an error" },
  "open-pack": { name: "the pack being opened", title: "Opening the pack stopped with an error" },
  pack: { name: "this pack", title: "This pack stopped with an error" },
  "pack-level": { name: "this level", title: "This level stopped with an error" },
  grade: { name: "the grading page", title: "The grading page stopped with an error" },
  "not-found": { name: "this page", title: "This page stopped with an error" },
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
  // Read once, as the screen failed: setting the level aside leaves this screen anyway.
  const [saved] = useState(() => (draft !== null && words.whyAside !== undefined && draftNamed(draftStore.getState().drafts, draft) ? draft : null));
  useEffect(() => {
    // Niceties only: the error screen must not fail on them (that would take the game down).
    try {
      document.title = `${words.title} · Interleave`;
      const heading = document.querySelector<HTMLElement>("main h1");
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
    } catch (e) {
      console.error("Interleave: the error screen could not set its title or focus:", e);
    }
  }, [words]);
  const setAside = () => {
    if (saved === null) return;
    draftStore.getState().setAsideDraft(saved, `${words.whyAside} (${errorText(error)})`, true);
    navigate(campaignHref);
  };
  return (
    <ProblemScreen title={words.title}>
      <p>
        What went wrong: <code>{errorText(error)}</code>
      </p>
      <p>
        <button type="button" className="primary" onClick={onRetry}>
          Try again
        </button>{" "}
        {saved !== null && (
          <button type="button" onClick={setAside}>
            Set this level aside
          </button>
        )}
      </p>
      {saved !== null && (
        <p className="muted">
          Setting it aside takes the level out of My levels, so the game does not open it again. It stays in this browser's storage:
          My levels lists it under “Set aside”, to download or to open in the editor.
        </p>
      )}
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
          Try again
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
      <h1>The game stopped with an error</h1>
      <p>
        What went wrong: <code>{errorText(error)}</code>
      </p>
      <p>
        <button type="button" className="primary" onClick={restart}>
          Reload the campaign
        </button>
      </p>
    </main>
  );
}
