// A level screen: the top bar, the level's title and summary, and the level in play (LevelPlay).

import { useEffect, type ReactNode } from "react";
import { currentLocale, t } from "../../i18n/index";
import { localizedText } from "../../engine/translations";
import { campaignHref } from "../router";
import type { LoadedLevel } from "../store/game-slice";
import { useApp } from "../use-app";
import { shown } from "../words";
import { Notices, TopBar } from "./Chrome";
import { isOpen, LevelPlay } from "./LevelPlay";

interface Props {
  loaded: LoadedLevel;
  /** Where "Next level" leads; null after the campaign's last level or for a linked level. */
  nextHref: string | null;
  /** More links for the top bar, before "Campaign" ("Edit a copy"). */
  links?: ReactNode;
  /** Shown above and below the level in play (a fix-it level's replay controls and "Fix it" area). */
  before?: ReactNode;
  after?: ReactNode;
  /** Code is being typed on this screen (a fix-it level): see LevelPlay. */
  typing?: boolean;
  codeHasProblems?: boolean;
}

export function GameScreen({ loaded, nextHref, links, before, after, typing, codeHasProblems }: Props) {
  const { level } = loaded;
  const text = localizedText(level.spec, currentLocale());
  // The title waits for the level to be open, so the heading and the game appear together.
  const open = useApp((s) => s.game !== null && isOpen(s.loaded, loaded));
  useEffect(() => {
    document.title = `${shown(text.title)} · Interleave`;
  }, [text.title]);
  return (
    <>
      <TopBar>
        <span className="topbar-links">
          {links}
          <a className="topbar-link" href={campaignHref}>
            {t("play.campaign")}
          </a>
        </span>
      </TopBar>
      <main className="level-screen">
        <Notices />
        {open && (
          <div className="level-title">
            <h1>
              <bdi>{shown(text.title)}</bdi>
            </h1>
            <p className="summary">{shown(text.summary)}</p>
          </div>
        )}
        {before}
        <LevelPlay loaded={loaded} nextHref={nextHref} typing={typing} codeHasProblems={codeHasProblems} />
        {after}
      </main>
    </>
  );
}
