// The level as students will see it, playable, beside the editor. It shows the last version of
// the text that had no errors, and says so when the text has errors now.

import type { Ref } from "react";
import { t } from "../i18n/index";
import { LevelPlay } from "../ui/components/LevelPlay";
import type { LoadedLevel } from "../ui/store/game-slice";
import { appStore } from "../ui/use-app";

// One object for good (the preview's shortcuts are bound to it); its label is read in the language of the moment.
const playAgain = {
  get label() {
    return t("editor.preview.playAgain");
  },
  perform: () => void appStore.getState().reset(),
};

interface Props {
  preview: LoadedLevel | null;
  /** The editor's text has errors now: the preview is of an earlier version. */
  stale: boolean;
  ref?: Ref<HTMLElement>;
}

export function PreviewPanel({ preview, stale, ref }: Props) {
  return (
    <section ref={ref} className="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("editor.preview.heading")}</h2>
      {!preview ? (
        <p className="muted">{t("editor.preview.fixFirst")}</p>
      ) : (
        <>
          {stale && <p className="preview-note">{t("editor.preview.stale")}</p>}
          <div className="preview-title">
            <p className="preview-level-title">{preview.level.spec.title}</p>
            <p className="muted">{preview.level.spec.summary}</p>
          </div>
          <LevelPlay loaded={preview} nextHref={null} afterWin={playAgain} typing />
        </>
      )}
    </section>
  );
}
