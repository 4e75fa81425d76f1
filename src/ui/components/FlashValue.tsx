// A value that flashes when it changes: a new key restarts the CSS animation.

import { useRef } from "react";

export function FlashValue({ value, text = String(value) }: { value: number | string | boolean; text?: string }) {
  const last = useRef(value);
  const changes = useRef(0);
  if (last.current !== value) {
    last.current = value;
    changes.current++;
  }
  return (
    <span key={changes.current} className={changes.current > 0 ? "value flash" : "value"}>
      {text}
    </span>
  );
}

export const showValue = (type: "int" | "bool", v: number) => (type === "bool" ? (v !== 0 ? "true" : "false") : String(v));
