// The end of a game, in words: Victory or Defeat, what happened (the engine's message), the
// level's outro after a win, and what to do next. Closing a victory goes "back to code": it undoes
// the winning move so the student can look at the state just before.

import { useId, useRef, type ReactNode } from "react";
import { useApp } from "../use-app";
import type { Outcome } from "../../engine/index";
import type { Command, CommandContext } from "../commands";
import { outcomeSentence, outcomeTitle } from "../words";
import { CommandButton } from "./CommandButton";
import { Markdown } from "./Markdown";
import { ModalDialog } from "./ModalDialog";

interface Props {
  outcome: Outcome;
  outro: string | undefined;
  /** "Next level" or, after the campaign's last level, the way back to it. */
  nextLabel: string;
  commands: ReadonlyMap<string, Command>;
  ctx: CommandContext;
  /** Drawn below: the wait-for graph of a deadlock, the timeline. */
  children?: ReactNode;
}

export function OutcomeDialog({ outcome, outro, nextLabel, commands, ctx, children }: Props) {
  const titleId = useId();
  const textId = useId();
  const first = useRef<HTMLButtonElement>(null);
  const undo = () => commands.get("undo")!.perform(ctx);
  // A level can be won before any move (a broken one): then there is no code to go back to.
  const canUndo = useApp((s) => s.past.length > 0);
  return (
    <ModalDialog labelledBy={titleId} describedBy={textId} className={outcome.win ? "outcome victory" : "outcome defeat"} onCancel={undo} initialFocus={first}>
      <h2 id={titleId}>{outcomeTitle(outcome)}</h2>
      <p id={textId} className="outcome-text">
        {outcomeSentence(outcome)}
      </p>
      {outcome.win ? (
        <div className="dialog-actions">
          <button ref={first} type="button" className="primary" aria-keyshortcuts="Enter" onClick={() => commands.get("next-level")!.perform(ctx)}>
            {nextLabel}
          </button>
          {canUndo && (
            <button type="button" onClick={undo}>
              Back to code
            </button>
          )}
        </div>
      ) : (
        <div className="dialog-actions" ref={(el) => void (first.current = el?.querySelector("button") ?? null)}>
          <CommandButton command={commands.get("undo")!} ctx={ctx} className="primary" />
          <CommandButton command={commands.get("reset")!} ctx={ctx} />
        </div>
      )}
      {outcome.win && outro && <Markdown className="outro" text={outro} />}
      {children}
    </ModalDialog>
  );
}
