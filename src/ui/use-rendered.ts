// A level's threads in the chosen language, loaded on demand with their colours: null while the
// renderer loads (the level's own code is shown meanwhile) and for the level's own language.

import { useEffect, useState } from "react";
import type { LevelSpec } from "../engine/play";
import { loadRenderer, type Language, type RenderedCode, type TargetLanguage } from "../engine/render/index";
import type { Piece } from "./code-display";

export interface RenderedThread {
  code: RenderedCode;
  language: TargetLanguage;
  /** The rendered lines in coloured pieces. */
  pieces: Piece[][];
}

export interface RenderedShown {
  language: TargetLanguage;
  /** One per `threads` entry of the level. */
  threads: RenderedThread[];
  /** The shared declarations, in coloured pieces, a line each. */
  declarations: Piece[][];
}

const cache = new WeakMap<LevelSpec, Map<Language, RenderedShown>>();

export function useRenderedLevel(spec: LevelSpec, language: Language): RenderedShown | null {
  const cached = cache.get(spec)?.get(language) ?? null;
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (language === "interleave" || cached) return;
    let live = true;
    Promise.all([loadRenderer(language), import("./lang-display")])
      .then(([render, display]) => {
        const shared = new Set(Object.keys(spec.shared));
        const r = render(spec);
        const threads = r.threads.map((code) => ({ code, language, pieces: display.renderedLines(code.lines, language, shared) }));
        const declarations = display.renderedLines(r.declarations, language, shared);
        const forSpec = cache.get(spec) ?? new Map<Language, RenderedShown>();
        forSpec.set(language, { language, threads, declarations });
        cache.set(spec, forSpec);
        if (live) setLoaded((n) => n + 1);
      })
      .catch(() => {
        // Offline, or a level the renderer cannot show: the level's own code stays on screen.
      });
    return () => {
      live = false;
    };
  }, [spec, language, cached]);
  return language === "interleave" ? null : cached;
}
