// The wait-for graph, drawn: threads (in their colours) and objects on a ring, the cycle first so
// it reads as a ring of its own, "waits for" and "held by" arrows, the cycle in the danger colour.
// The same graph is written out in words beside it (the engine's summary), for everyone and for
// screen readers. The model is the engine's (waitForGraph); this file only lays it out. Loaded
// with import() when its panel opens (DiagramPanels.tsx).

import { useContext, useId, useMemo, useRef, useState } from "react";
import type { GameState } from "../../engine/play";
import { waitForGraph, type ThreadStatus, type WaitEdge, type WaitForGraph, type WaitNode } from "../../engine/wait-for";
import { t, type MessageId } from "../../i18n/index";
import { ThreadColors, threadClass } from "./ThreadChip";

const CHAR = 7.2;
const NODE_H = 40;

interface Placed {
  node: WaitNode;
  x: number;
  y: number;
  w: number;
}

const STATUS: Record<ThreadStatus, MessageId> = {
  "can-run": "play.waitFor.status.canRun",
  blocked: "play.thread.status.blocked",
  spinning: "play.waitFor.status.spinning",
  finished: "play.thread.status.finished",
};

/** The small print under a node's name: a thread's state, or an object's (the engine's words). */
function subLabel(n: WaitNode): string {
  if (n.kind === "object") return `${n.objectKind}: ${n.detail}`;
  if (n.kind === "spin") return t("play.waitFor.busyWait");
  return n.status ? t(STATUS[n.status]) : (n.detail ?? "");
}

/** An arrow's words, read along it: "waits for", "held by", "spins on". */
function edgeLabel(e: WaitEdge): string {
  if (e.kind === "holds") return t("play.waitFor.edge.heldBy");
  if (e.kind === "spins-on") return t("play.waitFor.edge.spinsOn");
  return e.label === "waits to re-acquire" ? t("play.waitFor.edge.reacquire") : t("play.waitFor.edge.waitsFor");
}

function nodeWidth(n: WaitNode): number {
  return Math.max(n.label.length * CHAR, subLabel(n).length * 6.4) + 22;
}

/** The order of the nodes round the ring: the cycle first, in cycle order, then every other node
 *  next to a neighbour it is joined to, so chains of waits lie along the ring instead of across it. */
export function ringOrder(g: WaitForGraph): WaitNode[] {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const near = new Map<string, string[]>(g.nodes.map((n) => [n.id, []]));
  for (const e of g.edges) {
    near.get(e.from)!.push(e.to);
    near.get(e.to)!.push(e.from);
  }
  const order: string[] = [];
  for (const c of g.cycle ?? []) order.push(`t${c.thread}`, `o:${c.object}`);
  // Walk each group of joined nodes from its cycle, or else from an end of it (fewest neighbours).
  const walk: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    walk.push(id);
    for (const n of near.get(id)!) visit(n);
  };
  if (order.length > 0) visit(order[0]);
  const starts = [...g.nodes].sort((a, b) => near.get(a.id)!.length - near.get(b.id)!.length || g.nodes.indexOf(a) - g.nodes.indexOf(b));
  for (const n of starts) if (near.get(n.id)!.length > 0) visit(n.id);
  for (const n of g.nodes) visit(n.id);
  const inCycle = new Set(order);
  for (const id of walk) {
    if (order.includes(id)) continue;
    // Next to a neighbour outside the cycle; never inside the cycle's own arc.
    const placed = near.get(id)!.find((n) => order.includes(n) && !inCycle.has(n));
    if (placed) order.splice(order.indexOf(placed) + 1, 0, id);
    else order.push(id);
  }
  return order.map((id) => byId.get(id)!);
}

/** Places the nodes on a ring, in ring order. With a cycle and other nodes besides, the cycle
 *  gets the inner ring to itself and the others go round it, each near what it is joined to. */
