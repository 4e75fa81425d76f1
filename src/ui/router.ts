// Hash routes: `#/` the campaign, `#/level/<id>` a campaign level, `#/play?level=<data>` a level
// carried in the link. The browser's history does the rest, so Back works.

import { useSyncExternalStore } from "react";

export type Route =
  | { screen: "campaign" }
  | { screen: "level"; id: string }
  | { screen: "play"; data: string | null }
  | { screen: "not-found"; hash: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  if (path === "/") return { screen: "campaign" };
  const level = /^\/level\/([^/?#]+)$/.exec(path);
  if (level) return { screen: "level", id: safeDecode(level[1]) };
  const play = /^\/play(?:\?(.*))?$/.exec(path);
  if (play) return { screen: "play", data: new URLSearchParams(play[1] ?? "").get("level") };
  return { screen: "not-found", hash: path };
}

export const campaignHref = "#/";
export const levelHref = (id: string) => `#/level/${encodeURIComponent(id)}`;
export const playHref = (data: string) => `#/play?level=${data}`;

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

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, "");
}
