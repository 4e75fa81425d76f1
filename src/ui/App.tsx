// The game's screens, chosen by the URL's hash: the campaign, a campaign level, or a level
// carried in the link. A new screen starts at the top, and keyboard and screen-reader users
// land on its main heading.

import { lazy, Suspense, useEffect, useRef } from "react";
import { CampaignScreen } from "./components/CampaignScreen";
import { ProblemScreen } from "./components/Chrome";
import { LevelScreen } from "./components/LevelScreen";
import { MyLevelScreen } from "./components/MyLevelScreen";
import { PlayScreen } from "./components/PlayScreen";
import { useRoute } from "./router";
import "./styles/base.css";
import "./styles/screens.css";
import "./styles/game.css";

// The level editor (and Monaco behind it) loads only when its route is opened.
const EditorScreen = lazy(() => import("../editor/EditorScreen").then((m) => ({ default: m.EditorScreen })));

export function App() {
  const route = useRoute();
  const key =
    route.screen === "level" ? `level/${route.id}`
    : route.screen === "play" ? `play/${route.data}`
    : route.screen === "my-level" ? `my-level/${route.draft}`
    : route.screen === "editor" ? `editor/${route.draft ?? ""}`
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
          <EditorScreen draft={route.draft} from={route.from} />
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
