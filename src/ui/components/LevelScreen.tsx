// `#/level/<id>`: a campaign level, or a readable screen when it is missing or its file is broken.

import { useMemo } from "react";
import { campaignLevel, nextLevelId } from "../content";
import { levelHref, newDraftHref } from "../router";
import type { LoadedLevel } from "../store/game-slice";
import { ErrorList, ProblemScreen } from "./Chrome";
import { AnyGameScreen } from "./AnyGameScreen";

export function LevelScreen({ id }: { id: string }) {
  const load = campaignLevel(id);
  const loaded = useMemo<LoadedLevel | null>(() => (load?.ok ? { id, text: load.text, level: load.value, source: "campaign" } : null), [id, load]);
  if (!load) {
    return (
      <ProblemScreen title="No such level">
        <p>There is no level with the id “{id}”.</p>
      </ProblemScreen>
    );
  }
  if (!loaded) {
    return (
      <ProblemScreen title="This level's file has errors">
        <ErrorList errors={load.ok ? [] : load.error} file={`levels/${id}.json`} />
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
