// Thread code in the student's language. The UI loads each dialect on demand (import()), so the
// level screen carries only the level's own language; tests and the CLI take them all at once
// from ./dialects.

import type { Dialect, TargetLanguage } from "./core";

export * from "./core";

export function loadDialect(language: TargetLanguage): Promise<Dialect> {
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
