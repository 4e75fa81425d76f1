// A level being played, without the page around it: briefing, controls, one panel per thread,
// the shared state, and the dialogs. The level screen shows it under the level's title; the
// editor's preview shows it beside the editor. Everything it shows is read off the engine's
// state with viewState.

import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { formatMove, levelKind, viewState, type GameState, type StateView } from "../../engine/play";
import { localizedText } from "../../engine/translations";
import { currentLocale, t } from "../../i18n/index";
import { gameCommands, threadCommands, type CommandContext } from "../commands";
import { campaignOrder } from "../content";
import { requestNextMoveHint } from "../hint";
import { usePar } from "../par";
import { campaignHref, navigate } from "../router";
import { samePack, type LoadedLevel } from "../store/game-slice";
import { appStore, useApp } from "../use-app";
import { useRenderedLevel } from "../use-rendered";
import { useSettings } from "../use-settings";
import { useShortcuts } from "../use-shortcuts";
import { fitBoard, loosenIfSpilling } from "./board-fit";
import { Briefing } from "./Briefing";
import { HardwareSection } from "./HardwareSection";
import { Declarations, LanguagePicker } from "./LanguagePicker";
import { shown } from "../words";
import { OutcomeLine } from "./OutcomeLine";
import { ProofPanel } from "./ProofPanel";
import { SharedPanel } from "./SharedPanel";
import { ThreadColors } from "./ThreadChip";
import { TimelinePanel, WaitForPanel } from "./DiagramPanels";
import { nextText, ThreadPanel } from "./ThreadPanel";
import { ScheduleStrip, Toolbar } from "./Toolbar";

// Shown once per player: loaded only when due.
const Tour = lazy(() => import("./Tour").then((m) => ({ default: m.Tour })));
// Dialogs load when they open, not with the board.
const OutcomeDialog = lazy(() => import("./OutcomeDialog").then((m) => ({ default: m.OutcomeDialog })));
const ShortcutsDialog = lazy(() => import("./ShortcutsDialog").then((m) => ({ default: m.ShortcutsDialog })));

export interface LevelPlayProps {
  loaded: LoadedLevel;
  /** Where "Next level" leads; null after the campaign's last level or for a linked level. */
  nextHref: string | null;
  /** Replaces "Next level" after a win: the editor's preview offers "Play again". */
  afterWin?: { label: string; perform(): void };
  /** Code is being typed beside the game (the editor's preview, a fix-it level's code): then an
   *  outcome before any move gets a line, not a dialog that would take the focus from the typing. */
  typing?: boolean;
  /** The code being typed has problems: the game shown runs the last code without any. */
  codeHasProblems?: boolean;
}

