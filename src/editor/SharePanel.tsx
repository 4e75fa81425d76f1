// The level as a link: `#/play?level=` and the level file, raw-DEFLATE compressed and base64url
// encoded (src/ui/share.ts). Whoever opens it plays this version of the level at once.

import { useState } from "react";
import { playHref } from "../ui/router";
import { formatNumber, t } from "../i18n/index";

/** The full address of a link's level, on this site. */
export function shareUrl(data: string): string {
  return `${window.location.origin}${window.location.pathname}${playHref(data)}`;
}

/** Links past this length get cut by some chat and mail programs. */
const LONG_LINK = 8000;

export function SharePanel({ url, hasErrors, onClose }: { url: string; hasErrors: boolean; onClose(): void }) {
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  return (
    <section className="share-panel" aria-labelledby="share-heading">
      <h2 id="share-heading">{t("editor.share.heading")}</h2>
      <label className="share-label" htmlFor="share-url">
        {t("editor.share.label")}
      </label>
      <input id="share-url" className="share-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      <div className="share-actions">
        <button type="button" className="primary" onClick={copy}>
          {t("editor.share.copy")}
        </button>
        <a href={url} target="_blank" rel="noopener">
          {t("editor.share.open")}
        </a>
        <button type="button" className="quiet" onClick={onClose}>
          {t("editor.share.close")}
        </button>
      </div>
      <p className="muted" role="status">
        {[
          copied === "yes" ? t("editor.share.copied") : copied === "failed" ? t("editor.share.copyFailed") : "",
          t("editor.share.holds", { length: formatNumber(url.length) }),
          url.length > LONG_LINK ? t("editor.share.long") : "",
        ]
          .filter((sentence) => sentence !== "")
          .join(" ")}
      </p>
      {hasErrors && <p className="share-warning">{t("editor.share.hasErrors")}</p>}
    </section>
  );
}
