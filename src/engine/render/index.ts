// Thread code in the student's language. The UI loads the renderer and each dialect on demand
// (import()), so the level screen carries only the level's own language; tests and tools take
// them all at once from ./dialects.

import type { LevelSpec } from "../level";
import type { RenderedLevel } from "./core";
import type { TargetLanguage } from "./languages";

export * from "./languages";
export type { RenderedCode, RenderedLevel, StatementPlace } from "./core";

function dialect(language: TargetLanguage) {
  switch (language) {
    case "csharp":
      return import("./csharp").then((m) => m.csharp);
    case "java":
      return import("./java").then((m) => m.java);
    case "python":
      return import("./python").then((m) => m.python);
    case "c":
      return import("./c").then((m) => m.c);
  }
}

/** Loads what it takes to show levels in `language`. */
export async function loadRenderer(language: TargetLanguage): Promise<(spec: LevelSpec) => RenderedLevel> {
  const [core, d] = await Promise.all([import("./core"), dialect(language)]);
  return (spec) => core.renderLevel(spec, d);
}
