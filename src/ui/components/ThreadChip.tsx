// A thread's name in its colour, wherever a thread appears: owners, wait sets, the schedule. The
// name comes from the level file: it is isolated (<bdi>) and its bidi controls are shown.

import { createContext, useContext } from "react";
import { shown } from "../words";

/** Thread name -> index, for colours. */
export const ThreadColors = createContext<ReadonlyMap<string, number>>(new Map());

export const PALETTE_SIZE = 8;
export const threadClass = (index: number) => `tc-${index % PALETTE_SIZE}`;

/** `name` is a thread's name, as the level file has it or as shown (the engine's views show it). */
export function ThreadChip({ name, prefix, suffix }: { name: string; prefix?: string; suffix?: string }) {
  const colors = useContext(ThreadColors);
  const index = colors.get(name) ?? [...colors].find(([raw]) => shown(raw) === name)?.[1] ?? 0;
  return (
    <span className={`chip ${threadClass(index)}`}>
      {prefix && <span className="chip-prefix">{prefix}</span>}
      <bdi>{shown(name)}</bdi>
      {suffix}
    </span>
  );
}

/** "A, B and C" as chips. */
export function ThreadChips({ names }: { names: readonly string[] }) {
  return (
    <span className="chips">
      {names.map((n) => (
        <ThreadChip key={n} name={n} />
      ))}
    </span>
  );
}
