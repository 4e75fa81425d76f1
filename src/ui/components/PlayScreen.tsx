// `#/play?level=<data>`: a level carried in the link. It is decoded and parsed like any level
// file; a broken one shows its errors and runs nothing.

import { useEffect, useMemo, useState } from "react";
import { t, type MessageId } from "../../i18n/index";
import { parseLevel, type LevelError } from "../../engine/index";
import { newDraftHref } from "../router";
import { decodeLevelLink, LevelLinkError, type LinkProblem } from "../share";
import type { LoadedLevel } from "../store/game-slice";
import { ErrorList, ProblemScreen } from "./Chrome";
import { AnyGameScreen } from "./AnyGameScreen";

type Decoded = { state: "decoding" } | { state: "broken-link"; message: string } | { state: "decoded"; text: string };

const LINK_PROBLEMS: Record<LinkProblem, MessageId> = {
  "not-base64": "play.link.notBase64",
  damaged: "play.link.damaged",
  "not-text": "play.link.notText",
  "too-large": "play.link.tooLarge",
};

/** Why a link's level cannot be opened, in the player's language when the link's data says why. */
function linkProblem(e: unknown): string {
  if (e instanceof LevelLinkError) return t(LINK_PROBLEMS[e.problem], { what: e.what, limit: String(e.limit ?? "") });
  return e instanceof Error ? e.message : String(e);
}

export function PlayScreen({ data }: { data: string | null }) {
  const [decoded, setDecoded] = useState<Decoded>({ state: "decoding" });
  useEffect(() => {
    let live = true;
    setDecoded({ state: "decoding" });
    if (!data) {
      setDecoded({ state: "broken-link", message: t("play.link.empty") });
      return;
    }
    decodeLevelLink(data).then(
      (text) => live && setDecoded({ state: "decoded", text }),
      (e: unknown) => live && setDecoded({ state: "broken-link", message: linkProblem(e) }),
    );
    return () => {
      live = false;
    };
  }, [data]);
  const parsed = useMemo(() => (decoded.state === "decoded" ? parseLevel(decoded.text) : null), [decoded]);
  const loaded = useMemo<LoadedLevel | null>(
    () => (parsed?.ok && decoded.state === "decoded" ? { id: parsed.value.spec.id, text: decoded.text, level: parsed.value, source: "link" } : null),
    [parsed, decoded],
  );

  if (decoded.state === "decoding") return <p className="loading">{t("play.link.opening")}</p>;
  if (decoded.state === "broken-link") {
    return (
      <ProblemScreen title={t("play.link.broken")}>
        <p>{decoded.message}.</p>
      </ProblemScreen>
    );
  }
  if (!loaded) {
    return (
      <ProblemScreen title={t("play.link.errors")}>
        <ErrorList errors={parsed && !parsed.ok ? parsed.error : ([] as LevelError[])} />
      </ProblemScreen>
    );
  }
  const copy = (
    <a className="topbar-link" href={newDraftHref({ link: data! })}>
      {t("play.editCopy")}
    </a>
  );
  return <AnyGameScreen loaded={loaded} nextHref={null} links={copy} />;
}
