// The "Hardware mode" button under a level, and the panel it opens. The panel and its worker
// code load only when opened, so playing a level never pays for them.

import { lazy, Suspense, useState } from "react";
import type { Program } from "../../engine/index";

const HardwarePanel = lazy(() => import("../../hardware/HardwarePanel").then((m) => ({ default: m.HardwarePanel })));

export function HardwareSection({ program, levelId }: { program: Program; levelId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="hardware-section">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Hardware mode
      </button>
      {open && (
        <Suspense fallback={<p role="status">Loading hardware mode…</p>}>
          <HardwarePanel program={program} levelId={levelId} />
        </Suspense>
      )}
    </div>
  );
}
