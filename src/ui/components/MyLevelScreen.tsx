// `#/my-levels/<draft>`: one of the player's own levels, played like any other (no progress is
// recorded). A draft with errors shows them, with a way into the editor.

import { useMemo } from "react";
import { parseLevel } from "../../engine/index";
import { editorHref } from "../router";
import type { LoadedLevel } from "../store/game-slice";
import { useDrafts } from "../use-drafts";
import { ErrorList, ProblemScreen } from "./Chrome";
import { AnyGameScreen } from "./AnyGameScreen";

export function MyLevelScreen({ draft: id }: { draft: string }) {
  const text = useDrafts((s) => (Object.hasOwn(s.drafts, id) ? s.drafts[id].text : undefined)); // id is from the URL
  const parsed = useMemo(() => (text === undefined ? null : parseLevel(text)), [text]);
  const loaded = useMemo<LoadedLevel | null>(
    () => (parsed?.ok && text !== undefined ? { id: parsed.value.spec.id, text, level: parsed.value, source: "draft" } : null),
    [parsed, text],
  );
  if (text === undefined) {
    return (
      <ProblemScreen title="No such level">
        <p>None of your levels in this browser has the id “{id}”. It may have been deleted.</p>
      </ProblemScreen>
    );
  }
  if (!loaded) {
    return (
      <ProblemScreen title="This level has errors">
        <ErrorList errors={parsed && !parsed.ok ? parsed.error : []} />
        <p>
          <a href={editorHref(id)}>Fix it in the editor</a>
        </p>
      </ProblemScreen>
    );
  }
  const edit = (
    <a className="topbar-link" href={editorHref(id)}>
      Edit
    </a>
  );
  return <AnyGameScreen key={id} loaded={loaded} nextHref={null} links={edit} />;
}
