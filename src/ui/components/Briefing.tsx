// Before and during play: the story, the goal in plain words, and the hint when asked for.
// The story and goal are open when a level starts and fold away at the first move (the player
// may open them again); the hint stays outside the fold and is scrolled into view when asked for.

import { useEffect, useRef, useState, type ReactNode } from "react";
import { levelKind, type Level } from "../../engine/play";
import { localizedText } from "../../engine/translations";
import { currentLocale, t } from "../../i18n/index";
import { editableText, fixGoalText } from "../fix-words";
import { useApp } from "../use-app";
import { goalList, goalText, lossText } from "../words";
import { HintPanel } from "./HintPanel";
import { Markdown } from "./Markdown";

/** Levels whose briefing has been folded (by the first move or by hand) since the page loaded:
 *  coming back to one keeps it as the player left it. */
const folded = new Set<string>();

export function Briefing({ level, keepOpen = false }: { level: Level; /** The tour points at the goal. */ keepOpen?: boolean }) {
  const spec = level.spec;
  const kind = levelKind(spec);
  const text = localizedText(spec, currentLocale());
  const [open, setOpen] = useState(() => !folded.has(spec.id));
  const moved = useApp((s) => (s.game?.schedule.length ?? 0) > 0);
  useEffect(() => {
    if (!moved || keepOpen || folded.has(spec.id)) return;
    folded.add(spec.id);
    setOpen(false);
  }, [moved, keepOpen, spec.id]);
  const toggle = (next: boolean) => {
    if (next === open) return;
    if (!next) folded.add(spec.id);
    setOpen(next);
  };
  return (
    <div className="briefing">
      <details className="brief" open={open} onToggle={(e) => toggle(e.currentTarget.open)}>
        <summary>{text.story ? t("play.brief.storyAndGoal") : t("play.brief.goal")}</summary>
        {text.story && (
          <section className="story-box" aria-label={t("play.brief.story")}>
            <Markdown className="story" text={text.story} />
          </section>
        )}
        <section className="goal" aria-labelledby="goal-heading">
          <h2 id="goal-heading">{t("play.brief.goal")}</h2>
          {kind === "fix" ? (
            <>
              <p>{fixGoalText(spec.fix!)}</p>
              <p className="muted">{t("play.brief.fixEditable", { editable: editableText(spec.fix!, spec.threads) })}</p>
            </>
          ) : kind === "prove" ? (
            <p>{t("play.brief.prove", { goals: goalList(spec.win) })}</p>
          ) : (
            <>
              <p>{goalText(spec.win)}</p>
              <p className="muted">{lossText()}</p>
            </>
          )}
        </section>
      </details>
      <HintInView>
        <HintPanel written={text.hint} program={level.program} />
      </HintInView>
    </div>
  );
}

/** Brings the hint into view whenever the player asks for it (the Hint button or H), not when a
 *  move clears the next-move part. */
function HintInView({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const asked = useApp((s) => (s.searches.hint.status !== "idle" ? `search:${s.searches.hint.status}` : s.hintShown ? "written" : ""));
  const last = useRef(asked);
  useEffect(() => {
    const before = last.current;
    last.current = asked;
    // A move sets the search back to idle, which leaves "written": that is not a request.
    if (asked === "" || asked === before || (asked === "written" && before.startsWith("search:"))) return;
    box.current?.scrollIntoView?.({ block: "nearest" });
  }, [asked]);
  return (
    <div ref={box} className="hint-slot">
      {children}
    </div>
  );
}
