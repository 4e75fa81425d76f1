// One thread: its name and colour, its code with the current statement, which step comes next
// (or why it cannot step), its locals, and its controls.

import { memo, useLayoutEffect, useMemo, useRef, type CSSProperties } from "react";
import { explainStatement, type Program, type ThreadView } from "../../engine/play";
import { t } from "../../i18n/index";
import type { Command, CommandContext } from "../commands";
import type { RenderedThread } from "../use-rendered";
import { CodeView } from "./CodeView";
import { CommandButton } from "./CommandButton";
import { FlashValue, showValue } from "./FlashValue";
import { threadClass } from "./ThreadChip";

interface Props {
  view: ThreadView;
  code: string;
  sharedNames: ReadonlySet<string>;
  commands: ReadonlyMap<string, Command>;
  ctx: CommandContext;
  /** The hint says this thread moves next. */
  hinted: boolean;
  program: Program;
  /** The code in the player's chosen language; null for the level's own. */
  rendered?: RenderedThread | null;
}

function status(v: ThreadView): { text: string; kind: string } {
  if (v.finished) return { text: t("play.thread.status.finished"), kind: "finished" };
  if (v.blocked) return { text: t("play.thread.status.blocked"), kind: "blocked" };
  if (v.atCriticalSection) return { text: t("play.thread.status.critical"), kind: "critical" };
  return { text: t("play.thread.status.ready"), kind: "ready" };
}

/** What the thread does next, or why it cannot. The step's own words ("read counter", why it is
 *  blocked) are the engine's. */
export function nextText(v: ThreadView): string {
  if (v.finished) return t("play.thread.finished");
  if (v.blocked) return t("play.thread.blocked", { reason: v.blocked });
  if (!v.next) return "";
  return v.next.of > 1 ? t("play.thread.nextOf", { step: v.next.label, index: v.next.index, total: v.next.of }) : t("play.thread.next", { step: v.next.label });
}

export const ThreadPanel = memo(function ThreadPanel({ view, code, sharedNames, commands, ctx, hinted, program, rendered = null }: Props) {
  const index = view.index;
  const explain = useMemo(() => {
    const out = new Map<number, { text: string; says: string }>();
    program.statements.forEach((st, k) => {
      if (st.thread === index) out.set(st.span.start.offset, { text: st.text, says: explainStatement(program, k).text });
    });
    return out;
  }, [program, index]);
  const s = status(view);
  const current = view.statement ? { start: view.statement.span.start.offset, end: view.statement.span.end.offset } : null;
  const panel = useRef<HTMLElement>(null);
  // Where the board is short of room the code scrolls inside the panel: keep the marked lines in it.
  useLayoutEffect(() => {
    if (panel.current) showCurrentLine(panel.current);
  }, [current?.start, rendered]);
  // ...and when the box changes size (the briefing folds, the window is resized).
  useLayoutEffect(() => {
    const box = panel.current?.querySelector(".code");
    if (!box || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => panel.current && showCurrentLine(panel.current));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  const button = (name: string, text: string, shortcut?: string) => {
    const command = commands.get(`${name}:${index}`);
    return command && <CommandButton command={command} ctx={ctx} text={text} shortcut={index < 9 ? shortcut : undefined} className={name === "step" ? "primary" : undefined} />;
  };
  return (
    <section
      ref={panel}
      aria-label={view.name}
      className={`thread ${threadClass(index)} status-${s.kind}${hinted ? " hinted" : ""}`}
      // How short the code box may get on a crowded board: see board.css.
      style={{ "--code-lines": rendered?.pieces.length ?? lineCount(code) } as CSSProperties}
    >
      <header className="thread-head">
        <h2 className="thread-name">
          <span className="thread-key" aria-hidden="true">
            {index < 9 ? index + 1 : ""}
          </span>
          {view.name}
        </h2>
        <span className={`status status-${s.kind}`}>{s.text}</span>
      </header>
      <CodeView code={code} sharedNames={sharedNames} current={current} rendered={rendered} explain={explain} />
      <p className="next-step">{nextText(view)}</p>
      {view.locals.length > 0 && (
        <dl className="locals">
          {view.locals.map((l) => (
            <div key={l.name}>
              <dt>{l.name}</dt>
              <dd>
                <FlashValue value={l.value} text={showValue(l.type, l.value)} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <div className="thread-actions">
        {button("step", t("play.thread.step"), String(index + 1))}
        {button("step-statement", t("play.thread.stepStatement"), `Shift+${index + 1}`)}
        {button("wake", t("play.thread.wake"))}
        {button("flush", t("play.thread.flush"))}
      </div>
    </section>
  );
});

const lineCount = (code: string) => code.split("\n").length;

/** Scrolls the panel's code box (not the page) so the current statement's lines are in it, with a
 *  line of context either side when there is room. */
function showCurrentLine(panel: HTMLElement) {
  const box = panel.querySelector<HTMLElement>(".code");
  const lines = panel.querySelectorAll<HTMLElement>(".line.current");
  if (!box || lines.length === 0 || box.scrollHeight <= box.clientHeight) return;
  const view = box.getBoundingClientRect();
  const first = lines[0].getBoundingClientRect();
  const last = lines[lines.length - 1].getBoundingClientRect();
  const margin = Math.min(first.height, Math.max(0, (view.height - (last.bottom - first.top)) / 2));
  if (first.top < view.top + margin) box.scrollTop += first.top - view.top - margin;
  else if (last.bottom > view.bottom - margin) box.scrollTop += Math.min(last.bottom - view.bottom + margin, first.top - view.top - margin);
}
