// The game's global controls (Undo, Redo, Reset, Hint, the shortcuts list) and the schedule strip:
// every move made so far, in the colour of its thread.

import { memo, useEffect, useRef } from "react";
import { t } from "../../i18n/index";
import type { Move, Program } from "../../engine/play";
import type { Command, CommandContext } from "../commands";
import { CommandButton } from "./CommandButton";
import { ThreadChip } from "./ThreadChip";

export function Toolbar({ commands, ctx }: { commands: ReadonlyMap<string, Command>; ctx: CommandContext }) {
  const button = (name: string, shortcut: string) => <CommandButton command={commands.get(name)!} ctx={ctx} shortcut={shortcut} />;
  return (
    <div className="toolbar" role="group" aria-label={t("play.toolbar.label")}>
      {button("undo", "U Control+Z")}
      {button("redo", "Shift+U Control+Y")}
      {button("reset", "R")}
      {button("hint", "H")}
      <button type="button" className="quiet" aria-keyshortcuts="Shift+?" onClick={() => commands.get("shortcuts")!.perform(ctx)}>
        <span aria-hidden="true">?</span>
        <span className="sr-only">{t("play.cmd.shortcuts")}</span>
      </button>
    </div>
  );
}

/** " wake", " flush": a move that is not a step says what it is. */
export const moveSuffix = (m: Move) => (m.kind === "wake" ? ` ${t("play.move.kind.wake")}` : m.kind === "flush" ? ` ${t("play.move.kind.flush")}` : "");

export const ScheduleStrip = memo(function ScheduleStrip({ schedule, program }: { schedule: readonly Move[]; program: Program }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    // Keep the latest move in sight without scrolling the page.
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [schedule.length]);
  return (
    <div className="schedule">
      <h2 className="schedule-title">
        {t("play.schedule")} <span className="muted">{t("play.schedule.count", { count: schedule.length })}</span>
      </h2>
      <ol ref={list} aria-label={t("play.schedule")} tabIndex={schedule.length > 0 ? 0 : undefined}>
        {schedule.map((m, i) => (
          <li key={i}>
            <ThreadChip prefix={`${i + 1}. `} name={program.threads[m.thread].name} suffix={moveSuffix(m)} />
          </li>
        ))}
      </ol>
      {schedule.length === 0 && <p className="muted schedule-empty">{t("play.schedule.empty")}</p>}
    </div>
  );
});
