// A level screen for any level: a fix-it level (one with `fix`) gets its own screen, loaded only
// when one is opened (it brings the judge); every other level gets the usual GameScreen.

import { lazy, Suspense, type ComponentProps } from "react";
import { levelKind } from "../../engine/play";
import { t } from "../../i18n/index";
import { GameScreen } from "./GameScreen";

const FixItScreen = lazy(() => import("./FixItScreen").then((m) => ({ default: m.FixItScreen })));

export function AnyGameScreen(props: ComponentProps<typeof GameScreen>) {
  if (levelKind(props.loaded.level.spec) !== "fix") return <GameScreen {...props} />;
  return (
    <Suspense fallback={<p role="status">{t("common.loadingLevel")}</p>}>
      <FixItScreen loaded={props.loaded} nextHref={props.nextHref} links={props.links} />
    </Suspense>
  );
}
