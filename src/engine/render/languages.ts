// The languages thread code can be shown in. Tiny on purpose: the UI loads the renderers on demand.

/** Languages the thread code can be shown in; "interleave" is the level's own. */
export const LANGUAGES = ["interleave", "csharp", "java", "python", "c"] as const;
export type Language = (typeof LANGUAGES)[number];
export type TargetLanguage = Exclude<Language, "interleave">;
export const TARGET_LANGUAGES: readonly TargetLanguage[] = ["csharp", "java", "python", "c"];

export const LANGUAGE_LABELS: Record<Language, string> = {
  interleave: "Interleave",
  csharp: "C#",
  java: "Java",
  python: "Python",
  c: "C",
};

