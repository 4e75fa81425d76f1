// The campaign: chapters with their intros, each level with its title, summary and whether it is
// solved. Nothing is locked; the first unsolved level is marked as the one to play next.

import { useEffect } from "react";
import { loadCampaign } from "../campaign-file";
import { levelCard, useCardWords } from "../level-card";
import { bestWords } from "../par-words";
import { shown } from "../words";
import { editorHref, levelHref } from "../router";
import { appStore, useApp } from "../use-app";
import { BackupControls } from "./BackupControls";
import { InterfaceLanguage } from "./InterfaceLanguage";
import { currentLocale, t } from "../../i18n/index";
import { localizedChapter } from "../../engine/translations";
import { ConfirmDialog } from "./ConfirmDialog";
import { ErrorList, Notices, ProblemScreen, TopBar } from "./Chrome";
import { Markdown } from "./Markdown";
import { MyLevels } from "./MyLevels";
import { Packs, PackShortcuts } from "./Packs";

export function CampaignScreen() {
  const solved = useApp((s) => s.solved);
  const dialog = useApp((s) => s.dialog);
  useCardWords(currentLocale());
  useEffect(() => {
    document.title = "Interleave";
    return () => appStore.getState().closeDialog();
  }, []);
  const campaign = loadCampaign();
  if (!campaign.ok) {
    return (
      <ProblemScreen title={t("campaign.fileHasErrors")}>
        <ErrorList errors={campaign.error} file="levels/campaign.json" />
      </ProblemScreen>
    );
  }
  const order = campaign.value.chapters.flatMap((c) => c.levels);
  const next = order.find((id) => !solved[id]);
  const solvedCount = order.filter((id) => solved[id]).length;
  let number = 0;
  const locale = currentLocale();
  return (
    <>
      <TopBar>
        <a className="topbar-link" href={editorHref()}>
          {t("campaign.levelEditor")}
        </a>
      </TopBar>
      <main className="campaign">
        <Notices />
        <div className="hero">
          <h1>Interleave</h1>
          <p>{t("campaign.intro")}</p>
          <p className="muted">{t("campaign.solvedCount", { solved: solvedCount, count: order.length })}</p>
          <PackShortcuts />
        </div>
        {campaign.value.chapters.map((chapter, c) => (
          <section key={c} className="chapter" aria-labelledby={`chapter-${c}`}>
            <h2 id={`chapter-${c}`}>
              <span className="chapter-number">{t("campaign.chapter", { number: c + 1 })}</span> {localizedChapter(chapter, locale).title}
            </h2>
            <Markdown className="chapter-intro" text={localizedChapter(chapter, locale).intro} />
            <ol className="level-list">
              {chapter.levels.map((id) => {
                const card = levelCard(id, locale);
                const isSolved = Boolean(solved[id]);
                // A win's schedule; a proof or a fix records none.
                const best = isSolved && solved[id].moves.length > 0 ? solved[id].moves.length : null;
                const isNext = id === next;
                number++;
                return (
                  <li key={id} className={`level-card${isSolved ? " solved" : ""}${isNext ? " next" : ""}${card ? "" : " broken"}`}>
                    <a href={levelHref(id)} aria-label={cardLabel(shown(card?.title ?? id), isSolved, isNext)}>
                      <span className="level-number" aria-hidden="true">
                        {number}
                      </span>
                      <span className="level-name">
                        <bdi>{shown(card?.title ?? id)}</bdi>
                      </span>
                      {isSolved && (
                        <span className="badge badge-solved">
                          <span aria-hidden="true">✓ </span>
                          {t("campaign.card.solved")}
                        </span>
                      )}
                      {isNext && (
                        <span className="badge badge-next">{t("campaign.card.next")}</span>
                      )}
                    </a>
                    <p className="level-summary">{card?.summary ?? t("campaign.card.broken")}</p>
                    {best !== null && <p className="level-best">{bestWords(best)}</p>}
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
        <MyLevels />
        <Packs />
        <footer className="campaign-footer" aria-label={t("common.settings.region")}>
          <InterfaceLanguage />
          <BackupControls />
          <button type="button" className="quiet" onClick={() => appStore.getState().openDialog("clear-progress")}>
            {t("campaign.clear.button")}
          </button>
        </footer>
        {dialog === "clear-progress" && (
          <ConfirmDialog
            title={t("campaign.clear.title")}
            text={t("campaign.clear.text")}
            confirm={t("campaign.clear.button")}
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

/** A card's name for screen readers: the level's title, and whether it is solved or up next (never both). */
function cardLabel(title: string, solved: boolean, next: boolean): string {
  if (solved) return t("campaign.card.labelSolved", { title });
  if (next) return t("campaign.card.labelNext", { title });
  return title;
}
