// The text of a golden file: a level's shared declarations and every thread, in one language.

import type { LevelSpec } from "../level";
import { LANGUAGE_LABELS, renderLevel, type Dialect } from "./core";

export function goldenText(spec: LevelSpec, d: Dialect): string {
  const r = renderLevel(spec, d);
  const note = d.lineComment;
  const parts = [`${note} ${spec.title} (levels/${spec.id}.json), shown as ${LANGUAGE_LABELS[d.language]}.`, "", ...r.declarations];
  spec.threads.forEach((t, i) => {
    parts.push("", `${note} Thread "${t.name}"${t.count !== undefined ? ` (${t.count} copies, id 0 to ${t.count - 1})` : ""}`, ...r.threads[i].lines);
  });
  return parts.join("\n").replace(/\n+$/, "") + "\n";
}
