// Entry point: mounts the React app into index.html's #root. Each screen has its own error
// boundary (App.tsx); the one here is the last resort, for when a screen's boundary fails too.

import { Fragment, StrictMode, useSyncExternalStore, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App";
import { ErrorBoundary, GameFailed } from "./ui/components/ErrorBoundary";
import { UpdateBanner } from "./ui/components/UpdateBanner";
import { currentLocale, onLocaleChange } from "./i18n/index";
import { startLocale } from "./ui/locale";

const root = document.getElementById("root");
if (!root) throw new Error('index.html has no element with id "root"');

// In an LMS (a SCORM package launched on its pack), report the pack's progress to it. Its code
// (and the pack reader) loads only on such a launch; the address is read now, before the router
// changes it.
const launch = { hash: window.location.hash, launchedAt: Date.now() };
if (launch.hash.startsWith("#/pack?")) void import("./ui/scorm").then((scorm) => scorm.startScorm(window, launch));

/**
 * Renders the interface anew in a new language at once: every component reads its words while
 * rendering, so none has to subscribe. What the player is doing lives in the stores, not in
 * components, so nothing is lost.
 */
function Localized({ children }: { children: ReactNode }) {
  const locale = useSyncExternalStore(onLocaleChange, currentLocale);
  return <Fragment key={locale}>{children}</Fragment>;
}

// The first render waits for the player's language, so no screen flashes in another one.
void startLocale().then(() =>
  createRoot(root).render(
    <StrictMode>
      <Localized>
        <ErrorBoundary what="the game" fallback={(error) => <GameFailed error={error} />}>
          <App />
        </ErrorBoundary>
        <UpdateBanner />
      </Localized>
    </StrictMode>,
  ),
);
