// Hash routes: `#/` the campaign, `#/level/<id>` a campaign level, `#/play?level=<data>` a level
// carried in the link, `#/my-levels/<draft>` one of the player's own levels, and the level editor:
// `#/editor` (start page), `#/editor/<draft>`, and `#/editor?template=<name>`, `?copy=<level id>`
// or `?level=<link data>`, which make a new draft and replace themselves with its address.
// Level packs: `#/pack?data=<link data>` or `#/pack?src=<path on this host>` opens one and
// replaces itself with `#/packs/<pack id>`, the pack's campaign; `#/packs/<pack id>/<level id>`
// plays one of its levels; `#/grade` grades students' records against a pack.
// The browser's history does the rest, so Back works.

import { useSyncExternalStore } from "react";

/** Where a pack to open comes from: link data, or a path on the game's own host. */
export type PackSource = { data: string } | { src: string };

/** Where a new draft comes from, when the editor is asked to make one. */
export type DraftSource = { template: string } | { copy: string } | { link: string };

export type Route =
  | { screen: "campaign" }
  | { screen: "level"; id: string }
  | { screen: "play"; data: string | null }
  | { screen: "my-level"; draft: string }
  | { screen: "editor"; draft: string | null; from: DraftSource | null }
  | { screen: "open-pack"; from: PackSource | null }
  | { screen: "pack"; id: string }
  | { screen: "pack-level"; pack: string; id: string }
  | { screen: "grade" }
  | { screen: "not-found"; hash: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  if (path === "/") return { screen: "campaign" };
  const level = /^\/level\/([^/?#]+)$/.exec(path);
  if (level) return { screen: "level", id: safeDecode(level[1]) };
  const play = /^\/play(?:\?(.*))?$/.exec(path);
  if (play) return { screen: "play", data: new URLSearchParams(play[1] ?? "").get("level") };
  const mine = /^\/my-levels\/([^/?#]+)$/.exec(path);
  if (mine) return { screen: "my-level", draft: safeDecode(mine[1]) };
  const editor = /^\/editor(?:\/([^/?#]+))?(?:\?(.*))?$/.exec(path);
  if (editor) {
    const query = new URLSearchParams(editor[2] ?? "");
    const template = query.get("template");
    const copy = query.get("copy");
    const link = query.get("level");
    const from: DraftSource | null = template ? { template } : copy ? { copy } : link ? { link } : null;
    return { screen: "editor", draft: editor[1] ? safeDecode(editor[1]) : null, from: editor[1] ? null : from };
  }
  const open = /^\/pack(?:\?(.*))?$/.exec(path);
  if (open) {
    const query = new URLSearchParams(open[1] ?? "");
    const data = query.get("data");
    const src = query.get("src");
    return { screen: "open-pack", from: data ? { data } : src ? { src } : null };
  }
  const pack = /^\/packs\/([^/?#]+)(?:\/([^/?#]+))?$/.exec(path);
  if (pack) return pack[2] ? { screen: "pack-level", pack: safeDecode(pack[1]), id: safeDecode(pack[2]) } : { screen: "pack", id: safeDecode(pack[1]) };
  if (path === "/grade") return { screen: "grade" };
  return { screen: "not-found", hash: path };
}

export const campaignHref = "#/";
export const levelHref = (id: string) => `#/level/${encodeURIComponent(id)}`;
export const playHref = (data: string) => `#/play?level=${data}`;
export const myLevelHref = (draft: string) => `#/my-levels/${encodeURIComponent(draft)}`;
export const editorHref = (draft?: string) => (draft ? `#/editor/${encodeURIComponent(draft)}` : "#/editor");
export const packHref = (id: string) => `#/packs/${encodeURIComponent(id)}`;
export const packLevelHref = (pack: string, id: string) => `#/packs/${encodeURIComponent(pack)}/${encodeURIComponent(id)}`;
export const packLinkHref = (data: string) => `#/pack?data=${data}`;
export const packSrcHref = (src: string) => `#/pack?src=${encodeURIComponent(src)}`;
export const gradeHref = "#/grade";
export function newDraftHref(from: DraftSource): string {
  if ("template" in from) return `#/editor?template=${encodeURIComponent(from.template)}`;
  if ("copy" in from) return `#/editor?copy=${encodeURIComponent(from.copy)}`;
  return `#/editor?level=${from.link}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const subscribe = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

/** Goes to `href`; with `replace`, the current history entry is replaced (Back skips it). */
export function navigate(href: string, { replace = false }: { replace?: boolean } = {}): void {
  const hash = href.replace(/^#/, "");
  if (replace) window.location.replace(`#${hash}`);
  else window.location.hash = hash;
}
