// The level as a link: `#/play?level=` and the level file, raw-DEFLATE compressed and base64url
// encoded (src/ui/share.ts). Whoever opens it plays this version of the level at once.

import { useState } from "react";
import { playHref } from "../ui/router";
import { formatCount } from "../ui/words";

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
      <h2 id="share-heading">Share by link</h2>
      <label className="share-label" htmlFor="share-url">
        Link to play this level
      </label>
      <input id="share-url" className="share-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      <div className="share-actions">
        <button type="button" className="primary" onClick={copy}>
          Copy link
        </button>
        <a href={url} target="_blank" rel="noopener">
          Open in a new tab
        </a>
        <button type="button" className="quiet" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted" role="status">
        {copied === "yes" ? "Copied. " : copied === "failed" ? "The browser would not copy it: select the link and copy it yourself. " : ""}
        The link holds this version of the level ({formatCount(url.length)} characters); after more changes, share a new link.
        {url.length > LONG_LINK && " Some chat and mail programs cut links this long: send the exported file instead."}
      </p>
      {hasErrors && <p className="share-warning">The level has problems: the link will show them instead of the game.</p>}
    </section>
  );
}
