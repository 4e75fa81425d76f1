// A fix-it level's screen: the usual level view, playing the CURRENT code (the student's fix once
// they have edited it), a way from the top straight to the code, and under the level the "Fix it"
// area (FixPanel.tsx): the editors, the problems as they type, "Check my fix" (the judge, in a
// worker: the store's "fix" search job), and its verdict; a fix that holds solves the level. A
// schedule that still breaks the fix is replayed in the level view above, move by move. The code
// is saved in this browser as typed.

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { compileFix, currentCode, formatMove, isSolved, localizedText, type FixCode, type FixProblem, type FixSpec, type FixVerdict, type Move, type Program } from "../../engine/index";
import { fixCheck, sameCode } from "../fix-check";
import { dropSearch, runSearch, stopSearch } from "../search-jobs";
import { campaignHref, navigate } from "../router";
import { browserStorage } from "../store/progress";
import { createFixStore, type FixStore } from "../store/fixes";
import type { LoadedLevel } from "../store/game-slice";
import { appStore, useApp } from "../use-app";
import { FixPanel } from "./FixPanel";
import { GameScreen } from "./GameScreen";
import { isOpen } from "./LevelPlay";
import { Markdown } from "./Markdown";
import { ModalDialog } from "./ModalDialog";
import "../styles/fix-it.css";
import { formatCount, shown, specThreadName } from "../words";
import { currentLocale, say, t } from "../../i18n/index";

/** Time between moves when the counterexample plays by itself. */
const AUTOPLAY_MS = 450;

let fixStore: FixStore | null = null;
const fixes = () => (fixStore ??= createFixStore(browserStorage()));

interface Props {
  loaded: LoadedLevel;
  nextHref: string | null;
  links?: ReactNode;
}

/** The level as it is with this code: the original object when the code is the original. */
function loadedWith(original: LoadedLevel, code: FixCode, program: Program): LoadedLevel {
  const spec = original.level.spec;
  if (sameCode(code, currentCode(spec))) return original;
  const file = JSON.parse(original.text) as { threads: { name: string; code: string }[] };
  for (const t of file.threads) if (Object.hasOwn(code, t.name) && spec.fix!.threads.includes(t.name)) t.code = code[t.name];
  return { ...original, text: JSON.stringify(file, null, 2), level: { spec: program.spec, program } };
}

