// The end of a game, in words: Victory or Defeat, what happened (the engine's message), the
// level's outro after a win, and what to do next. Closing a victory goes "back to code": it undoes
// the winning move so the student can look at the state just before.

import { useId, useRef, type ReactNode } from "react";
import { useApp } from "../use-app";
import type { FixSpec, Outcome } from "../../engine/index";
import { isForbidden, wrongFinals } from "../fix-words";
import type { Command, CommandContext } from "../commands";
import { outcomeKindTitle, outcomeSentence, outcomeTitle } from "../words";
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
  /** On a fix-it level: reaching an outcome is exploration, never a win (see FixItScreen). */
  fix?: FixSpec;
}

export function OutcomeDialog({ outcome, outro, nextLabel, commands, ctx, children, fix }: Props) {
  const titleId = useId();
  const textId = useId();
  const first = useRef<HTMLButtonElement>(null);
  const undo = () => commands.get("undo")!.perform(ctx);
  // A level can be won before any move (a broken one): then there is no code to go back to.
  const canUndo = useApp((s) => s.past.length > 0);
  if (fix) {
    return (
      <FixItOutcome outcome={outcome} fix={fix} commands={commands} ctx={ctx}>
        {children}
      </FixItOutcome>
    );
  }
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

/** A fix-it level's outcome: a forbidden one is what the fix must prevent; any other is just how this schedule ended. */
function FixItOutcome({ outcome, fix, commands, ctx, children }: { outcome: Outcome; fix: FixSpec; commands: ReadonlyMap<string, Command>; ctx: CommandContext; children?: ReactNode }) {
  const titleId = useId();
  const textId = useId();
  const first = useRef<HTMLButtonElement>(null);
  const game = useApp((st) => st.game);
  const wrong = outcome.kind === "finished" && game ? wrongFinals(fix, game) : [];
  const forbidden = isForbidden(fix, outcome.kind) || wrong.length > 0;
  const undo = () => commands.get("undo")!.perform(ctx);
  // The editor's preview plays a fix-it level without its "Fix it" area.
  const canFix = document.getElementById("fix-heading") !== null;
  const toFix = () => {
    undo();
    // After the dialog has closed and given the focus back.
    requestAnimationFrame(() => document.getElementById("fix-heading")?.focus());
  };
  const after = forbidden
    ? `${wrong.map((w) => `${w.name} is ${String(w.actual)}; it must end at ${String(w.expected)}. `).join("")}This is what your fix must make impossible.`
    : "This schedule is fine. “Check my fix” tries all of them.";
  return (
    <ModalDialog labelledBy={titleId} describedBy={textId} className={forbidden ? "outcome defeat" : "outcome"} onCancel={undo} initialFocus={first}>
      <h2 id={titleId}>
        {wrong.length > 0 ? `Broken: ${wrong[0].name} ends at ${String(wrong[0].actual)}` : forbidden ? `Broken: ${outcomeKindTitle(outcome.kind)}` : outcomeKindTitle(outcome.kind)}
      </h2>
      <p id={textId} className="outcome-text">
        {outcomeSentence(outcome)} {after}
      </p>
      <div className="dialog-actions" ref={(el) => void (first.current = el?.querySelector("button") ?? null)}>
        {forbidden && canFix && (
          <button type="button" className="primary" onClick={toFix}>
            Go to the fix
          </button>
        )}
        <CommandButton command={commands.get("undo")!} ctx={ctx} className={forbidden && canFix ? undefined : "primary"} />
        <CommandButton command={commands.get("reset")!} ctx={ctx} />
      </div>
      {children}
    </ModalDialog>
  );
}
