// `#/editor/<draft>`: one of the player's levels in Monaco, with the engine's problems beside it,
// the solver's check, links and files, and a playable preview. The text lives in the editor;
// it is parsed once typing pauses, saved as it is typed (autosave.ts), and the preview follows
// the last version without errors.

import { useCallback, useEffect, useRef, useState } from "react";
import { t } from "../i18n/index";
import { richWords } from "../ui/rich-words";
import { Notices, TopBar } from "../ui/components/Chrome";
import { ErrorBoundary, PartFailed } from "../ui/components/ErrorBoundary";
import { isOpen } from "../ui/components/LevelPlay";
import { campaignHref, editorHref, myLevelHref } from "../ui/router";
import { encodeLevelLink } from "../ui/share";
import { errorText } from "../ui/store/draft-level";
import { shown } from "../ui/words";
import { draftSummary, type DraftId } from "../ui/store/drafts";
import { appStore, useApp } from "../ui/use-app";
import { draftStore, useDrafts } from "../ui/use-drafts";
import { analyse } from "./analysis";
import { createAutosave, type Autosave } from "./autosave";
import { dropSearch, runSearch, stopSearch } from "../ui/search-jobs";
import { levelCheck } from "./check";
import { CheckPanel } from "./CheckPanel";
import { EditorPane } from "./EditorPane";
import { downloadText, levelFileName } from "./files";
import { DropOverlay, ImportButton, useLevelImport } from "./import-file";
import type { LevelEditor } from "./monaco";
import { PreviewPanel } from "./PreviewPanel";
import { ProblemsPanel } from "./ProblemsPanel";
import { SharePanel, shareUrl } from "./SharePanel";
import { say } from "../i18n/index";

/** How long typing must pause before the text is parsed again. */
const PARSE_DELAY_MS = 250;
/** Time between moves when a schedule is replayed in the preview. */
const REPLAY_STEP_MS = 350;

