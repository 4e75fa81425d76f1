// Runs of purely local steps, taken at once by the reduced search (REDUCTION.md, "Local runs"):
// after a move, every thread that stands at a step that only does local work (StepFootprints,
// `localStep`) takes it, and the next, until each stands at an access. The states in between
// are neither stored nor expanded. The run is a function of the state alone, so a schedule
// through it is found again by running it again (explore.ts `movesTo`, find-path.ts).

import { Analyzer } from "../engine/index";
import type { Program } from "../engine/machine";
import * as I from "../engine/machine";
import type { StepFootprints } from "./independence";

const { execStep, newFault, OK } = I;

export class LocalRuns {
  private readonly analyzer: Analyzer;
  private readonly fault = newFault();
  /** Has the level a `critical_section();` at all? (Only then is mutual exclusion looked at.) */
  private readonly critical: boolean;

  constructor(
    private readonly p: Program,
    private readonly footprints: StepFootprints,
  ) {
    this.analyzer = new Analyzer(p);
    this.critical = p.critical.includes(1);
  }

  /**
   * Can this level's search take local runs? Not where a loop of local work and reads exists (a
   * run could go round it for ever; that is also where the proviso is needed), nor where a
   * thread with an enabled step may be busy-waiting (a state in the middle of a run could then
   * be a deadlock, which must be stored and reported).
   */
  static applicable(f: StepFootprints): boolean {
    return f.applicable && !f.provisoNeeded && !f.mayBusyWait;
  }

  /**
   * Runs, in state `s` (a whole state with scratch registers), each thread's local steps in
   * thread order, and pushes the thread of each step onto `moves` if given. Does nothing in a
   * state that breaks mutual exclusion: the game is over there.
   */
  run(s: Int32Array, moves: number[] | null): void {
    const { p, footprints, fault } = this;
    const local = footprints.localStep;
    if (this.critical && this.analyzer.criticalThreads(s) >= 2) return;
    const threadBase = p.threadBase;
    for (let t = 0; t < threadBase.length; t++) {
      const base = threadBase[t];
      while (s[base + 1] === 0 && local[s[base]] === 1) {
        if (execStep(p, s, t, fault) !== OK) throw new Error(`local-runs: thread ${t}'s local step did not end well`);
        moves?.push(t);
      }
    }
  }
}
