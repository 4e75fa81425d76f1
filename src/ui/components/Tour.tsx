// The first-time tour on the campaign's first level: six short stops (a thread, Step, the next
// step, the shared state, Undo, the goal), each pointing at the real control. A non-modal dialog:
// the game stays usable behind it (keys included), focus moves into it and back out when it
// ends, Escape or "Skip the tour" ends it at any stop, and once finished or skipped it is never
// shown again (settings). It stands aside while the outcome dialog is open.

import { useId, useLayoutEffect, useRef, useState } from "react";
import { settingsStore } from "../use-settings";

interface Stop {
  /** The element the stop points at. */
  target: string;
  title: string;
  text: string;
}

export const TOUR_STOPS: readonly Stop[] = [
  {
    target: ".threads .thread",
    title: "A thread",
    text: "Each panel is one thread: its code, with the statement it runs next marked. Hover over a line, or focus it, to read what it does and how many steps it takes.",
  },
  {
    target: ".threads .thread .thread-actions .primary",
    title: "Step",
    text: "Nothing moves until you say so. Step moves this thread by one atomic step; its number key does the same.",
  },
  {
    target: ".threads .thread .next-step",
    title: "The next step",
    text: "This line says what the thread's next step will do. A statement can take several steps, and another thread may move between them.",
  },
  {
    target: ".shared",
    title: "Shared state",
    text: "What the threads share: variables, locks and the like. Watch it change as you step.",
  },
  {
    target: ".toolbar",
    title: "Undo",
    text: "Took a step you regret? Undo takes it back (U or Control+Z), as often as you like. Reset starts over.",
  },
  {
    target: ".goal",
    title: "Your goal",
    text: "The goal says which misbehaviour wins the level. You are the Scheduler: find the order of steps that breaks the program.",
  },
];

export function Tour({ hidden }: { hidden: boolean }) {
  const [at, setAt] = useState(0);
  const titleId = useId();
  const textId = useId();
  const primary = useRef<HTMLButtonElement>(null);
  // Where focus was before the tour took it (read while rendering, before any effect moves it).
  const [returnTo] = useState(() => document.activeElement);
  const stop = TOUR_STOPS[at];
  const last = at === TOUR_STOPS.length - 1;

  const end = () => {
    settingsStore.getState().finishTour();
    // Back where focus was; if it was nowhere in particular, on the first thread's Step.
    const back = returnTo;
    const to = back instanceof HTMLElement && back.isConnected && back !== document.body && !back.closest(".tour")
      ? back
      : document.querySelector<HTMLElement>(TOUR_STOPS[1].target);
    to?.focus();
  };

  // Point at the stop's control, and keep focus on the tour's main button.
  useLayoutEffect(() => {
    if (hidden) return;
    const el = document.querySelector(stop.target);
    el?.classList.add("tour-target");
    el?.scrollIntoView?.({ block: "center" });
    primary.current?.focus({ preventScroll: true });
    return () => el?.classList.remove("tour-target");
  }, [stop, hidden]);

  if (hidden) return null;
  return (
    <section
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={textId}
      className="tour"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          end();
        }
      }}
    >
      <p className="tour-count">
        Tour, {at + 1} of {TOUR_STOPS.length}
      </p>
      <h2 id={titleId}>{stop.title}</h2>
      <p id={textId}>{stop.text}</p>
      <div className="tour-actions">
        <button type="button" className="quiet" onClick={end}>
          Skip the tour
        </button>
        {at > 0 && (
          <button type="button" onClick={() => setAt(at - 1)}>
            Back
          </button>
        )}
        <button type="button" className="primary" ref={primary} onClick={() => (last ? end() : setAt(at + 1))}>
          {last ? "Done" : "Next"}
        </button>
      </div>
    </section>
  );
}
