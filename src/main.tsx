// Entry point: mounts the React app into index.html's #root. Each screen has its own error
// boundary (App.tsx); the one here is the last resort, for when a screen's boundary fails too.

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App";
import { ErrorBoundary, GameFailed } from "./ui/components/ErrorBoundary";
import { UpdateBanner } from "./ui/components/UpdateBanner";

const root = document.getElementById("root");
if (!root) throw new Error('index.html has no element with id "root"');

// In an LMS (a SCORM package launched on its pack), report the pack's progress to it. Its code
// (and the pack reader) loads only on such a launch; the address is read now, before the router
// changes it.
const launch = { hash: window.location.hash, launchedAt: Date.now() };
if (launch.hash.startsWith("#/pack?")) void import("./ui/scorm").then((scorm) => scorm.startScorm(window, launch));

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary what="the game" fallback={(error) => <GameFailed error={error} />}>
      <App />
    </ErrorBoundary>
    <UpdateBanner />
  </StrictMode>,
);
