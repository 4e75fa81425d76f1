// The interface's language, in the settings: every language we have, each named in itself. The
// choice is remembered; the interface switches at once (main.tsx re-renders it).

import { useId } from "react";
import { LOCALE_NAMES, LOCALES, isLocale, t } from "../../i18n/index";
import { chosenLocale } from "../locale";
import { settingsStore } from "../use-settings";

export function InterfaceLanguage() {
  const id = useId();
  return (
    <div className="interface-language">
      <label htmlFor={id}>{t("common.settings.interfaceLanguage")}</label>
      <select
        id={id}
        value={chosenLocale()}
        onChange={(e) => {
          if (isLocale(e.target.value)) settingsStore.getState().setLocale(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES.get(l)}
          </option>
        ))}
      </select>
    </div>
  );
}
