// Before and during play: the story, the goal in plain words, and the hint when asked for.
// The story and goal are open when a level starts and fold away at the first move (the player
// may open them again); the hint stays outside the fold and is scrolled into view when asked for.

import { useEffect, useRef, useState, type ReactNode } from "react";
import { levelKind, type Level } from "../../engine/play";
import { editableText, fixGoalText } from "../fix-words";
import { useApp } from "../use-app";
import { goalText, LOSS_TEXT } from "../words";
import { HintPanel } from "./HintPanel";
import { Markdown } from "./Markdown";

/** Levels whose briefing has been folded (by the first move or by hand) since the page loaded:
 *  coming back to one keeps it as the player left it. */
const folded = new Set<string>();

export function Briefing({ level, keepOpen = false }: { level: Level; /** The tour points at the goal. */ keepOpen?: boolean }) {
  const spec = level.spec;
  const kind = levelKind(spec);
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
        <summary>{spec.story ? "Story and goal" : "Goal"}</summary>
        {spec.story && (
          <section className="story-box" aria-label="Story">
            <Markdown className="story" text={spec.story} />
          </section>
        )}
        <section className="goal" aria-labelledby="goal-heading">
          <h2 id="goal-heading">Goal</h2>
          {kind === "fix" ? (
            <>
              <p>{fixGoalText(spec.fix!)}</p>
              <p className="muted">{editableText(spec.fix!, spec.threads)} Play the broken code first if you like, to watch it fail; the level is won when your fix holds.</p>
            </>
          ) : kind === "prove" ? (
            <p>
              This code is meant to be correct. Try every order you like: no schedule should reach any of these outcomes. {goalText(spec.win).replace(/^Win: /, "They are: ")}
            </p>
          ) : (
            <>
              <p>{goalText(spec.win)}</p>
              <p className="muted">{LOSS_TEXT}</p>
            </>
          )}
        </section>
      </details>
      <HintInView>
        <HintPanel written={spec.hint} program={level.program} />
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
