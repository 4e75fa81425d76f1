// `#/pack?data=…` and `#/pack?src=…`: opens a pack from a link or from a path on this site,
// checks it, remembers it, and replaces itself with the pack's campaign. A pack that cannot be
// had, or has errors, shows why (with file, line and column) and nothing of it runs.

import { useEffect, useState } from "react";
import type { LevelError } from "../../engine/play";
import { t } from "../../i18n/index";
import { loadPackOnce } from "../pack-open";
import { decodePackLink, fetchPackText, packSrcUrl } from "../pack-source";
import { navigate, packHref, type PackSource } from "../router";
import { packStore } from "../use-packs";
import { ErrorList, ProblemScreen } from "./Chrome";

type Opening = { state: "opening" } | { state: "unreachable"; message: string } | { state: "broken"; errors: LevelError[]; file: string };

async function open(from: PackSource): Promise<Opening | null> {
  let text: string;
  let file: string;
  try {
    if ("data" in from) {
      text = await decodePackLink(from.data);
      file = t("packs.link.file");
    } else {
      text = await fetchPackText(packSrcUrl(from.src, document.baseURI), from.src);
      file = from.src;
    }
  } catch (e) {
    return { state: "unreachable", message: e instanceof Error ? e.message : String(e) };
  }
  const load = await loadPackOnce(text, file);
  if (!load.ok) return { state: "broken", errors: load.error, file: load.file };
  const { pack } = load.value;
  if ("data" in from) packStore.getState().remember({ id: pack.id, hash: pack.hash, title: pack.title }, text, "link");
  else packStore.getState().remember({ id: pack.id, hash: pack.hash, title: pack.title }, text, "src", from.src);
  navigate(packHref(pack.id), { replace: true });
  return null;
}

export function OpenPackScreen({ from }: { from: PackSource | null }) {
  const [opening, setOpening] = useState<Opening>({ state: "opening" });
  // The route makes a new object each render: the effect follows what it says.
  const data = from && "data" in from ? from.data : null;
  const src = from && "src" in from ? from.src : null;
  useEffect(() => {
    const source = data !== null ? { data } : src !== null ? { src } : null;
    if (!source) return;
    let live = true;
    open(source).then((result) => live && result && setOpening(result));
    return () => {
      live = false;
    };
  }, [data, src]);
  if (!from) {
    return (
      <ProblemScreen title={t("packs.link.empty.title")}>
        <p>{t("packs.link.empty.text")}</p>
      </ProblemScreen>
    );
  }
  if (opening.state === "opening") return <p className="loading" role="status">{t("packs.link.opening")}</p>;
  if (opening.state === "unreachable") {
    return (
      <ProblemScreen title={t("packs.link.cannotOpen")}>
        <p>{t("packs.link.why", { message: opening.message })}</p>
      </ProblemScreen>
    );
  }
  return (
    <ProblemScreen title={t("packs.broken.title")}>
      <p>{t("packs.broken.text")}</p>
      <ErrorList errors={opening.errors} file={opening.file} />
    </ProblemScreen>
  );
}
