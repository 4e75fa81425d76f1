// "Code shown as": the language every thread panel shows its code in. Remembered (settings).

import { useId } from "react";
import { LANGUAGE_LABELS, LANGUAGES, type Language } from "../../engine/render/languages";
import { settingsStore, useSettings } from "../use-settings";

export function LanguagePicker() {
  const language = useSettings((s) => s.language);
  const id = useId();
  return (
    <div className="lang-pick">
      <label htmlFor={id}>Code shown as</label>
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