export function FixItScreen({ loaded, nextHref, links }: Props) {
  const spec = loaded.level.spec;
  const fix = spec.fix!;
  const original = useMemo(() => currentCode(spec), [spec]);
  // A campaign level's fix is saved under its id; a linked, own or pack level's under its source too.
  const saveKey = loaded.source === "campaign" ? loaded.id : loaded.source === "pack" ? `pack:${loaded.pack?.id ?? ""}:${loaded.id}` : `${loaded.source}:${loaded.id}`;
  const [code, setCode] = useState<FixCode>(() => fixes().get(saveKey, fix.threads) ?? original);
  const [saveProblem, setSaveProblem] = useState<string | null>(() => {
    const notice = fixes().notice;
    return notice && say(notice);
  });
  const compiled = useMemo(() => compileFix(spec, code), [spec, code]);
  const problems: FixProblem[] = compiled.ok ? [] : compiled.error;
  // The level view follows the last code without problems.
  const valid = useMemo(() => (compiled.ok ? loadedWith(loaded, code, compiled.value.program) : null), [compiled, loaded, code]);
  const shownRef = useRef<LoadedLevel>(loaded);
  if (valid) shownRef.current = valid;
  const shown = shownRef.current;

  const codeRef = useRef(code);
  codeRef.current = code;
  const edit = useCallback(
    (thread: string, text: string) => {
      const before = codeRef.current;
      if (before[thread] === text) return;
      const next = { ...before, [thread]: text };
      codeRef.current = next;
      setCode(next);
      const saved = sameCode(next, original) ? fixes().clear(saveKey) : fixes().save(saveKey, next);
      setSaveProblem(saved ? null : t("play.fix.notSaved"));
    },
    [saveKey, original],
  );
  const resetCode = () => {
    fixes().clear(saveKey);
    codeRef.current = original;
    setCode(original);
  };

  // The check.
  const check = useApp((s) => s.searches.fix);
  useEffect(() => () => dropSearch(appStore, "fix"), []);
  const runCheck = () => {
    if (!compiled.ok) return;
    const launch = fixCheck(loaded.text, code);
    runSearch(appStore, "fix", code, (handlers) =>
      launch({
        ...handlers,
        result: (verdict) => {
          handlers.result(verdict);
          if (isSolved(spec, { fix: verdict.verdict })) appStore.getState().recordWin(loaded, { fix: { ...code } });
        },
      }),
    );
  };
  const checkIsCurrent = check.status !== "idle" && sameCode(check.for, code);
  const [victoryClosed, setVictoryClosed] = useState<FixVerdict | null>(null);
  // Code that does not compile has no verdict: the last check's (or the one running) is gone.
  useEffect(() => {
    if (!compiled.ok) dropSearch(appStore, "fix");
  }, [compiled.ok]);

  // The code's editors: opened on request, here or from the top of the page.
  const [editing, setEditing] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const jumpToCode = () => {
    setEditing(true);
    setFocusRequest((n) => n + 1);
    document.getElementById("fix-heading")?.scrollIntoView({ block: "start" });
  };
  const names = useMemo(() => new Map(fix.threads.map((t) => [t, specThreadName(spec.threads, t)])), [fix, spec]);

  // Replaying a counterexample in the level view.
  const [replay, setReplay] = useState<{ moves: Move[]; for: LoadedLevel; auto: boolean } | null>(null);
  const game = useApp((s) => s.game);
  const open = useApp((s) => s.loaded);
  const replayLive = replay !== null && open !== null && isOpen(open, replay.for) && game !== null && isPrefix(game.schedule, replay.moves);
  const played = replayLive ? game!.schedule.length : 0;
  const startReplay = (moves: Move[]) => {
    const s = appStore.getState();
    if (!s.game || !s.loaded || !isOpen(s.loaded, shown)) return;
    if (s.game.schedule.length > 0) s.reset();
    setReplay({ moves, for: shown, auto: false });
    document.getElementById("fix-replay")?.scrollIntoView({ block: "start" });
    requestAnimationFrame(() => document.getElementById("fix-next-move")?.focus());
  };
  const nextMove = useCallback(() => {
    if (!replay) return;
    const s = appStore.getState();
    if (!s.game || !s.loaded || !isOpen(s.loaded, replay.for) || !isPrefix(s.game.schedule, replay.moves)) return setReplay(null);
    const k = s.game.schedule.length;
    if (k < replay.moves.length) s.play(replay.moves[k]);
  }, [replay]);
  useEffect(() => {
    if (!replay?.auto || !replayLive || played >= replay.moves.length) return;
    const timer = setTimeout(nextMove, AUTOPLAY_MS);
    return () => clearTimeout(timer);
  }, [replay, replayLive, played, nextMove]);
  useEffect(() => {
    if (replay && !replayLive) setReplay(null);
  }, [replay, replayLive]);

  const replayBar = replay && replayLive && (
    <ReplayBar
      program={replay.for.level.program}
      moves={replay.moves}
      played={played}
      auto={replay.auto}
      onNext={nextMove}
      onAuto={() => setReplay({ ...replay, auto: !replay.auto })}
      onStop={() => setReplay(null)}
    />
  );

  const panel = (
    <FixPanel
      fix={fix}
      names={names}
      editing={editing}
      focusRequest={focusRequest}
      onEditing={setEditing}
      code={code}
      original={original}
      problems={problems}
      saveProblem={saveProblem}
      check={check}
      current={checkIsCurrent}
      program={compiled.ok ? compiled.value.program : null}
      onEdit={edit}
      onReset={resetCode}
      onCheck={runCheck}
      onCancel={() => stopSearch(appStore, "fix")}
      onReplay={startReplay}
    />
  );

  const verdict = check.status === "done" && checkIsCurrent ? check.result : null;
  return (
    <>
      <GameScreen
        loaded={shown}
        nextHref={nextHref}
        links={links}
        before={
          <>
            <p className="fix-jump">
              {t("play.fix.jump.text")}{" "}
              <button type="button" onClick={jumpToCode}>
                {t("play.fix.jump")}
              </button>
            </p>
            <div id="fix-replay">{replayBar}</div>
          </>
        }
        after={panel}
        typing
        codeHasProblems={!compiled.ok}
      />
      {verdict?.verdict === "fixed" && victoryClosed !== verdict && (
        <FixedDialog
          states={verdict.states}
          fix={fix}
          outro={localizedText(spec, currentLocale()).outro}
          nextLabel={nextHref ? t("play.cmd.next") : t("play.backToCampaign")}
          onNext={() => navigate(nextHref ?? campaignHref)}
          onClose={() => setVictoryClosed(verdict)}
        />
      )}
    </>
  );
}

