// The "Hardware mode" button under a level, and the panel it opens. The panel and its worker
// code load only when opened, so playing a level never pays for them.

import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import type { Program } from "../../engine/play";
import { t } from "../../i18n/index";

const HardwarePanel = lazy(() => import("./HardwarePanel").then((m) => ({ default: m.HardwarePanel })));

export function HardwareSection({ program, levelId }: { program: Program; levelId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="hardware-section">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t("hardware.title")}
      </button>
      {open && (
        <Suspense fallback={<p role="status">{t("hardware.loading")}</p>}>
          <InView>
            <HardwarePanel program={program} levelId={levelId} />
          </InView>
        </Suspense>
      )}
    </div>
  );
}

/** The panel opens under the button, at the bottom of the page: once it has loaded, bring its
 *  heading into view if it is not (it mounts only then, inside the Suspense). */
function InView({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const top = el.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.6) el.scrollIntoView?.({ block: "start" });
  }, []);
  return <div ref={box}>{children}</div>;
}