export function DraftEditor({ id, initialText }: { id: DraftId; initialText: string }) {
  const editorRef = useRef<LevelEditor | null>(null);
  const textRef = useRef(initialText);
  const [{ analysis, preview }, setParsed] = useState(() => {
    const first = analyse(initialText);
    return { analysis: first, preview: first.loaded };
  });
  const analysisRef = useRef(analysis);
  analysisRef.current = analysis;
  const [saving, setSaving] = useState(false);
  const saveProblem = useDrafts((s) => s.saveProblem);
  const [cursor, setCursor] = useState({ line: 1, column: 1 });
  const check = useApp((s) => s.searches.check);
  const [replaying, setReplaying] = useState<{ index: number; total: number } | null>(null);
  const [shareOpen, setShareOpen] = useState(false);
  const [shareLink, setShareLink] = useState<string | null>(null);
  const { importFile, error: fileError, dragging, dropTarget } = useLevelImport();
  const previewRef = useRef<HTMLElement>(null);

  // Saving as it is typed.
  const autosave = useRef<Autosave | null>(null);
  useEffect(() => {
    const saver = createAutosave((text) => draftStore.getState().saveDraft(id, text), setSaving);
    autosave.current = saver;
    return () => saver.close();
  }, [id]);

  // Parsing once typing pauses.
  const parseTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const reparse = useCallback(() => {
    clearTimeout(parseTimer.current);
    if (analysisRef.current.text === textRef.current) return analysisRef.current;
    const next = analyse(textRef.current);
    analysisRef.current = next;
    setParsed((s) => ({ analysis: next, preview: next.loaded ?? s.preview }));
    return next;
  }, []);
  const onChange = useCallback(
    (text: string) => {
      textRef.current = text;
      autosave.current?.schedule(text);
      clearTimeout(parseTimer.current);
      parseTimer.current = setTimeout(reparse, PARSE_DELAY_MS);
    },
    [reparse],
  );
  useEffect(() => () => clearTimeout(parseTimer.current), []);
  const showProblems = useCallback(() => editorRef.current?.showProblems(analysisRef.current.text, analysisRef.current.problems), []);
  useEffect(showProblems, [analysis, showProblems]);

  const summary = draftSummary(analysis.text);
  useEffect(() => {
    document.title = t("editor.draft.pageTitle", { title: shown(summary.title ?? t("editor.untitled")) });
  }, [summary.title]);

  // The check (the store's "check" search job, gone with this editor), and replaying its schedule in the preview.
  const runCheck = () => {
    const now = reparse();
    if (!now.level) return;
    runSearch(appStore, "check", { text: now.text, level: now.level }, levelCheck(now.text, now.level));
  };
  useEffect(() => () => dropSearch(appStore, "check"), []);
  const checkIsCurrent = check.status !== "idle" && check.for.text === analysis.text;

  const replayTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopReplay = useCallback(() => {
    clearTimeout(replayTimer.current);
    setReplaying(null);
  }, []);
  useEffect(() => () => clearTimeout(replayTimer.current), []);
  const replay = () => {
    if (check.status !== "done" || !checkIsCurrent || !preview || preview.text !== check.for.text) return;
    const moves = check.result.schedule ?? [];
    const store = appStore.getState();
    if (!store.game || !isOpen(store.loaded, preview)) return;
    stopReplay();
    if (store.game.schedule.length > 0) store.reset();
    previewRef.current?.scrollIntoView({ block: "start" });
    let played = 0;
    const tick = () => {
      const s = appStore.getState();
      // The player moved (or the level changed) meanwhile: the replay gives way.
      if (!s.game || !isOpen(s.loaded, preview) || s.game.schedule.length !== played || s.play(moves[played])) return stopReplay();
      played++;
      if (played < moves.length) {
        setReplaying({ index: played, total: moves.length });
        replayTimer.current = setTimeout(tick, REPLAY_STEP_MS);
      } else setReplaying(null);
    };
    setReplaying({ index: 0, total: moves.length });
    replayTimer.current = setTimeout(tick, REPLAY_STEP_MS);
  };

  // Files and links.
  const exportFile = () => {
    autosave.current?.flush();
    downloadText(textRef.current, levelFileName(draftSummary(textRef.current).levelId));
  };
  useEffect(() => {
    if (!shareOpen) return;
    let live = true;
    encodeLevelLink(analysis.text).then((data) => live && setShareLink(shareUrl(data)));
    return () => {
      live = false;
    };
  }, [shareOpen, analysis.text]);

  return (
    <>
      <TopBar>
        <span className="topbar-links">
          <a className="topbar-link" href={editorHref()}>
            {t("editor.newLevel")}
          </a>
          <a className="topbar-link" href={campaignHref}>
            {t("editor.campaign")}
          </a>
        </span>
      </TopBar>
      <main className="editor-screen" {...dropTarget}>
        <Notices />
        <div className="editor-head">
          <h1>
            {t("editor.heading")}
            <span className="editor-level-title">{t("editor.draft.levelTitle", { title: shown(summary.title ?? t("editor.untitled")) })}</span>
          </h1>
          <p className="save-status muted">{saving ? t("editor.saving") : t("editor.saved")}</p>
        </div>
        <div className="editor-toolbar" role="group" aria-label={t("editor.toolbar")}>
          <ImportButton onFile={importFile} />
          <button type="button" onClick={exportFile}>
            {t("editor.export")}
          </button>
          <button type="button" onClick={() => setShareOpen(true)} aria-expanded={shareOpen}>
            {t("editor.shareLink")}
          </button>
          <a className="toolbar-link" href={myLevelHref(id)}>
            {t("editor.playFullScreen")}
          </a>
        </div>
        {saveProblem && (
          <p className="editor-alert" role="alert">
            {say(saveProblem)}
          </p>
        )}
        {fileError && (
          <p className="editor-alert" role="alert">
            {fileError}
          </p>
        )}
        <div className="editor-layout">
          <div className="editor-main">
            <EditorPane
              initialText={initialText}
              name={`draft-${id}`}
              editorRef={editorRef}
              onChange={onChange}
              onCursor={(line, column) => setCursor({ line, column })}
              onReady={showProblems}
            />
            <p className="cursor-status muted" data-testid="cursor">
              {t("editor.lineColumn", { line: cursor.line, column: cursor.column })}
            </p>
            <ProblemsPanel problems={analysis.problems} onPick={(p) => editorRef.current?.reveal(p.line, p.column)} />
          </div>
          <div className="editor-side">
            <CheckPanel
              check={check}
              canCheck={analysis.level !== null}
              current={checkIsCurrent}
              replaying={replaying}
              onCheck={runCheck}
              onCancel={() => stopSearch(appStore, "check")}
              onReplay={replay}
              onStopReplay={stopReplay}
            />
            {shareOpen && shareLink && <SharePanel url={shareLink} hasErrors={analysis.level === null} onClose={() => setShareOpen(false)} />}
            {/* A preview that fails takes only itself down: the text stays in the editor, and a new version retries. */}
            <ErrorBoundary what="the preview" resetKeys={[preview]} fallback={(error, retry) => <PreviewFailed error={error} onRetry={retry} />}>
              <PreviewPanel ref={previewRef} preview={preview} stale={analysis.level === null} />
            </ErrorBoundary>
          </div>
        </div>
        {dragging && <DropOverlay />}
      </main>
    </>
  );
}

function PreviewFailed({ error, onRetry }: { error: unknown; onRetry(): void }) {
  return (
    <PartFailed className="preview" heading={t("editor.preview.heading")} headingId="preview-heading" onRetry={onRetry}>
      <p className="editor-alert" role="alert">
        {richWords("editor.preview.failed", {}, { error: <code>{errorText(error)}</code> })}
      </p>
    </PartFailed>
  );
}
