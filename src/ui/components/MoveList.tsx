// A schedule written out as a numbered list of moves, each with its thread's colour: the editor's
// shortest schedule and a fix's counterexample.

import type { Move, Program } from "../../engine/play";
import { ThreadChip, ThreadColors } from "./ThreadChip";
import { moveSuffix } from "./Toolbar";

export function MoveList({ program, moves, label, className }: { program: Program; moves: readonly Move[]; label: string; className: string }) {
  const colors = new Map(program.threads.map((t, i) => [t.name, i]));
  return (
    <ThreadColors.Provider value={colors}>
      <ol className={className} aria-label={label}>
        {moves.map((m, i) => (
          <li key={i}>
            <ThreadChip prefix={`${i + 1}. `} name={program.threads[m.thread].name} suffix={moveSuffix(m)} />
          </li>
        ))}
      </ol>
    </ThreadColors.Provider>
  );
}
