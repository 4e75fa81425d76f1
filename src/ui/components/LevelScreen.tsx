// `#/level/<id>`: a campaign level, or a readable screen when it is missing or its file is broken.

import { useMemo } from "react";
import { t } from "../../i18n/index";
import { nextLevelId, useCampaignLevel } from "../content";
import { levelHref, newDraftHref } from "../router";
import type { LoadedLevel } from "../store/game-slice";
import { ErrorList, ProblemScreen } from "./Chrome";
import { AnyGameScreen } from "./AnyGameScreen";

export function LevelScreen({ id }: { id: string }) {
  const state = useCampaignLevel(id);
  const load = state.status === "loaded" ? state.load : null;
  const loaded = useMemo<LoadedLevel | null>(() => (load?.ok ? { id, text: load.text, level: load.value, source: "campaign" } : null), [id, load]);
  if (state.status === "loading") return <p className="loading">{t("play.level.opening")}</p>;
  if (state.status === "failed") {
    return (
      <ProblemScreen title={t("play.level.notLoaded")}>
        <p>{t("play.level.notLoaded.text", { message: state.message })}</p>
      </ProblemScreen>
    );
  }
  if (state.status === "missing") {
    return (
      <ProblemScreen title={t("play.level.missing")}>
        <p>{t("play.level.missing.text", { id })}</p>
      </ProblemScreen>
    );
  }
  if (!loaded || !load) {
    return (
      <ProblemScreen title={t("play.level.fileErrors")}>
        <ErrorList errors={load && !load.ok ? load.error : []} file={`levels/${id}.json`} />
      </ProblemScreen>
    );
  }
  const next = nextLevelId(id);
  const copy = (
    <a className="topbar-link" href={newDraftHref({ copy: id })}>
      {t("play.editCopy")}
    </a>
  );
  return <AnyGameScreen key={id} loaded={loaded} nextHref={next ? levelHref(next) : null} links={copy} />;
}