export function LevelPlay({ loaded, nextHref, afterWin, typing = false, codeHasProblems = false }: LevelPlayProps) {
  useLayoutEffect(() => appStore.getState().openLevel(loaded), [loaded]);
  const open = useApp((s) => s.loaded);
  const game = useApp((s) => s.game);
  const dialog = useApp((s) => s.dialog);
  const hinted = useApp(({ searches: { hint }, game }) => (hint.status === "done" && hint.for === game && hint.result.kind === "next-move" ? hint.result.move.thread : -1));
  // Hardware mode may have put the level's TSO twin on the board, to replay a schedule with flushes.
  const twin = open && isOpen(open, loaded) && open.twinOf ? open.level : null;
  const level = twin ?? loaded.level;
  const program = level.program;
  const par = usePar(loaded, game?.outcome?.win === true && game.program === program);

  const commandList = useMemo(() => [...threadCommands(program), ...gameCommands], [program]);
  const commands = useMemo(() => new Map(commandList.map((c) => [c.name, c])), [commandList]);
  const onNext = afterWin?.perform;
  const ctx = useMemo<CommandContext>(
    () => ({ store: appStore, navigate, requestHint: () => requestNextMoveHint(appStore), nextHref: nextHref ?? campaignHref, onNext }),
    [nextHref, onNext],
  );
  useShortcuts(commandList, ctx);
  const colors = useMemo(() => new Map(program.threads.map((t, i) => [t.name, i])), [program]);
  const sharedNames = useMemo(() => new Set(program.descriptors.map((d) => d.name)), [program]);
  const view = useMemo(() => (game && game.program === program ? viewState(game) : null), [game, program]);
  useEffect(() => () => appStore.getState().closeDialog(), []);
  const language = useSettings((s) => s.language);
  const rendered = useRenderedLevel(level.spec, language);
  // The tour runs once, on the campaign's first level (never on a linked or edited copy of it).
  const tourDue = useSettings((s) => !s.tourDone) && loaded.source === "campaign" && loaded.id === campaignOrder()[0];

  const board = useRef<HTMLDivElement>(null);
  const shown = Boolean(view && game && isOpen(open, loaded));
  useLayoutEffect(() => (shown && board.current ? fitBoard(board.current) : undefined), [shown]);
  useLayoutEffect(() => {
    if (board.current) loosenIfSpilling(board.current);
  });

  if (!view || !game || !shown) return null;
  const overBeforeMoves = typing && game.outcome !== null && game.schedule.length === 0;
  return (
    <ThreadColors.Provider value={colors}>
      <div className="level-layout play">
        {/* The board: on a laptop it fits the screen (threads beside the state, the briefing
            folding away); on a phone it is a column with the state stuck to the bottom. */}
        <div className="board" ref={board}>
          <Briefing level={level} keepOpen={tourDue} />
          <div className="controls">
            <Toolbar commands={commands} ctx={ctx} />
            <ScheduleStrip schedule={game.schedule} program={program} />
            <LanguagePicker />
            <OutcomeLine game={game} fix={level.spec.fix} overBeforeMoves={overBeforeMoves} codeHasProblems={codeHasProblems} />
            {twin && <TwinNote />}
          </div>
          <div className="threads-box">
            <div className="threads" data-count={Math.min(view.threads.length, 7)}>
              {view.threads.map((t) => (
                <ThreadPanel
                  key={t.index}
                  view={t}
                  code={level.spec.threads[program.threads[t.index].spec].code}
                  sharedNames={sharedNames}
                  commands={commands}
                  ctx={ctx}
                  hinted={hinted === t.index}
                  program={program}
                  rendered={rendered?.threads[program.threads[t.index].spec] ?? null}
                />
              ))}
            </div>
          </div>
          <SharedPanel view={view} tso={program.tso} />
        </div>
        <div className="below-board">
          {rendered && <Declarations shown={rendered} />}
          {!game.outcome && view.threads.some((t) => t.blocked) && <WaitForPanel game={game} levelId={loaded.id} />}
          <TimelinePanel key={`timeline:${loaded.id}`} game={game} levelId={loaded.id} />
          {levelKind(level.spec) !== "fix" && <ProofPanel key={`proof:${loaded.id}`} loaded={loaded} nextHref={nextHref} />}
          <HardwareSection key={`hardware:${loaded.id}`} program={open?.twinOf?.program ?? open?.level.program ?? program} levelId={loaded.id} />
        </div>
      </div>
      <MoveAnnouncer game={game} view={view} />
      {game.outcome && !overBeforeMoves && (
        <Suspense fallback={null}>
          <OutcomeDialog
            outcome={game.outcome}
            outro={localizedText(level.spec, currentLocale()).outro}
            fix={level.spec.fix}
            par={par}
            nextLabel={afterWin?.label ?? (nextHref ? t("play.cmd.next") : t("play.backToCampaign"))}
            commands={commands}
            ctx={ctx}
          >
            {game.outcome.kind === "deadlock" && <WaitForPanel game={game} levelId={loaded.id} open />}
            <TimelinePanel game={game} levelId={loaded.id} open={wideScreen()} />
          </OutcomeDialog>
        </Suspense>
      )}
      {dialog === "shortcuts" && (
        <Suspense fallback={null}>
          <ShortcutsDialog commands={commandList} />
        </Suspense>
      )}
      {tourDue && (
        <Suspense fallback={null}>
          <Tour hidden={Boolean(game.outcome) || dialog !== null} />
        </Suspense>
      )}
    </ThreadColors.Provider>
  );
}

/** The outcome dialog's timeline starts open where there is room for it, folded on phones. */
const wideScreen = () => typeof window !== "undefined" && window.matchMedia?.("(min-width: 48rem)").matches === true;

/** Is `loaded` the level the store has open? (Opening an equal level again keeps the first object.) */
export function isOpen(open: LoadedLevel | null, loaded: LoadedLevel): boolean {
  return open !== null && open.id === loaded.id && open.text === loaded.text && open.source === loaded.source && samePack(open.pack, loaded.pack);
}

/** Says the board plays the level under TSO, not as written, and offers the way back. */
function TwinNote() {
  return (
    <div className="notice" role="note">
      <p>{t("play.twin.note")}</p>
      <button type="button" className="button" onClick={() => appStore.getState().leaveTwin()}>
        {t("play.twin.back")}
      </button>
    </div>
  );
}

/** Tells screen readers what the last move did, and what that thread does next. */
function MoveAnnouncer({ game, view }: { game: GameState; view: StateView }) {
  const n = game.schedule.length;
  const last = game.schedule[n - 1];
  const text = last
    ? t("play.announce.move", { n, move: shown(formatMove(game.program, last)), thread: view.threads[last.thread].name, next: nextText(view.threads[last.thread]) })
    : t("play.announce.none");
  return (
    <p className="sr-only" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}
