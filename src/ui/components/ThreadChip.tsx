// A thread's name in its colour, wherever a thread appears: owners, wait sets, the schedule.

import { createContext, useContext } from "react";

/** Thread name -> index, for colours. */
export const ThreadColors = createContext<ReadonlyMap<string, number>>(new Map());

export const PALETTE_SIZE = 8;
export const threadClass = (index: number) => `tc-${index % PALETTE_SIZE}`;

export function ThreadChip({ name, prefix, suffix }: { name: string; prefix?: string; suffix?: string }) {
  const index = useContext(ThreadColors).get(name) ?? 0;
  return (
    <span className={`chip ${threadClass(index)}`}>
      {prefix && <span className="chip-prefix">{prefix}</span>}
      {name}
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
