// The end of a game, in words: Victory or Defeat, what happened (the engine's message), the
// level's outro after a win, and what to do next. Closing it ("Back to code", Escape) keeps the
// final state on the board, so the student can look at what broke; OutcomeLine then says how the
// game ended, under the controls, until Undo or Reset changes it. The level screen loads this
// dialog when a game ends, not with the board.

import { useId, useMemo, useRef, type ReactNode } from "react";
import type { DeadlockName, FixSpec, GameState, Outcome } from "../../engine/play";
import { waitForGraph } from "../../engine/wait-for";
import { t } from "../../i18n/index";
import { fixVerdict } from "../fix-words";
import type { Command, CommandContext } from "../commands";
import { parWords, type Par } from "../par";
import { appStore, useApp } from "../use-app";
import { outcomeName, outcomeSentence, outcomeTitle } from "../words";
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
  /** The level's par, for the moves line of a win. */
  par?: Par;
}

const close = () => appStore.getState().closeOutcome();

/** A deadlock's kind ("a lost wake-up"), read off the final state; null for other outcomes. */
function useDeadlock(game: GameState | null) {
  return useMemo(() => (game?.outcome?.kind === "deadlock" ? waitForGraph(game).deadlock : null), [game]);
}

export function OutcomeDialog({ outcome, outro, nextLabel, commands, ctx, children, fix, par = "none" }: Props) {
  const titleId = useId();
  const textId = useId();
  const first = useRef<HTMLButtonElement>(null);
  const game = useApp((s) => s.game);
  const closed = useApp((s) => s.closedOutcome !== null && s.closedOutcome === s.game);
  const wrongClaim = useApp((s) => s.claim?.right === false);
  const deadlock = useDeadlock(game);
  if (closed) return null;
  if (fix) {
    return (
      <FixItOutcome outcome={outcome} fix={fix} commands={commands} ctx={ctx} game={game} deadlock={deadlock}>
        {children}
      </FixItOutcome>
    );
  }
  return (
    <ModalDialog labelledBy={titleId} describedBy={textId} className={outcome.win ? "outcome victory" : "outcome defeat"} onCancel={close} initialFocus={first}>
      <h2 id={titleId}>{outcomeTitle(outcome, deadlock)}</h2>
      <p id={textId} className="outcome-text">
        {outcomeSentence(outcome, game?.program)}
      </p>
      {outcome.win && wrongClaim && <p className="muted">{t("play.outcome.wrongClaim")}</p>}
      {outcome.win && !wrongClaim && game && (
        <p className="par-line" aria-live="polite">
          {parWords(game.schedule.length, par)}
        </p>
      )}
      {outcome.win ? (
        <div className="dialog-actions">
          <button ref={first} type="button" className="primary" aria-keyshortcuts="Enter" onClick={() => commands.get("next-level")!.perform(ctx)}>
            {nextLabel}
          </button>
          <button type="button" onClick={close}>
            {t("play.outcome.backToCode")}
          </button>
        </div>
      ) : (
        <div className="dialog-actions" ref={(el) => void (first.current = el?.querySelector("button") ?? null)}>
          <CommandButton command={commands.get("undo")!} ctx={ctx} className="primary" />
          <CommandButton command={commands.get("reset")!} ctx={ctx} />
          <button type="button" onClick={close}>
            {t("play.outcome.backToCode")}
          </button>
        </div>
      )}
      {outcome.win && outro && <Markdown className="outro" text={outro} />}
      {children}
    </ModalDialog>
  );
}

interface FixItProps {
  outcome: Outcome;
  fix: FixSpec;
  commands: ReadonlyMap<string, Command>;
  ctx: CommandContext;
  game: GameState | null;
  deadlock: DeadlockName | null;
  children?: ReactNode;
}

/** A fix-it level's outcome: a forbidden one is what the fix must prevent; any other is just how this schedule ended. */
function FixItOutcome({ outcome, fix, commands, ctx, game, deadlock, children }: FixItProps) {
  const titleId = useId();
  const textId = useId();
  const first = useRef<HTMLButtonElement>(null);
  const { forbidden, wrong } = fixVerdict(fix, outcome, game);
  // The editor's preview plays a fix-it level without its "Fix it" area.
  const canFix = document.getElementById("fix-heading") !== null;
  const toFix = () => {
    close();
    // After the dialog has closed and given the focus back.
    requestAnimationFrame(() => document.getElementById("fix-heading")?.focus());
  };
  const after = forbidden
    ? `${wrong.map((w) => `${t("play.fix.outcome.wrongFinal", { name: w.name, actual: String(w.actual), expected: String(w.expected) })} `).join("")}${t("play.fix.outcome.forbidden")}`
    : t("play.fix.outcome.fine");
  const name = outcomeName(outcome, deadlock);
  return (
    <ModalDialog labelledBy={titleId} describedBy={textId} className={forbidden ? "outcome defeat" : "outcome"} onCancel={close} initialFocus={first}>
      <h2 id={titleId}>{wrong.length > 0 ? t("play.fix.outcome.brokenFinal", { name: wrong[0].name, actual: String(wrong[0].actual) }) : forbidden ? t("play.fix.outcome.broken", { name }) : name}</h2>
      <p id={textId} className="outcome-text">
        {outcomeSentence(outcome, game?.program)} {after}
      </p>
      <div className="dialog-actions" ref={(el) => void (first.current = el?.querySelector("button") ?? null)}>
        {forbidden && canFix && (
          <button type="button" className="primary" onClick={toFix}>
            {t("play.fix.outcome.goToFix")}
          </button>
        )}
        <CommandButton command={commands.get("undo")!} ctx={ctx} className={forbidden && canFix ? undefined : "primary"} />
        <CommandButton command={commands.get("reset")!} ctx={ctx} />
        <button type="button" onClick={close}>
          {t("play.outcome.backToCode")}
        </button>
      </div>
      {children}
    </ModalDialog>
  );
}
