// The schedule as a sequence diagram: one lane per thread in its colour, time going down, one mark
// per move saying what it did, and arrows where a lock, a signal, a barrier or an event passed from
// one thread to another. Each mark is a button that rewinds the game to just after that move.
// The events come from the engine (buildTimeline); this file only lays them out. It is loaded
// with import() when the panel is first opened (DiagramPanels.tsx), to keep the level screen light.

import { useContext, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { initialState, type GameState, type Program } from "../../engine/play";
import { buildTimeline, stepSentence, type Timeline, type TimelineArrow } from "../../engine/diagrams";
import { t } from "../../i18n/index";
import { appStore } from "../use-app";
import { ThreadColors, threadClass } from "./ThreadChip";

/** Pixels: a move's row, the lanes' header, and a character of 12 px text (generous, so labels never overlap). */
const ROW = 26;
const HEAD = 34;
const CHAR = 7.2;
const LANE_PAD = 28;

export interface TimelineLayout {
  width: number;
  height: number;
  lanes: { x: number; width: number; name: string; colour: number }[];
}

export function layoutTimeline(timeline: Timeline, colours: ReadonlyMap<string, number>): TimelineLayout {
  const widths = timeline.threads.map((name) => Math.max(110, name.length * CHAR + 24));
  for (const s of timeline.steps) {
    const text = `${s.move}. ${s.did}`;
    widths[s.thread] = Math.max(widths[s.thread], text.length * CHAR + LANE_PAD);
  }
  let x = 8;
  const lanes = timeline.threads.map((name, t) => {
    const lane = { x, width: widths[t], name, colour: colours.get(name) ?? t };
    x += widths[t] + 12;
    return lane;
  });
  return { width: x, height: HEAD + timeline.steps.length * ROW + 12, lanes };
}

const lifeline = (lane: { x: number }) => lane.x + 12;
const rowY = (move: number) => HEAD + (move - 1) * ROW + ROW / 2;

/** An arrow's tooltip: what passed from one thread to the other. */
function arrowWords(a: TimelineArrow, from: string, to: string): string {
  const values = { from, to, object: a.object };
  switch (a.kind) {
    case "lock":
      return t("play.timeline.arrow.lock", values);
    case "semaphore":
      return t("play.timeline.arrow.semaphore", values);
    case "signal":
      return t("play.timeline.arrow.signal", values);
    case "barrier":
      return t("play.timeline.arrow.barrier", values);
    case "event":
      return t("play.timeline.arrow.event", values);
    case "countdown":
      return t("play.timeline.arrow.countdown", values);
  }
}

/** The diagram itself; `onRewind` makes the marks buttons. */
export function TimelineDiagram({ timeline, onRewind, label }: { timeline: Timeline; onRewind?: (move: number) => void; label: string }) {
  const colours = useContext(ThreadColors);
  const layout = useMemo(() => layoutTimeline(timeline, colours), [timeline, colours]);
  const marker = useId().replace(/:/g, "");
  const last = timeline.steps.length;
  // One tab stop for the whole diagram: the latest move, or the one last focused until the
  // schedule changes. The arrow keys, Home and End move between marks; Enter or Space rewinds.
  const svgRef = useRef<SVGSVGElement>(null);
  const [active, setActive] = useState<{ move: number; of: Timeline } | null>(null);
  const tabStop = active && active.of === timeline ? active.move : last;
  const focusMark = (move: number) => {
    const target = Math.min(Math.max(move, 1), last);
    svgRef.current?.querySelector<SVGGElement>(`[data-move="${target}"] > .tl-mark`)?.focus();
  };
  const key = (move: number) => (e: KeyboardEvent) => {
    const to: Record<string, number> = { ArrowUp: move - 1, ArrowLeft: move - 1, ArrowDown: move + 1, ArrowRight: move + 1, Home: 1, End: last };
    if (e.key === "Enter" || e.key === " ") onRewind?.(move);
    else if (e.key in to) focusMark(to[e.key]);
    else return;
    e.preventDefault();
  };
  return (
    <svg
      ref={svgRef}
      className="timeline-svg"
      xmlns="http://www.w3.org/2000/svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-label={label}
      data-moves={last}
    >
      <defs>
        <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path className="tl-arrowhead" d="M0 0 L10 5 L0 10 z" />
        </marker>
      </defs>
      {layout.lanes.map((lane, t) => (
        <g key={t} className={`tl-lane ${threadClass(lane.colour)}`} data-lane={lane.name}>
          <rect className="tl-lane-head" x={lane.x} y={4} width={lane.width} height={24} rx={12} />
          <text className="tl-lane-name" x={lane.x + 12} y={20}>
            {lane.name}
          </text>
          <line className="tl-lifeline" x1={lifeline(lane)} x2={lifeline(lane)} y1={HEAD - 4} y2={layout.height - 6} />
        </g>
      ))}
      {timeline.arrows.map((a, k) => {
        const x1 = lifeline(layout.lanes[a.from.thread]);
        const x2 = lifeline(layout.lanes[a.to.thread]);
        const y1 = rowY(a.from.move);
        const y2 = rowY(a.to.move);
        return (
          <line key={k} className={`tl-arrow tl-arrow-${a.kind}`} x1={x1} y1={y1} x2={x2 + (x2 > x1 ? -6 : x2 < x1 ? 6 : 0)} y2={y2 - (x1 === x2 ? 6 : 0)} markerEnd={`url(#${marker})`}>
            <title>{arrowWords(a, timeline.threads[a.from.thread], timeline.threads[a.to.thread])}</title>
          </line>
        );
      })}
      {timeline.steps.map((s) => {
        const lane = layout.lanes[s.thread];
        const y = rowY(s.move);
        const others = s.events.filter((e) => e.thread !== s.thread);
        const sentence = stepSentence(timeline, s);
        return (
          <g key={s.move} className={`tl-step ${threadClass(lane.colour)}`} data-move={s.move} data-thread={lane.name}>
            {others.map((e, k) => (
              <rect key={k} className="tl-effect" x={lifeline(layout.lanes[e.thread]) - 4} y={y - 4} width={8} height={8} transform={`rotate(45 ${lifeline(layout.lanes[e.thread])} ${y})`} />
            ))}
            <g
              className="tl-mark"
              role={onRewind ? "button" : undefined}
              tabIndex={onRewind ? (s.move === tabStop ? 0 : -1) : undefined}
              onFocus={onRewind ? () => setActive({ move: s.move, of: timeline }) : undefined}
              aria-label={onRewind ? t("play.timeline.rewind", { move: s.move, sentence }) : undefined}
              aria-disabled={onRewind && s.move === last ? "true" : undefined}
              onClick={onRewind ? () => onRewind(s.move) : undefined}
              onKeyDown={onRewind ? key(s.move) : undefined}
            >
              <rect className="tl-hit" x={lane.x + 2} y={y - ROW / 2 + 2} width={lane.width - 4} height={ROW - 4} rx={6} />
              <circle className="tl-dot" cx={lifeline(lane)} cy={y} r={5} />
              <text className="tl-label" x={lifeline(lane) + 10} y={y + 4}>
                {`${s.move}. ${s.did}`}
              </text>
              {!onRewind && <title>{sentence}</title>}
            </g>
          </g>
        );
      })}
    </svg>
  );
}

/** The lanes' names again, in HTML that sticks to the top while the moves scroll under it. They
 *  sit exactly over the SVG's own heads (which a saved file keeps). */
function LaneHeads({ timeline }: { timeline: Timeline }) {
  const colours = useContext(ThreadColors);
  const layout = useMemo(() => layoutTimeline(timeline, colours), [timeline, colours]);
  return (
    <div className="tl-sticky" aria-hidden="true" style={{ width: layout.width }}>
      {layout.lanes.map((lane) => (
        <span key={lane.name} className={`tl-sticky-head ${threadClass(lane.colour)}`} style={{ left: lane.x, width: lane.width }}>
          {lane.name}
        </span>
      ))}
    </div>
  );
}

const initialStates = new WeakMap<Program, GameState>();
function initialOf(p: Program): GameState {
  let s = initialStates.get(p);
  if (!s) initialStates.set(p, (s = initialState(p)));
  return s;
}

/** Inside the open Timeline panel: Save buttons and the diagram (loaded with import()). */
export function TimelineBody({ game, levelId }: { game: GameState; levelId: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const svgBox = useRef<HTMLDivElement>(null);
  const timeline = useMemo(() => buildTimeline(initialOf(game.program), game.schedule), [game.program, game.schedule]);
  const n = timeline.steps.length;
  useEffect(() => {
    // Keep the latest move in sight, scrolling the diagram only (never the page).
    const box = svgBox.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [n]);
  const save = (format: "svg" | "png") => {
    const svg = svgBox.current?.querySelector("svg");
    if (!svg) return;
    setProblem(null);
    import("../diagram-export")
      .then((m) => m.saveDiagram(svg, `${levelId}-timeline`, format))
      .catch(() => setProblem(t("play.timeline.saveFailed", { format: format.toUpperCase() })));
  };
  if (n === 0) return <p className="muted">{t("play.timeline.empty")}</p>;
  return (
    <>
      <p className="muted diagram-help">{t("play.timeline.help")}</p>
      <div className="diagram-actions">
        <button type="button" onClick={() => save("svg")}>
          {t("play.timeline.saveAs", { format: "SVG" })}
        </button>
        <button type="button" onClick={() => save("png")}>
          {t("play.timeline.saveAs", { format: "PNG" })}
        </button>
      </div>
      {problem && <p role="alert">{problem}</p>}
      <div ref={svgBox} className="timeline-scroll">
        <LaneHeads timeline={timeline} />
        <TimelineDiagram timeline={timeline} onRewind={(move) => appStore.getState().rewindTo(move)} label={t("play.timeline.label", { count: n })} />
      </div>
    </>
  );
}
