// The first-time tour on the campaign's first level: six short stops (a thread, Step, the next
// step, the shared state, Undo, the goal), each pointing at the real control. A non-modal dialog:
// the game stays usable behind it (keys included), focus moves into it and back out when it
// ends, Escape or "Skip the tour" ends it at any stop, and once finished or skipped it is never
// shown again (settings). It stands aside while the outcome dialog is open.

import { useId, useLayoutEffect, useRef, useState } from "react";
import { t, type MessageId } from "../../i18n/index";
import { settingsStore } from "../use-settings";

interface Stop {
  /** The element the stop points at. */
  target: string;
  title: MessageId;
  text: MessageId;
}

export const TOUR_STOPS: readonly Stop[] = [
  { target: ".threads .thread", title: "common.tour.thread.title", text: "common.tour.thread.text" },
  { target: ".threads .thread .thread-actions .primary", title: "common.tour.step.title", text: "common.tour.step.text" },
  { target: ".threads .thread .next-step", title: "common.tour.nextStep.title", text: "common.tour.nextStep.text" },
  { target: ".shared", title: "common.tour.shared.title", text: "common.tour.shared.text" },
  { target: ".toolbar", title: "common.tour.undo.title", text: "common.tour.undo.text" },
  { target: ".goal", title: "common.tour.goal.title", text: "common.tour.goal.text" },
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
        {t("common.tour.count", { at: at + 1, count: TOUR_STOPS.length })}
      </p>
      <h2 id={titleId}>{t(stop.title)}</h2>
      <p id={textId}>{t(stop.text)}</p>
      <div className="tour-actions">
        <button type="button" className="quiet" onClick={end}>
          {t("common.tour.skip")}
        </button>
        {at > 0 && (
          <button type="button" onClick={() => setAt(at - 1)}>
            {t("common.tour.back")}
          </button>
        )}
        <button type="button" className="primary" ref={primary} onClick={() => (last ? end() : setAt(at + 1))}>
          {last ? t("common.tour.done") : t("common.tour.next")}
        </button>
      </div>
    </section>
  );
}
