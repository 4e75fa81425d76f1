// A control that explains something on hover, on focus and on click (for touch): the text is a
// tooltip the control is described by, present for screen readers even while hidden; Escape hides it.

import { useEffect, useId, useState, type ReactNode } from "react";

export function Explain({ children, text, className }: { children: ReactNode; text: string; className?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <span className="explain" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className={className ? `explain-trigger ${className}` : "explain-trigger"}
        aria-describedby={id}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      >
        {children}
      </button>
      <span role="tooltip" id={id} className="explain-tip" hidden={!open}>
        {text}
      </span>
    </span>
  );
}
