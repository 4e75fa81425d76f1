// `#/packs/<pack>/<level>`: one of a pack's levels, played on the usual level screen (break it,
// prove it, or fix it). A win is recorded in the pack's own progress (see recordWin).

import { useMemo } from "react";
import { packHref, packLevelHref } from "../router";
import type { LoadedLevel } from "../store/game-slice";
import { useOpenedPack } from "../use-pack";
import { ErrorList, ProblemScreen } from "./Chrome";
import { AnyGameScreen } from "./AnyGameScreen";
import { NoSuchPack } from "./PackScreen";

export function PackLevelScreen({ pack, id }: { pack: string; id: string }) {
  const state = useOpenedPack(pack);
  const opened = state.status === "ready" ? state.opened : null;
  const level = opened?.levels.get(id);
  const loaded = useMemo<LoadedLevel | null>(
    () => (opened && level ? { id, text: level.text, level: level.parsed, source: "pack", pack: opened.ref } : null),
    [opened, level, id],
  );
  if (state.status === "missing") return <NoSuchPack id={pack} />;
  if (state.status === "checking") return <p className="loading" role="status">Checking the pack…</p>;
  if (state.status === "broken") {
    return (
      <ProblemScreen title="This pack has errors">
        <ErrorList errors={state.errors} file={state.file} />
      </ProblemScreen>
    );
  }
  if (!loaded || !opened) {
    return (
      <ProblemScreen title="No such level">
        <p>
          The pack has no level with the id “{id}”. <a href={packHref(pack)}>Back to the pack</a>
        </p>
      </ProblemScreen>
    );
  }
  const at = opened.order.indexOf(id);
  const next = at >= 0 && at + 1 < opened.order.length ? opened.order[at + 1] : null;
  const back = (
    <a className="topbar-link" href={packHref(pack)}>
      Back to the pack
    </a>
  );
  return <AnyGameScreen key={`${pack}/${id}`} loaded={loaded} nextHref={next ? packLevelHref(pack, next) : packHref(pack)} links={back} />;
}
