// Compiles a level's Program (never its text) into the plain data a hardware worker runs: the
// same instructions, one for one, with each shared access's slot, bounds and object parameter
// resolved in place, so the worker's loop needs no descriptor tables. Structured-clone safe.

import type { Program } from "../engine/machine";
import * as I from "../engine/machine";
import { memoryLayout, type MemoryLayout } from "./layout";

/** Ints per translated instruction: op, a, slot, index register (-1: none), d, count, size, aux.
 *  For local work (op < 32) the operands a..d are the engine's, the rest 0. */
export const HSTRIDE = 8;

export interface HardwareCode {
  code: Int32Array;
  /** Per thread: the instruction its code starts at. */
  entry: Int32Array;
  /** Registers are absolute slots of the engine's state: each worker keeps a private array of
   *  this length and reads only its own thread's part and the scratch area. */
  registersLength: number;
  /** The level's shared state at the start of a trial. */
  initialShared: Int32Array;
  layout: MemoryLayout;
}

export function translateProgram(p: Program): HardwareCode {
  const n = p.code.length / I.STRIDE;
  const code = new Int32Array(n * HSTRIDE);
  for (let pc = 0; pc < n; pc++) {
    const o = pc * I.STRIDE;
    const h = pc * HSTRIDE;
    const op = p.code[o];
    code[h] = op;
    code[h + 1] = p.code[o + 1];
    code[h + 2] = p.code[o + 2];
    code[h + 3] = p.code[o + 3];
    code[h + 4] = p.code[o + 4];
    if (I.isAccessOp(op)) {
      const desc = p.code[o + 2];
      code[h + 2] = p.descBase[desc];
      code[h + 5] = p.descCount[desc];
      code[h + 6] = p.descSize[desc];
      code[h + 7] = p.descAux[desc];
    }
  }
  return {
    code,
    entry: Int32Array.from(p.threads.map((t) => t.entry)),
    registersLength: p.initial.length,
    initialShared: p.initial.slice(0, p.sharedLength),
    layout: memoryLayout(p.sharedLength, p.threads.length),
  };
}
