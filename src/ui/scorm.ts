// The game inside an LMS: when a SCORM package (`levels scorm`) is launched on its pack and a
// SCORM 1.2 API is found (window.API in this window, a parent frame or the opener's, searched by
// the standard algorithm, bounded), the pack's progress is reported to it: cmi.core.lesson_status
// (incomplete, or completed once every level of the pack is solved), cmi.core.score.raw (levels
// solved as a percentage of the pack's levels, min 0, max 100) and the progress itself in
// cmi.suspend_data (course/suspend-data.ts), committed on every change and finished on unload. On
// the next launch the progress is restored from suspend_data. Outside an LMS nothing happens.

import { decodeSuspendData, encodeSuspendData } from "../course/suspend-data";
import { loadPackOnce, type OpenedPack } from "./pack-open";
import { packProgressKey, writePackProgress, type PackSolution, type PackSolved } from "./store/pack-saves";
import { progressId } from "./store/pack-store";
import { packStore } from "./use-packs";

/** The SCORM 1.2 run-time API an LMS puts on a window as `API`. */
export interface Scorm12Api {
  LMSInitialize(arg: ""): string;
  LMSFinish(arg: ""): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ""): string;
}

/** How many parent frames the search climbs (the ADL sample gives up after 7; LMSs nest a few). */
const MAX_FRAMES = 10;

function apiOn(win: Window): Scorm12Api | null {
  try {
    const api = (win as unknown as { API?: unknown }).API;
    const has = (name: string) => typeof (api as Record<string, unknown> | undefined)?.[name] === "function";
    return api && ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit"].every(has) ? (api as Scorm12Api) : null;
  } catch {
    // A frame of another origin: no API there for us.
    return null;
  }
}

function searchUp(start: Window): Scorm12Api | null {
  let win = start;
  for (let climbed = 0; climbed <= MAX_FRAMES; climbed++) {
    const api = apiOn(win);
    if (api) return api;
    let parent: Window | null;
    try {
      parent = win.parent;
    } catch {
      return null;
    }
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/** The top of `win`'s frames, climbing at most as far as the search does. */
function topOf(win: Window): Window {
  let top = win;
  try {
    for (let climbed = 0; climbed <= MAX_FRAMES && top.parent && top.parent !== top; climbed++) top = top.parent;
  } catch {
    // A parent of another origin: the climb stops below it.
  }
  return top;
}

/** The LMS's SCORM 1.2 API: in this window or a parent frame, else in the frames of this window's (or its top's) opener. */
export function findScormApi(win: Window): Scorm12Api | null {
  const found = searchUp(win);
  if (found) return found;
  for (const from of [win, topOf(win)]) {
    try {
      const opener = from.opener as Window | null | undefined;
      const api = opener ? searchUp(opener) : null;
      if (api) return api;
    } catch {
      // An opener of another origin.
    }
  }
  return null;
}

/** What the LMS is told about a pack's progress. */
export function scormReport(opened: OpenedPack, solved: ReadonlyMap<string, PackSolved>, alsoSolved: ReadonlySet<string>) {
  const count = opened.order.filter((id) => solved.has(id) || alsoSolved.has(id)).length;
  const total = opened.order.length;
  return {
    status: total > 0 && count === total ? "completed" : "incomplete",
    score: total === 0 ? 0 : Math.round((100 * count) / total),
    suspendData: encodeSuspendData(opened.pack, [...solved].map(([id, s]) => ({ id, ...s })), { alsoSolved }),
  };
}

/**
 * Looks for an LMS when the page was launched on a pack (`#/pack?src=...`), and reports to it
 * once that pack is open. Call before the router changes the address, or pass the address the
 * page was launched on and when.
 */
export function startScorm(win: Window = window, { hash = win.location.hash, launchedAt = Date.now() } = {}): void {
  const launch = /^#\/pack\?(.*)$/.exec(hash);
  const src = launch ? new URLSearchParams(launch[1]).get("src") : null;
  if (!src) return;
  const api = findScormApi(win);
  if (!api) return;
  let started = false;
  const unsubscribe = packStore.subscribe(() => {
    if (!started) tryStart();
  });
  const tryStart = () => {
    // The pack as the launch opened it (not an earlier version remembered from a former launch).
    const pack = packStore.getState().packs.find((p) => p.src === src && Date.parse(p.openedAt) >= launchedAt - 1000);
    const text = pack && packStore.getState().textOf(pack.id);
    if (!pack || !text) return;
    started = true;
    unsubscribe();
    void loadPackOnce(text, src).then((load) => {
      if (load.ok) report(api, load.value, win);
    });
  };
  tryStart();
}

function report(api: Scorm12Api, opened: OpenedPack, win: Window): void {
  if (String(api.LMSInitialize("")) !== "true") return;
  const { ref } = opened;
  const resumed = decodeSuspendData(opened.pack, api.LMSGetValue("cmi.suspend_data"));
  restore(opened, resumed.solved);
  const alsoSolved = new Set(resumed.solvedIds);
  let last = "";
  const send = () => {
    const solved = packStore.getState().progress.get(progressId(ref)) ?? new Map<string, PackSolved>();
    const { status, score, suspendData } = scormReport(opened, solved, alsoSolved);
    const now = `${status} ${score} ${suspendData}`;
    if (now === last) return;
    last = now;
    api.LMSSetValue("cmi.core.lesson_status", status);
    api.LMSSetValue("cmi.core.score.min", "0");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.score.raw", String(score));
    api.LMSSetValue("cmi.suspend_data", suspendData);
    // Keep suspend_data for the next launch, as a paused attempt does.
    api.LMSSetValue("cmi.core.exit", "suspend");
    api.LMSCommit("");
  };
  send();
  const unsubscribe = packStore.subscribe((state, before) => {
    if (state.progress.get(progressId(ref)) !== before.progress.get(progressId(ref))) send();
  });
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    unsubscribe();
    send();
    api.LMSFinish("");
  };
  win.addEventListener("pagehide", finish);
  win.addEventListener("beforeunload", finish);
}

/** Adds the levels suspend_data brings back to the pack's progress in this browser (their times kept). */
function restore(opened: OpenedPack, solved: readonly { id: string; solvedAt: string; }[]): void {
  const { ref } = opened;
  const current = packStore.getState().loadProgress(ref);
  const missing = solved.filter((s) => !current.has(s.id) && opened.levels.has(s.id));
  if (missing.length === 0) return;
  const merged = new Map(current);
  for (const { id, ...rest } of missing) merged.set(id, rest as PackSolved);
  try {
    globalThis.localStorage.setItem(packProgressKey(ref.id, ref.hash), writePackProgress(merged));
    packStore.getState().loadProgress(ref);
  } catch {
    // Storage full or forbidden: kept for this visit, through the store.
    for (const { id, solvedAt: _at, ...solution } of missing as (PackSolved & { id: string })[]) packStore.getState().recordSolved(ref, id, solution as PackSolution);
  }
}
