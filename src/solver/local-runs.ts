// Runs of local steps, taken at once by the reduced search (REDUCTION.md, "Local runs"): after a
// move, every thread that stands at a step that only does local work, or reads and writes only
// shared variables whose values cannot matter (relevance.ts), takes it, and the next, until each
// stands at another access. The states in between are neither stored nor expanded. The run is a
// function of the state alone, so a schedule through it is found again by running it again
// (explore.ts `movesTo`, find-path.ts).

import { Analyzer } from "../engine/index";
import type { Program } from "../engine/machine";
import * as I from "../engine/machine";
import { hasCycle, nextInstructions, type StepFootprints } from "./independence";
import type { Relevance } from "./relevance";

const { ASSERT, DIV, END, execStep, EXIT, FENCE, LD, MOD, newFault, OK, ST, STMT, STRIDE } = I;
/** Local instructions a step may run and still be sure to end well: not a division (by zero?),
 *  an assert, `exit();` or a fence (it drains the store buffer). */
const RISKY_LOCAL = new Set([DIV, MOD, ASSERT, EXIT, FENCE]);

export class LocalRuns {
  /**
   * Per instruction: 1 when a step starting there is local and sure to end well: on every path
   * to the step's end, only local instructions that cannot fail (not RISKY_LOCAL) and reads and
   * writes of shared scalars whose values cannot matter; and neither its start nor any place
   * it may end at is a `critical_section();`. Such a step changes nothing that matters but its
   * thread's pc and registers, commutes with every move and changes no outcome.
   */
  readonly localStep: Uint8Array;
  /**
   * Can this level's search take local runs? Not where the reduction does not apply, nor where
   * a thread with an enabled step may be busy-waiting (a state in the middle of a run could then
   * be a deadlock, which must be stored and reported), nor where a loop of the code is made of
   * such steps or of reads (a run could go round it for ever; that is also where the proviso is
   * needed).
   */
  readonly active: boolean;
  private readonly analyzer: Analyzer;
  private readonly fault = newFault();
  /** Has the level a `critical_section();` at all? (Only then is mutual exclusion looked at.) */
  private readonly critical: boolean;

  constructor(
    private readonly p: Program,
    footprints: StepFootprints,
    relevance: Relevance | null,
  ) {
    this.analyzer = new Analyzer(p);
    this.critical = p.critical.includes(1);
    const code = p.code;
    const size = code.length / STRIDE;
    const successors = (pc: number) => nextInstructions(code, pc);
    /** An instruction a local step may run. */
    const quiet = (pc: number): boolean => {
      const o = pc * STRIDE;
      const op = code[o];
      if (op < 32) return !RISKY_LOCAL.has(op) && op !== END;
      return (op === LD || op === ST) && code[o + 3] < 0 && relevance !== null && relevance.irrelevant(code[o + 2]);
    };
    this.localStep = new Uint8Array(size);
    for (let start = 0; start < size; start++) {
      if (!quiet(start) || p.critical[start] === 1) continue;
      let local = 1;
      const seen = new Set<number>([start]);
      const todo = [start];
      while (todo.length > 0 && local === 1) {
        for (const next of successors(todo.pop()!)) {
          const op = code[next * STRIDE];
          if (op === STMT || op === END) {
            if (p.critical[next] === 1) local = 0;
          } else if (!seen.has(next)) {
            seen.add(next);
            if (quiet(next)) todo.push(next);
            else local = 0;
          }
        }
      }
      this.localStep[start] = local;
    }
    const loops = hasCycle(size, (pc) => (quiet(pc) ? successors(pc) : []));
    this.active = footprints.applicable && !footprints.provisoNeeded && !footprints.mayBusyWait && !loops;
  }

  /**
   * Runs, in state `s` (a whole state with scratch registers), each thread's local steps in
   * thread order, and pushes the thread of each step onto `moves` if given. Does nothing in a
   * state that breaks mutual exclusion: the game is over there.
   */
  run(s: Int32Array, moves: number[] | null): void {
    const { p, fault } = this;
    const local = this.localStep;
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
