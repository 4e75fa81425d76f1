// The folding panels the timeline and the wait-for graph live in. The drawings themselves (and the
// engine code that works them out) load with import() the first time a panel opens, so a level
// screen where they stay folded costs nothing extra.

import { lazy, Suspense, useState, type ReactNode } from "react";
import type { GameState } from "../../engine/play";
import { t } from "../../i18n/index";
import { settingsStore } from "../use-settings";
import "../styles/diagrams.css";

const TimelineBody = lazy(() => import("./Timeline").then((m) => ({ default: m.TimelineBody })));
const WaitForBody = lazy(() => import("./WaitForGraph").then((m) => ({ default: m.WaitForBody })));

interface PanelProps {
  className: string;
  summary: ReactNode;
  open: boolean;
  onToggle(open: boolean): void;
  children: ReactNode;
}

function Panel({ className, summary, open, onToggle, children }: PanelProps) {
  return (
    <details className={`diagram-panel ${className}`} open={open} onToggle={(e) => e.currentTarget.open !== open && onToggle(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && <Suspense fallback={<p className="muted">{t("play.diagram.drawing")}</p>}>{children}</Suspense>}
    </details>
  );
}

/** The timeline. During play it starts as the player last left it (folded the first time, so a
 *  phone is not flooded); in the outcome dialog, `open` starts it open. */
export function TimelinePanel({ game, levelId, open: startOpen }: { game: GameState; levelId: string; open?: boolean }) {
  const [open, setOpen] = useState(() => startOpen ?? settingsStore.getState().timelineOpen);
  const n = game.schedule.length;
  return (
    <Panel
      className="timeline-panel"
      summary={
        <>
          {t("play.timeline")} <span className="muted">{t("play.schedule.count", { count: n })}</span>
        </>
      }
      open={open}
      onToggle={(next) => {
        setOpen(next);
        if (startOpen === undefined) settingsStore.getState().setTimelineOpen(next);
      }}
    >
      <TimelineBody game={game} levelId={levelId} />
    </Panel>
  );
}

export function WaitForPanel({ game, levelId, open: startOpen = false }: { game: GameState; levelId: string; open?: boolean }) {
  const [open, setOpen] = useState(startOpen);
  return (
    <Panel className="wait-for-panel" summary={t("play.waitFor")} open={open} onToggle={setOpen}>
      <WaitForBody game={game} levelId={levelId} />
    </Panel>
  );
}
