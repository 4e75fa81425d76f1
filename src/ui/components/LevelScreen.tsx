// `#/level/<id>`: a campaign level, or a readable screen when it is missing or its file is broken.

import { useMemo } from "react";
import { nextLevelId, useCampaignLevel } from "../content";
import { levelHref, newDraftHref } from "../router";
import type { LoadedLevel } from "../store/game-slice";
import { ErrorList, ProblemScreen } from "./Chrome";
import { AnyGameScreen } from "./AnyGameScreen";

export function LevelScreen({ id }: { id: string }) {
  const state = useCampaignLevel(id);
  const load = state.status === "loaded" ? state.load : null;
  const loaded = useMemo<LoadedLevel | null>(() => (load?.ok ? { id, text: load.text, level: load.value, source: "campaign" } : null), [id, load]);
  if (state.status === "loading") return <p className="loading">Opening the level…</p>;
  if (state.status === "failed") {
    return (
      <ProblemScreen title="This level could not be loaded">
        <p>Its file did not arrive ({state.message}). Check the connection and reload the page.</p>
      </ProblemScreen>
    );
  }
  if (state.status === "missing") {
    return (
      <ProblemScreen title="No such level">
        <p>There is no level with the id “{id}”.</p>
      </ProblemScreen>
    );
  }
  if (!loaded || !load) {
    return (
      <ProblemScreen title="This level's file has errors">
        <ErrorList errors={load && !load.ok ? load.error : []} file={`levels/${id}.json`} />
      </ProblemScreen>
    );
  }
  const next = nextLevelId(id);
  const copy = (
    <a className="topbar-link" href={newDraftHref({ copy: id })}>
      Edit a copy
    </a>
  );
  return <AnyGameScreen key={id} loaded={loaded} nextHref={next ? levelHref(next) : null} links={copy} />;
}
