// The game's screens, chosen by the URL's hash: the campaign, a campaign level, or a level
// carried in the link. A new screen starts at the top, and keyboard and screen-reader users
// land on its main heading. Each screen has an error boundary of its own, keyed by its route.
// Every screen is a chunk of its own, loaded when its route opens, so the campaign screen does
// not carry the level screen's code (nor the engine), and a level screen not the campaign's.

import { lazy, Suspense, useEffect, useRef, type ComponentType } from "react";
import { loadBundle, t, type MessageId } from "../i18n/index";
import { ProblemScreen } from "./components/Chrome";
import { ScreenBoundary } from "./components/ErrorBoundary";
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

/** A screen's code with the level screens' words (every screen but the campaign's shows some:
 *  outcomes, moves, hardware mode), loaded side by side. */
function withPlayWords<C>(load: Promise<C>, ...more: Promise<void>[]): Promise<C> {
  return Promise.all([load, loadBundle("play"), ...more]).then(([c]) => c);
}

const campaign = retryableLazy(() => import("./components/CampaignScreen").then((m) => m.CampaignScreen));
const level = retryableLazy(() => withPlayWords(import("./components/LevelScreen").then((m) => m.LevelScreen)));
const play = retryableLazy(() => withPlayWords(import("./components/PlayScreen").then((m) => m.PlayScreen)));
const myLevel = retryableLazy(() => withPlayWords(import("./components/MyLevelScreen").then((m) => m.MyLevelScreen)));
const openPack = retryableLazy(() => withPlayWords(import("./components/OpenPackScreen").then((m) => m.OpenPackScreen)));
const pack = retryableLazy(() => withPlayWords(import("./components/PackScreen").then((m) => m.PackScreen)));
const packLevel = retryableLazy(() => withPlayWords(import("./components/PackLevelScreen").then((m) => m.PackLevelScreen)));
// The level editor (and Monaco behind it) loads only when its route is opened.
const editor = retryableLazy(() => withPlayWords(import("../editor/EditorScreen").then((m) => m.EditorScreen), loadBundle("editor")));
// Grading (and the solver it may run) loads only when an instructor opens it.
const grade = retryableLazy(() => withPlayWords(import("./components/GradeScreen").then((m) => m.GradeScreen), loadBundle("grade")));

/** The loader of each screen, for "Try again" after its chunk failed to load. */
const LOADERS: ReadonlyMap<Route["screen"], { retry(): void }> = new Map<Route["screen"], { retry(): void }>([
  ["campaign", campaign], ["level", level], ["play", play], ["my-level", myLevel], ["editor", editor],
  ["open-pack", openPack], ["pack", pack], ["pack-level", packLevel], ["grade", grade],
]);

/** What a screen says while its code arrives. */
const OPENING: ReadonlyMap<Route["screen"], MessageId> = new Map<Route["screen"], MessageId>([
  ["editor", "common.opening.editor"],
  ["grade", "common.opening.grade"],
]);

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
  return (
    <ScreenBoundary key={key} screen={route.screen} draft={draftOf(route)} onRetry={LOADERS.get(route.screen)?.retry}>
      <Suspense fallback={<p className="loading">{t(OPENING.get(route.screen) ?? "common.opening")}</p>}>
        <RouteScreen route={route} />
        <ScreenShown first={first} />
      </Suspense>
    </ScreenBoundary>
  );
}

/**
 * Runs once a screen's code has arrived and it is shown (it commits with the screen, inside the
 * same Suspense): scrolls to the top and, after the first screen, moves focus to its heading.
 */
function ScreenShown({ first }: { first: { current: boolean } }) {
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
  }, [first]);
  return null;
}

function RouteScreen({ route }: { route: Route }) {
  switch (route.screen) {
    case "campaign":
      return <campaign.Screen />;
    case "level":
      return <level.Screen id={route.id} />;
    case "play":
      return <play.Screen key={route.data} data={route.data} />;
    case "my-level":
      return <myLevel.Screen key={route.draft} draft={route.draft} />;
    case "editor":
      return <editor.Screen draft={route.draft} from={route.from} />;
    case "open-pack":
      return <openPack.Screen from={route.from} />;
    case "pack":
      return <pack.Screen id={route.id} />;
    case "pack-level":
      return <packLevel.Screen pack={route.pack} id={route.id} />;
    case "grade":
      return <grade.Screen />;
    default:
      return (
        <ProblemScreen title={t("common.notFound.title")}>
          <p>{t("common.notFound.text", { hash: route.hash })}</p>
        </ProblemScreen>
      );
  }
}
