// Before and during play: the story, the goal in plain words, and the hint when asked for.

import type { Level } from "../../engine/index";
import { editableText, fixGoalText } from "../fix-words";
import { goalText, LOSS_TEXT } from "../words";
import { HintPanel } from "./HintPanel";
import { Markdown } from "./Markdown";

export function Briefing({ level }: { level: Level }) {
  const spec = level.spec;
  return (
    <div className="briefing">
      {spec.story && (
        <section className="story-box" aria-label="Story">
          <Markdown className="story" text={spec.story} />
        </section>
      )}
      <section className="goal" aria-labelledby="goal-heading">
        <h2 id="goal-heading">Goal</h2>
        {spec.fix ? (
          <>
            <p>{fixGoalText(spec.fix)}</p>
            <p className="muted">{editableText(spec.fix, spec.threads)} Play the broken code first if you like, to watch it fail; the level is won when your fix holds.</p>
          </>
        ) : spec.breakable === false ? (
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
      <HintPanel written={spec.hint} program={level.program} />
    </div>
  );
}