function isPrefix(schedule: readonly Move[], moves: readonly Move[]): boolean {
  return schedule.length <= moves.length && schedule.every((m, i) => m.kind === moves[i].kind && m.thread === moves[i].thread);
}


function ReplayBar(props: { program: Program; moves: Move[]; played: number; auto: boolean; onNext(): void; onAuto(): void; onStop(): void }) {
  const { program, moves, played, auto, onNext, onAuto, onStop } = props;
  const done = played >= moves.length;
  const next = moves[played];
  return (
    <section className="fix-replay" aria-label={t("play.fix.replay")}>
      <p aria-live="polite">
        {done ? t("play.fix.replay.done", { count: moves.length }) : t("play.fix.replay.move", { n: played + 1, count: moves.length, move: shown(formatMove(program, next)) })}
      </p>
      {!done && (
        <>
          <button id="fix-next-move" type="button" className="primary" onClick={onNext}>
            {t("play.fix.replay.next")}
          </button>
          <button type="button" aria-pressed={auto} onClick={onAuto}>
            {auto ? t("play.fix.replay.pause") : t("play.fix.replay.playRest")}
          </button>
        </>
      )}
      <button type="button" onClick={onStop}>
        {done ? t("play.fix.replay.close") : t("play.fix.replay.stop")}
      </button>
    </section>
  );
}

function FixedDialog(props: { states: number; fix: FixSpec; outro?: string; nextLabel: string; onNext(): void; onClose(): void }) {
  const { states, fix, outro, nextLabel, onNext, onClose } = props;
  const first = useRef<HTMLButtonElement>(null);
  const finals = Object.entries(fix.require.final ?? {}).map(([name, value]) => t("play.fixed.final", { name, value: String(value) }));
  const extra = [fix.require.finish ? t("play.fixed.finish") : null, ...finals].filter((x): x is string => x !== null);
  return (
    <ModalDialog labelledBy="fixed-title" describedBy="fixed-text" className="outcome victory" onCancel={onClose} initialFocus={first}>
      <h2 id="fixed-title">{t("play.fixed.title")}</h2>
      <p id="fixed-text" className="outcome-text">
        {extra.length > 0
          ? t("play.fixed.textAlso", { states: formatCount(states), also: extra.join(t("play.fixed.also")) })
          : t("play.fixed.text", { states: formatCount(states) })}
      </p>
      <div className="dialog-actions">
        <button ref={first} type="button" className="primary" onClick={onNext}>
          {nextLabel}
        </button>
        <button type="button" onClick={onClose}>
          {t("play.fixed.backToCode")}
        </button>
      </div>
      {outro && <Markdown className="outro" text={outro} />}
    </ModalDialog>
  );
}