export function layoutGraph(g: WaitForGraph): { placed: Placed[]; width: number; height: number } {
  const order = ringOrder(g);
  const widest = Math.max(...order.map(nodeWidth));
  const cycle = new Set((g.cycle ?? []).flatMap((c) => [`t${c.thread}`, `o:${c.object}`]));
  const inner = order.filter((n) => cycle.has(n.id));
  const outer = order.filter((n) => !cycle.has(n.id));
  const ring = inner.length >= 2 && outer.length > 0 ? inner : order;
  const rest = ring === inner ? outer : [];
  // Room between neighbours for an edge and its words.
  const spacing = widest + 80;
  const r1 = ring.length <= 1 ? 0 : Math.max(90, spacing / (2 * Math.sin(Math.PI / ring.length)));
  const angles = new Map<string, number>(ring.map((n, k) => [n.id, -Math.PI / 2 + (2 * Math.PI * k) / Math.max(1, ring.length)]));
  const r2 = rest.length === 0 ? r1 : Math.max(r1 + widest + 40, (rest.length * spacing) / (2 * Math.PI));
  if (rest.length > 0) {
    const near = (id: string) => g.edges.flatMap((e) => (e.from === id ? [e.to] : e.to === id ? [e.from] : []));
    const preferred = rest.map((n) => ({ n, a: angles.get(near(n.id).find((m) => angles.has(m)) ?? "") ?? Infinity }));
    // In ring order: a node joined only to another outer node sits next to it.
    for (const p of preferred) {
      if (p.a === Infinity) p.a = preferred.find((q) => q.a !== Infinity && near(p.n.id).includes(q.n.id))?.a ?? Infinity;
    }
    preferred.sort((x, y) => x.a - y.a);
    const gap = spacing / r2;
    const start = Number.isFinite(preferred[0].a) ? preferred[0].a : -Math.PI / 2;
    let at = start - gap;
    for (const p of preferred) {
      at = Math.max(Number.isFinite(p.a) ? p.a : at + gap, at + gap);
      angles.set(p.n.id, at);
    }
    // Too many to fit after their neighbours: spread them evenly, in the same order.
    if (at > start + 2 * Math.PI - gap) preferred.forEach((p, k) => angles.set(p.n.id, start + (2 * Math.PI * k) / preferred.length));
  }
  const placed = order.map((node) => {
    const angle = angles.get(node.id)!;
    const r = cycle.has(node.id) || rest.length === 0 ? r1 : r2;
    return { node, x: r * Math.cos(angle), y: r * Math.sin(angle), w: nodeWidth(node) };
  });
  // Fit the picture to what is drawn (the outer ring may be used on one side only).
  const margin = 12;
  const left = Math.min(...placed.map((p) => p.x - p.w / 2)) - margin;
  const top = Math.min(...placed.map((p) => p.y)) - NODE_H / 2 - margin;
  const right = Math.max(...placed.map((p) => p.x + p.w / 2)) + margin;
  const bottom = Math.max(...placed.map((p) => p.y)) + NODE_H / 2 + margin;
  for (const p of placed) {
    p.x -= left;
    p.y -= top;
  }
  return { placed, width: right - left, height: bottom - top };
}

/** Where the segment from the centre of `a` towards `(tx, ty)` leaves a's box. */
function border(a: Placed, tx: number, ty: number): [number, number] {
  const dx = tx - a.x;
  const dy = ty - a.y;
  const sx = dx === 0 ? Infinity : a.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : NODE_H / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return [a.x + dx * s, a.y + dy * s];
}

function Edge({ e, from, to, marker }: { e: WaitEdge; from: Placed; to: Placed; marker: string }) {
  // A gentle curve to the left of the direction of travel, so two opposite edges stay apart.
  const mx = (from.x + to.x) / 2;
  const my = (from.y + to.y) / 2;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const bend = from === to ? 0 : 22;
  const qx = mx + (-dy / len) * bend;
  const qy = my + (dx / len) * bend;
  const [x1, y1] = border(from, qx, qy);
  const [x2, y2] = border(to, qx, qy);
  // The words go on the outside of the bend: two opposite edges between the same nodes keep theirs apart.
  const nx = -dy / len;
  const ny = dx / len;
  const anchor = nx > 0.35 ? "start" : nx < -0.35 ? "end" : "middle";
  const lx = (x1 + 2 * qx + x2) / 4 + nx * 4;
  const ly = (y1 + 2 * qy + y2) / 4 + (anchor === "middle" ? (ny > 0 ? 12 : -4) : 4);
  return (
    <g className={`wf-edge wf-${e.kind}${e.inCycle ? " in-cycle" : ""}`} data-from={e.from} data-to={e.to}>
      <path d={`M${x1} ${y1} Q${qx} ${qy} ${x2} ${y2}`} markerEnd={`url(#${marker})`} />
      <text x={lx} y={ly} textAnchor={anchor}>
        {edgeLabel(e)}
      </text>
    </g>
  );
}

