// A level's threads in the chosen language, loaded on demand: null while the renderer loads (the
// level's own code is shown meanwhile) and for the level's own language.

import { useEffect, useState } from "react";
import type { LevelSpec } from "../engine/index";
import { loadRenderer, type Language, type RenderedLevel } from "../engine/render/index";

const cache = new WeakMap<LevelSpec, Map<Language, RenderedLevel>>();

export function useRenderedLevel(spec: LevelSpec, language: Language): RenderedLevel | null {
  const cached = cache.get(spec)?.get(language) ?? null;
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (language === "interleave" || cached) return;
    let live = true;
    loadRenderer(language)
      .then((render) => {
        const forSpec = cache.get(spec) ?? new Map<Language, RenderedLevel>();
        forSpec.set(language, render(spec));
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
