// `#/my-levels/<draft>`: one of the player's own levels, played like any other (no progress is
// recorded). A draft with errors shows them, with a way into the editor; one the game cannot read
// at all is set aside (with a notice) instead of being run.

import { useEffect, useMemo } from "react";
import { t } from "../../i18n/index";
import { editorHref } from "../router";
import { readDraftLevel } from "../store/draft-level";
import { draftNamed } from "../store/draft-store";
import { draftSummary } from "../store/drafts";
import type { LoadedLevel } from "../store/game-slice";
import { draftStore, useDrafts } from "../use-drafts";
import { ErrorList, ProblemScreen } from "./Chrome";
import { AnyGameScreen } from "./AnyGameScreen";
import { SetAsideScreen, useSetAside } from "./MyLevels";

export function MyLevelScreen({ draft: id }: { draft: string }) {
  // The id comes from the address bar: looked up as the draft's own, never the prototype's.
  const text = useDrafts((s) => (Object.hasOwn(s.leftOut, id) ? undefined : draftNamed(s.drafts, id)?.text));
  const aside = useSetAside(id);
  const read = useMemo(() => (text === undefined ? null : readDraftLevel(text)), [text]);
  const loaded = useMemo<LoadedLevel | null>(
    () => (read?.kind === "level" && text !== undefined ? { id: read.level.spec.id, text, level: read.level, source: "draft" } : null),
    [read, text],
  );
  // A level in hand this visit is not set aside unasked (see setAsideDraft): it shows why instead.
  const inHand = useDrafts((s) => Object.hasOwn(s.editedNow, id));
  useEffect(() => {
    if (read?.kind === "failed") draftStore.getState().setAsideDraft(id, read.why);
  }, [id, read]);
  if (aside) return <SetAsideScreen title={aside.title} why={aside.why} />;
  if (text === undefined) {
    return (
      <ProblemScreen title={t("play.level.missing")}>
        <p>{t("play.mine.missing.text", { id })}</p>
      </ProblemScreen>
    );
  }
  if (read?.kind === "failed" && inHand) {
    return (
      <ProblemScreen title={t("play.mine.unreadable")}>
        <p>{t("play.mine.unreadable.text", { why: read.why })}</p>
        <p>
          <a href={editorHref(id)}>{t("play.mine.changeInEditor")}</a>
        </p>
      </ProblemScreen>
    );
  }
  // Set aside by the effect above, at once: the screen says so already.
  if (read?.kind === "failed") return <SetAsideScreen title={draftSummary(text).title ?? t("play.mine.untitled")} why={read.why} />;
  if (!loaded) {
    return (
      <ProblemScreen title={t("play.mine.errors")}>
        <ErrorList errors={read?.kind === "errors" ? read.errors : []} />
        <p>
          <a href={editorHref(id)}>{t("play.mine.fixInEditor")}</a>
        </p>
      </ProblemScreen>
    );
  }
  const edit = (
    <a className="topbar-link" href={editorHref(id)}>
      {t("play.mine.edit")}
    </a>
  );
  return <AnyGameScreen key={id} loaded={loaded} nextHref={null} links={edit} />;
}
