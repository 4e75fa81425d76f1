// The game's screens, chosen by the URL's hash: the campaign, a campaign level, or a level
// carried in the link. A new screen starts at the top, and keyboard and screen-reader users
// land on its main heading. Each screen has an error boundary of its own, keyed by its route.

import { lazy, Suspense, useEffect, useRef, type ComponentType } from "react";
import { CampaignScreen } from "./components/CampaignScreen";
import { ProblemScreen } from "./components/Chrome";
import { ScreenBoundary } from "./components/ErrorBoundary";
import { LevelScreen } from "./components/LevelScreen";
import { MyLevelScreen } from "./components/MyLevelScreen";
import { PlayScreen } from "./components/PlayScreen";
import { OpenPackScreen } from "./components/OpenPackScreen";
import { PackLevelScreen } from "./components/PackLevelScreen";
import { PackScreen } from "./components/PackScreen";
import { useRoute, type Route } from "./router";
import "./styles/base.css";
import "./styles/screens.css";
import "./styles/game.css";
import "./styles/packs.css";

/**
 * A screen loaded only when opened. React.lazy remembers a failed load for good, so after a
 * failure (offline, a new deployment) `retry` makes a fresh one for "Try again" to load.
 */
function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>) {
  let failed = false;
  const make = () => lazy(() => load().then((c) => ({ default: c }), (e: unknown) => {
    failed = true;
    throw e;
  }));
  let Lazy = make();
  return {
    Screen: (props: P) => <Lazy {...props} />,
    retry() {
      if (!failed) return;
      failed = false;
      Lazy = make();
    },
  };
}

// The level editor (and Monaco behind it) loads only when its route is opened.
const editor = retryableLazy(() => import("../editor/EditorScreen").then((m) => m.EditorScreen));
// Grading (and the solver it may run) loads only when an instructor opens it.
const grade = retryableLazy(() => import("./components/GradeScreen").then((m) => m.GradeScreen));

/** The saved level a route opens, if any: a screen that fails on it offers to set it aside. */
function draftOf(route: Route): string | null {
  if (route.screen === "my-level") return route.draft;
  if (route.screen === "editor") return route.draft;
  return null;
}

export function App() {
  const route = useRoute();
  const key =
    route.screen === "level" ? `level/${route.id}`
    : route.screen === "play" ? `play/${route.data}`
    : route.screen === "my-level" ? `my-level/${route.draft}`
    : route.screen === "editor" ? `editor/${route.draft ?? ""}`
    : route.screen === "open-pack" ? `open-pack/${JSON.stringify(route.from)}`
    : route.screen === "pack" ? `pack/${route.id}`
    : route.screen === "pack-level" ? `pack-level/${route.pack}/${route.id}`
    : route.screen;
  const first = useRef(true);
  useEffect(() => {
    window.scrollTo(0, 0);
    if (first.current) {
      first.current = false;
      return;
    }
    // The screen may render its heading a moment later (a level opens in a layout effect).
    const frame = requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>("main h1");
      if (!heading) return;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [key]);
  return (
    <ScreenBoundary key={key} screen={route.screen} draft={draftOf(route)} onRetry={route.screen === "editor" ? editor.retry : route.screen === "grade" ? grade.retry : undefined}>
      <RouteScreen route={route} />
    </ScreenBoundary>
  );
}

function RouteScreen({ route }: { route: Route }) {
  switch (route.screen) {
    case "campaign":
      return <CampaignScreen />;
    case "level":
      return <LevelScreen id={route.id} />;
    case "play":
      return <PlayScreen key={route.data} data={route.data} />;
    case "my-level":
      return <MyLevelScreen key={route.draft} draft={route.draft} />;
    case "editor":
      return (
        <Suspense fallback={<p className="loading">Opening the level editor…</p>}>
          <editor.Screen draft={route.draft} from={route.from} />
        </Suspense>
      );
    case "open-pack":
      return <OpenPackScreen from={route.from} />;
    case "pack":
      return <PackScreen id={route.id} />;
    case "pack-level":
      return <PackLevelScreen pack={route.pack} id={route.id} />;
    case "grade":
      return (
        <Suspense fallback={<p className="loading">Opening grading…</p>}>
          <grade.Screen />
        </Suspense>
      );
    default:
      return (
        <ProblemScreen title="Nothing here">
          <p>There is no page at “{route.hash}”.</p>
        </ProblemScreen>
      );
  }
}
