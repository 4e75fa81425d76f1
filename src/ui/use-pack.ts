// A remembered pack for a screen: its text from the pack store, checked once a visit
// (pack-open.ts), and its progress, read from the save when the pack is first shown and again
// when another tab saves it.

import { useEffect, useState } from "react";
import type { LevelError } from "../engine/play";
import { loadPackOnce, type OpenedPack } from "./pack-open";
import { packProgressKey, type PackSolved } from "./store/pack-saves";
import { progressId } from "./store/pack-store";
import { packStore, usePacks } from "./use-packs";

export type PackState =
  | { status: "missing" }
  | { status: "checking" }
  | { status: "broken"; errors: LevelError[]; file: string }
  | { status: "ready"; opened: OpenedPack };

/** A name for the pack's file in error messages. */
export function packFileName(id: string): string {
  const remembered = packStore.getState().packs.find((p) => p.id === id);
  return remembered?.src ?? `${id}.json`;
}

export function useOpenedPack(id: string): PackState {
  const text = usePacks((s) => (s.packs.some((p) => p.id === id) ? s.textOf(id) : null));
  const [state, setState] = useState<{ text: string | null; value: PackState }>({ text: null, value: { status: "checking" } });
  useEffect(() => {
    if (text === null) return;
    let live = true;
    loadPackOnce(text, packFileName(id)).then((load) => {
      if (!live) return;
      setState({ text, value: load.ok ? { status: "ready", opened: load.value } : { status: "broken", errors: load.error, file: load.file } });
    });
    return () => {
      live = false;
    };
  }, [id, text]);
  if (text === null) return { status: "missing" };
  return state.text === text ? state.value : { status: "checking" };
}

const NONE: ReadonlyMap<string, PackSolved> = new Map();

/** The pack's solved levels, loaded from the save on first use. */
export function usePackProgress(opened: OpenedPack | null): ReadonlyMap<string, PackSolved> {
  const key = opened ? progressId(opened.ref) : null;
  const progress = usePacks((s) => (key === null ? NONE : s.progress.get(key)));
  useEffect(() => {
    if (!opened) return;
    if (!packStore.getState().progress.has(progressId(opened.ref))) packStore.getState().loadProgress(opened.ref);
    const saveKey = packProgressKey(opened.ref.id, opened.ref.hash);
    const follow = (e: StorageEvent) => {
      if (e.key === saveKey) packStore.getState().loadProgress(opened.ref);
    };
    window.addEventListener("storage", follow);
    return () => window.removeEventListener("storage", follow);
  }, [opened]);
  return progress ?? NONE;
}
