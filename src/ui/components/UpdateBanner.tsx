// "A new version is ready": shown when a new version of the game has installed behind the one
// running (src/offline/update.ts). The new version takes over only when the player reloads with
// this button, so nothing changes under a level in progress.

import { useEffect, useState } from "react";
import { t } from "../../i18n/index";
import { watchForUpdate } from "../../offline/update";
import "../styles/update-banner.css";

export function UpdateBanner() {
  const [reload, setReload] = useState<(() => void) | null>(null);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const page = { reload: () => location.reload(), setInterval: (run: () => void, ms: number) => window.setInterval(run, ms), clearInterval: (id: number) => window.clearInterval(id) };
    return watchForUpdate(navigator.serviceWorker, page, (r) => setReload(() => r));
  }, []);
  if (!reload) return null;
  return (
    <div className="notice update-banner" role="status">
      <p>{t("common.update.ready")}</p>
      <button type="button" className="primary" onClick={reload}>
        {t("common.update.reload")}
      </button>
    </div>
  );
}
