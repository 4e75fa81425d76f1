// `#/packs/<pack>/<level>`: one of a pack's levels, played on the usual level screen (break it,
// prove it, or fix it). A win is recorded in the pack's own progress (see recordWin). A
// parameterised level is played in the student's own variant: their name is asked first.

import { useMemo } from "react";
import { isParameterised, studentLevel } from "../../course/variant";
import { t } from "../../i18n/index";
import { usePackStudent } from "../pack-student";
import { packHref, packLevelHref } from "../router";
import type { LoadedLevel } from "../store/game-slice";
import { useOpenedPack } from "../use-pack";
import { ErrorList, ProblemScreen } from "./Chrome";
import { AnyGameScreen } from "./AnyGameScreen";
import { NoSuchPack } from "./PackScreen";
import { StudentNameForm } from "./StudentName";

export function PackLevelScreen({ pack, id }: { pack: string; id: string }) {
  const state = useOpenedPack(pack);
  const opened = state.status === "ready" ? state.opened : null;
  const level = opened?.levels.get(id);
  const student = usePackStudent(pack);
  const needsName = level !== undefined && isParameterised(level) && student === "";
  const own = useMemo(() => (opened && level && !needsName ? studentLevel(opened.pack.id, level, student) : null), [opened, level, student, needsName]);
  const loaded = useMemo<LoadedLevel | null>(
    () => (opened && own?.ok ? { id, text: own.value.text, level: own.value.level, source: "pack", pack: opened.ref } : null),
    [opened, own, id],
  );
  if (state.status === "missing") return <NoSuchPack id={pack} />;
  if (state.status === "checking") return <p className="loading" role="status">{t("packs.checking")}</p>;
  if (state.status === "broken") {
    return (
      <ProblemScreen title={t("packs.broken.title")}>
        <ErrorList errors={state.errors} file={state.file} />
      </ProblemScreen>
    );
  }
  if (needsName) {
    return (
      <ProblemScreen title={t("packs.student.ownNumbers")}>
        <StudentNameForm packId={pack} focus />
        <p>
          <a href={packHref(pack)}>{t("packs.level.back")}</a>
        </p>
      </ProblemScreen>
    );
  }
  if (own && !own.ok) {
    return (
      <ProblemScreen title={t("packs.level.variantBroken")}>
        <ErrorList errors={own.error} file={`${id}.json`} />
      </ProblemScreen>
    );
  }
  if (!loaded || !opened) {
    return (
      <ProblemScreen title={t("packs.level.missing.title")}>
        <p>
          {t("packs.level.missing.text", { id })} <a href={packHref(pack)}>{t("packs.level.back")}</a>
        </p>
      </ProblemScreen>
    );
  }
  const at = opened.order.indexOf(id);
  const next = at >= 0 && at + 1 < opened.order.length ? opened.order[at + 1] : null;
  const back = (
    <a className="topbar-link" href={packHref(pack)}>
      {t("packs.level.back")}
    </a>
  );
  return <AnyGameScreen key={`${pack}/${id}/${student}`} loaded={loaded} nextHref={next ? packLevelHref(pack, next) : packHref(pack)} links={back} />;
}
