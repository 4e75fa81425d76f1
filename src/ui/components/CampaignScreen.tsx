// The campaign: chapters with their intros, each level with its title, summary and whether it is
// solved. Nothing is locked; the first unsolved level is marked as the one to play next.

import { useEffect } from "react";
import { loadCampaign } from "../campaign-file";
import { levelCard } from "../level-card";
import { bestWords } from "../par-words";
import { shown } from "../words";
import { editorHref, levelHref } from "../router";
import { appStore, useApp } from "../use-app";
import { BackupControls } from "./BackupControls";
import { ConfirmDialog } from "./ConfirmDialog";
import { ErrorList, Notices, ProblemScreen, TopBar } from "./Chrome";
import { Markdown } from "./Markdown";
import { MyLevels } from "./MyLevels";
import { Packs, PackShortcuts } from "./Packs";

export function CampaignScreen() {
  const solved = useApp((s) => s.solved);
  const dialog = useApp((s) => s.dialog);
  useEffect(() => {
    document.title = "Interleave";
    return () => appStore.getState().closeDialog();
  }, []);
  const campaign = loadCampaign();
  if (!campaign.ok) {
    return (
      <ProblemScreen title="The campaign file has errors">
        <ErrorList errors={campaign.error} file="levels/campaign.json" />
      </ProblemScreen>
    );
  }
  const order = campaign.value.chapters.flatMap((c) => c.levels);
  const next = order.find((id) => !solved[id]);
  const solvedCount = order.filter((id) => solved[id]).length;
  let number = 0;
  return (
    <>
      <TopBar>
        <a className="topbar-link" href={editorHref()}>
          Level editor
        </a>
      </TopBar>
      <main className="campaign">
        <Notices />
        <div className="hero">
          <h1>Interleave</h1>
          <p>
            You are the thread scheduler. Each level runs a few threads whose code looks thread-safe; you decide which
            thread takes the next atomic step. Find the order that breaks it.
          </p>
          <p className="muted">
            {solvedCount} of {order.length} levels solved.
          </p>
          <PackShortcuts />
        </div>
        {campaign.value.chapters.map((chapter, c) => (
          <section key={c} className="chapter" aria-labelledby={`chapter-${c}`}>
            <h2 id={`chapter-${c}`}>
              <span className="chapter-number">Chapter {c + 1}</span> {chapter.title}
            </h2>
            <Markdown className="chapter-intro" text={chapter.intro} />
            <ol className="level-list">
              {chapter.levels.map((id) => {
                const card = levelCard(id);
                const isSolved = Boolean(solved[id]);
                // A win's schedule; a proof or a fix records none.
                const best = isSolved && solved[id].moves.length > 0 ? solved[id].moves.length : null;
                const isNext = id === next;
                number++;
                return (
                  <li key={id} className={`level-card${isSolved ? " solved" : ""}${isNext ? " next" : ""}${card ? "" : " broken"}`}>
                    <a href={levelHref(id)} aria-label={`${shown(card?.title ?? id)}${isSolved ? ", solved" : ""}${isNext ? ", up next" : ""}`}>
                      <span className="level-number" aria-hidden="true">
                        {number}
                      </span>
                      <span className="level-name">
                        <bdi>{shown(card?.title ?? id)}</bdi>
                      </span>
                      {isSolved && (
                        <span className="badge badge-solved">
                          <span aria-hidden="true">✓ </span>solved
                        </span>
                      )}
                      {isNext && (
                        <span className="badge badge-next">up next</span>
                      )}
                    </a>
                    <p className="level-summary">{card?.summary ?? "This level's file has errors."}</p>
                    {best !== null && <p className="level-best">{bestWords(best)}</p>}
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
        <MyLevels />
        <Packs />
        <footer className="campaign-footer" aria-label="Your progress in this browser">
          <BackupControls />
          <button type="button" className="quiet" onClick={() => appStore.getState().openDialog("clear-progress")}>
            Clear progress
          </button>
        </footer>
        {dialog === "clear-progress" && (
          <ConfirmDialog
            title="Clear progress?"
            text="This forgets every level you have solved in this browser. It cannot be undone."
            confirm="Clear progress"
            onConfirm={() => {
              appStore.getState().clearProgress();
              appStore.getState().closeDialog();
            }}
            onCancel={() => appStore.getState().closeDialog()}
          />
        )}
      </main>
    </>
  );
}
