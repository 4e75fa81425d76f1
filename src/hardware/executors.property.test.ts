// One meaning for every instruction: random single threads (the solver's random programs), run
// through the engine step by step and through hardware mode straight through, end alike: the same
// outcome, the same shared variables and objects, the same locals, the same exception.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BLOCKED, execStep, newFault, type Program } from "../engine/machine";
import { mini } from "../engine/testing/levels";
import { SHARED, STATEMENTS, threadCode } from "../engine/testing/random-levels";
import * as L from "./layout";
import { engineLocals, engineSolo, runSolo } from "./testing";

/** Steps (engine) and statements (hardware) after which a thread counts as running forever. The
 *  random programs are a few statements long: only a spin loop gets near. */
const LIMIT = 2000;

interface Ending {
  /** finished, exception, assertion, deadlock, or forever: spins without end. */
  kind: string;
  shared: number[];
  locals: number[];
  /** For an exception or a failed assert: where, and (exceptions) why. */
  fault?: { rule: number; line: number; pc: number; detail: number };
}

const lineOf = (p: Program, pc: number) => p.statements[p.statementOf[pc]].span.start.line;

function engineEnding(p: Program): Ending {
  const s = engineSolo(p, LIMIT);
  let kind = s.outcome?.kind ?? "forever";
  // Alone, a thread spinning on a flag nobody else can change is the engine's deadlock (a livelock
  // it can prove); hardware mode cannot prove it and runs out of statements instead.
  if (kind === "deadlock" && execStep(p, s.packed.slice(), 0, newFault()) !== BLOCKED) kind = "forever";
  const { rule, pc, detail } = s.fault;
  return {
    kind,
    shared: Array.from(s.packed.subarray(0, p.sharedLength)),
    locals: engineLocals(p, s),
    fault: kind === "exception" ? { rule, line: lineOf(p, pc), pc, detail } : kind === "assertion" ? { rule: 0, line: lineOf(p, pc), pc, detail: 0 } : undefined,
  };
}

const HARDWARE_KINDS: Record<number, string> = {
  [L.OUT_NONE]: "finished", [L.OUT_EXCEPTION]: "exception", [L.OUT_ASSERTION]: "assertion", [L.OUT_DEADLOCK]: "deadlock", [L.OUT_RUNNING]: "forever",
};

function hardwareEnding(p: Program): Ending {
  const run = runSolo(p, LIMIT);
  const kind = HARDWARE_KINDS[run.outcome] ?? `outcome ${run.outcome}`;
  const { outcomeRule: rule, outcomePc: pc, outcomeDetail: detail } = run;
  return {
    kind,
    shared: run.shared,
    locals: run.locals,
    fault: kind === "exception" || kind === "assertion" ? { rule, line: lineOf(p, pc), pc, detail } : undefined,
  };
}

describe("the engine and hardware mode", () => {
  it("end a random single thread alike", () => {
    fc.assert(
      fc.property(threadCode(STATEMENTS), (code) => {
        const { program } = mini({ shared: SHARED, threads: [code] });
        expect(hardwareEnding(program)).toEqual(engineEnding(program));
      }),
      { numRuns: 300 },
    );
  });
});