export function WaitForDiagram({ graph, describedBy }: { graph: WaitForGraph; describedBy: string }) {
  const colours = useContext(ThreadColors);
  const layout = useMemo(() => layoutGraph(graph), [graph]);
  const ids = useId().replace(/:/g, "");
  const at = new Map(layout.placed.map((p) => [p.node.id, p]));
  return (
    <svg
      className="wf-svg"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      role="img"
      aria-label={t("play.waitFor")}
      aria-describedby={describedBy}
    >
      <defs>
        {["plain", "cycle"].map((k) => (
          <marker key={k} id={`${ids}-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path className={`wf-arrowhead wf-arrowhead-${k}`} d="M0 0 L10 5 L0 10 z" />
          </marker>
        ))}
      </defs>
      {graph.edges.map((e, k) => (
        <Edge key={k} e={e} from={at.get(e.from)!} to={at.get(e.to)!} marker={`${ids}-${e.inCycle ? "cycle" : "plain"}`} />
      ))}
      {layout.placed.map(({ node, x, y, w }) => {
        const thread = node.kind === "thread" ? ` ${threadClass(colours.get(node.label) ?? node.thread ?? 0)}` : "";
        const sub = subLabel(node);
        return (
          <g key={node.id} className={`wf-node wf-${node.kind}${thread}${node.inCycle ? " in-cycle" : ""}`} data-node={node.id}>
            <rect x={x - w / 2} y={y - NODE_H / 2} width={w} height={NODE_H} rx={node.kind === "thread" ? 14 : 4} />
            <text x={x} y={y - 2} textAnchor="middle" className="wf-label">
              {node.label}
            </text>
            <text x={x} y={y + 13} textAnchor="middle" className="wf-detail">
              {sub}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Inside the open Wait-for graph panel: the graph in words, drawn, and a Save button. */
export function WaitForBody({ game, levelId }: { game: GameState; levelId: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const graph = useMemo(() => waitForGraph(game), [game]);
  const summaryId = useId();
  const box = useRef<HTMLDivElement>(null);
  const inCycle = new Set(graph.cycle?.map((c) => c.thread));
  const listed = graph.cycle ? graph.waits.filter((w) => !inCycle.has(w.thread)) : graph.waits;
  const save = (format: "svg" | "png") => {
    const svg = box.current?.querySelector("svg");
    if (!svg) return;
    setProblem(null);
    import("../diagram-export")
      .then((m) => m.saveDiagram(svg, `${levelId}-wait-for`, format))
      .catch(() => setProblem(t("play.waitFor.saveFailed", { format: format.toUpperCase() })));
  };
  return (
    <>
      <div className="wf-words" id={summaryId}>
        {graph.cycle ? (
          <p className="wf-cycle-text">{graph.summary}</p>
        ) : graph.deadlock ? (
          // A deadlock without a cycle still has a kind: say it, not "No cycle".
          <p className="wf-kind">
            <strong>{graph.deadlock.name.charAt(0).toUpperCase() + graph.deadlock.name.slice(1)}.</strong> {graph.deadlock.sentence}
          </p>
        ) : (
          <p>{t("play.waitFor.noCycle")}</p>
        )}
        {listed.length > 0 && (
          <ul>
            {listed.map((w, k) => (
              <li key={k}>{w.text}.</li>
            ))}
          </ul>
        )}
      </div>
      <div ref={box} className="wf-scroll">
        <WaitForDiagram graph={graph} describedBy={summaryId} />
      </div>
      <div className="diagram-actions">
        <button type="button" onClick={() => save("svg")}>
          {t("play.waitFor.saveAs", { format: "SVG" })}
        </button>
        <button type="button" onClick={() => save("png")}>
          {t("play.waitFor.saveAs", { format: "PNG" })}
        </button>
      </div>
      {problem && <p role="alert">{problem}</p>}
    </>
  );
}
