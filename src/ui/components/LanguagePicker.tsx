// "Code shown as": the language every thread panel shows its code in (remembered, in settings),
// and the level's shared declarations in that language.

import { useId } from "react";
import { LANGUAGE_LABELS, LANGUAGES, type Language } from "../../engine/play";
import { t } from "../../i18n/index";
import type { RenderedShown } from "../use-rendered";
import { settingsStore, useSettings } from "../use-settings";

export function LanguagePicker() {
  const language = useSettings((s) => s.language);
  const id = useId();
  return (
    <div className="lang-pick">
      <label htmlFor={id}>{t("play.codeLanguage")}</label>
      <select id={id} value={language} onChange={(e) => settingsStore.getState().setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_LABELS[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Declarations({ shown }: { shown: RenderedShown }) {
  return (
    <details className="declarations">
      <summary>{t("play.declarations", { language: LANGUAGE_LABELS[shown.language] })}</summary>
      <pre className="code">
        <code>
          {shown.declarations.map((line, i) => (
            <span key={i} className="decl-line">
              {line.map((p) => (
                <span key={p.start} className={`tok-${p.kind}`}>
                  {p.text}
                </span>
              ))}
            </span>
          ))}
        </code>
      </pre>
    </details>
  );
}
