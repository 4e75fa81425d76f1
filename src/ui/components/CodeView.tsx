// One thread's code with line numbers, syntax colours and its current statement marked: the
// level's own code, or its rendering in another language (same statements, same lines where the
// language allows). Each line where a statement starts explains it on hover and on focus; the
// lines are one Tab stop (a roving tabindex: arrow keys, Home and End move between them).

import { memo, useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
import { cutLine, displayLines, type Piece } from "../code-display";
import type { RenderedThread } from "../use-rendered";
import { shown } from "../words";

interface Props {
  code: string;
  sharedNames: ReadonlySet<string>;
  /** Offsets of the statement to mark in the level's code, end exclusive. */
  current: { start: number; end: number } | null;
  /** The code in another language; null shows the level's own. */
  rendered?: RenderedThread | null;
  /** What each statement does, by its start offset in the level's code. */
  explain?: ReadonlyMap<number, { text: string; says: string }>;
}

const Pieces = ({ pieces }: { pieces: Piece[] }) => (
  <>
    {pieces.map((p) => (
      <span key={p.start} className={`tok-${p.kind}`}>
        {/* A comment may hide a bidi override that makes the code read otherwise ("Trojan Source"). */}
        {shown(p.text)}
      </span>
    ))}
  </>
);

function lineOfOffset(code: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < code.length; i++) if (code[i] === "\n") line++;
  return line;
}

/** Where a line's explanation goes: just under the line, in the wrapper's coordinates (the code
 *  box may be scrolled, on a board short of room). */
function tipTop(line: HTMLElement): number {
  const wrap = line.closest(".code-wrap");
  return wrap ? line.getBoundingClientRect().bottom - wrap.getBoundingClientRect().top : line.offsetTop + line.offsetHeight;
}

export const CodeView = memo(function CodeView({ code, sharedNames, current, rendered = null, explain }: Props) {
  const lines = useMemo(
    () => (rendered ? rendered.pieces : displayLines(code, sharedNames)),
    [code, sharedNames, rendered],
  );
  const lineStarts = useMemo(() => {
    const starts: number[] = [];
    let offset = 0;
    for (const line of lines) {
      starts.push(offset);
      offset += line.reduce((n, p) => n + p.text.length, 0) + 1;
    }
    return starts;
  }, [lines]);

  // Where a level offset lands on screen: its line, and its range in display offsets.
  const locate = useMemo(() => (start: number, end: number): { line: number; start: number; end: number } | null => {
    if (!rendered) return { line: lineOfOffset(code, start), start, end };
    const place = rendered.code.statements.get(start);
    if (!place) return null;
    const at = lineStarts[place.line] ?? 0;
    return { line: place.line, start: at + place.from, end: at + place.to };
  }, [rendered, code, lineStarts]);

  const mark = current ? locate(current.start, current.end) : null;

  // Explanations by display line, in order.
  const explained = useMemo(() => {
    const byLine = new Map<number, { text: string; says: string }[]>();
    for (const [offset, e] of explain ?? []) {
      const at = locate(offset, offset);
      if (at) byLine.set(at.line, [...(byLine.get(at.line) ?? []), e]);
    }
    return byLine;
  }, [explain, locate]);
  const stops = useMemo(() => [...explained.keys()].sort((a, b) => a - b), [explained]);

  const [focusLine, setFocusLine] = useState<number | null>(null);
  const [tip, setTip] = useState<{ line: number; by: "hover" | "focus"; top: number } | null>(null);
  const tipId = useId();
  // Tab lands on the line last focused, else on the statement that runs next, else the first.
  const roving = [focusLine, mark?.line ?? null, stops[0] ?? null].find((l) => l !== null && stops.includes(l)) ?? null;
  const tipLine = tip?.line ?? roving;

  useEffect(() => {
    if (!tip) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === "Escape") setTip(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [tip]);

  const moveFocus = (e: KeyboardEvent<HTMLElement>, line: number) => {
    const k = stops.indexOf(line);
    const to = { ArrowDown: k + 1, ArrowUp: k - 1, Home: 0, End: stops.length - 1 }[e.key];
    if (e.key === "Escape") {
      if (tip) e.preventDefault();
      setTip(null);
      return;
    }
    if (to === undefined) return;
    e.preventDefault();
    const target = stops[Math.max(0, Math.min(stops.length - 1, to))];
    const el = e.currentTarget.parentElement?.querySelector<HTMLElement>(`[data-line="${target}"]`);
    el?.focus();
  };

  return (
    <div className="code-wrap">
      <pre className="code">
        <code>
          {lines.map((line, i) => {
            const lineStart = lineStarts[i];
            const lineEnd = lineStart + line.reduce((n, p) => n + p.text.length, 0);
            const here = mark !== null && mark.start < Math.max(lineEnd, lineStart + 1) && mark.end > lineStart;
            const [before, inside, after] = here ? cutLine(line, mark.start, mark.end) : [line, [], []];
            const says = explained.get(i);
            const stop = says !== undefined;
            return (
              <span
                key={i}
                className={`${here ? "line current" : "line"}${stop ? " stmt-line" : ""}`}
                data-line={stop ? i : undefined}
                tabIndex={stop ? (roving === i ? 0 : -1) : undefined}
                aria-describedby={tipLine === i ? tipId : undefined}
                onFocus={stop ? (e) => {
                  setFocusLine(i);
                  setTip({ line: i, by: "focus", top: tipTop(e.currentTarget) });
                } : undefined}
                onBlur={stop ? () => setTip((t) => (t?.by === "focus" ? null : t)) : undefined}
                onMouseEnter={stop ? (e) => {
                  const top = tipTop(e.currentTarget);
                  setTip((t) => (t?.by === "focus" ? t : { line: i, by: "hover", top }));
                } : undefined}
                onMouseLeave={stop ? (e) => {
                  // Moving onto the explanation keeps it (it can be hovered, WCAG 1.4.13).
                  if (e.relatedTarget instanceof Element && e.relatedTarget.closest(".code-tip")) return;
                  setTip((t) => (t?.by === "hover" ? null : t));
                } : undefined}
                onKeyDown={stop ? (e) => moveFocus(e, i) : undefined}
              >
                <span className="ln" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="src">
                  <Pieces pieces={before} />
                  {inside.length > 0 && (
                    <mark className="stmt">
                      <Pieces pieces={inside} />
                    </mark>
                  )}
                  <Pieces pieces={after} />
                </span>
              </span>
            );
          })}
        </code>
      </pre>
      {tipLine !== null && explained.has(tipLine) && (
        // Always there for the line that can take focus, so a screen reader hears it on focus;
        // shown on hover and focus.
        <div
          role="tooltip"
          id={tipId}
          className="code-tip"
          hidden={!tip}
          style={{ top: tip?.top ?? 0 }}
          onMouseLeave={() => setTip((t) => (t?.by === "hover" ? null : t))}
        >
          {explained.get(tipLine)!.map((e, k, all) => (
            <p key={k}>
              {all.length > 1 && <code>{e.text}</code>} {e.says}
            </p>
          ))}
        </div>
      )}
    </div>
  );
});
