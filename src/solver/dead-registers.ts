// Dead registers, for the reduced search (REDUCTION.md, "Dead registers"): a register that every
// path of its thread's code writes before it reads it again holds a value nothing will ever
// look at. Two states that differ only there have the same futures, step for step, so the
// reduced search sets such registers to 0 before storing a state (SPIN resets dead variables
// the same way: Holzmann, "The model checker SPIN", 1997, dataflow optimizations).

import type { Program } from "../engine/machine";
import * as I from "../engine/machine";

const { END, EXIT, JMP, JZ, JNZ, STRIDE, registerOperands } = I;

export class DeadRegisters {
  /** Per instruction: its dead registers are `regs[from[pc] .. from[pc + 1])`, state slots. */
  private readonly from: Int32Array;
  private readonly regs: Int32Array;
  /** Is any register dead anywhere? (If not, `clear` is never called.) */
  readonly any: boolean;

  constructor(private readonly p: Program) {
    const code = p.code;
    const size = code.length / STRIDE;
    const successors = (pc: number): number[] => {
      const o = pc * STRIDE;
      const op = code[o];
      if (op === END || op === EXIT) return [];
      if (op === JMP) return [code[o + 1]];
      if (op === JZ || op === JNZ) return [pc + 1, code[o + 2]];
      return [pc + 1];
    };
    const dead: number[][] = Array.from({ length: size }, () => []);
    p.threads.forEach((t, i) => {
      const end = i + 1 < p.threads.length ? p.threads[i + 1].entry : size;
      const first = t.base + 2;
      const count = t.registers;
      if (count === 0) return;
      // Backward liveness to a fixpoint: live[pc] = uses(pc) + (live after pc - defs(pc)).
      const live = Array.from({ length: end - t.entry }, () => new Uint8Array(count));
      const own = (r: number) => r >= first && r < first + count;
      for (let changed = true; changed; ) {
        changed = false;
        for (let pc = end - 1; pc >= t.entry; pc--) {
          const o = pc * STRIDE;
          const { defs, uses } = registerOperands(code[o]);
          const out = new Uint8Array(count);
          for (const next of successors(pc)) {
            if (next < t.entry || next >= end) continue;
            const l = live[next - t.entry];
            for (let r = 0; r < count; r++) out[r] |= l[r];
          }
          for (const x of defs) if (own(code[o + x]) && !uses.includes(x)) out[code[o + x] - first] = 0;
          for (const x of uses) if (own(code[o + x])) out[code[o + x] - first] = 1;
          const cur = live[pc - t.entry];
          for (let r = 0; r < count; r++) {
            if (cur[r] !== out[r]) {
              cur[r] = out[r];
              changed = true;
            }
          }
        }
      }
      for (let pc = t.entry; pc < end; pc++) {
        const l = live[pc - t.entry];
        for (let r = 0; r < count; r++) if (l[r] === 0) dead[pc].push(first + r);
      }
    });
    this.from = new Int32Array(size + 1);
    for (let pc = 0; pc < size; pc++) this.from[pc + 1] = this.from[pc] + dead[pc].length;
    this.regs = Int32Array.from(dead.flat());
    this.any = this.regs.length > 0;
  }

  /** Sets every register that is dead at its thread's pc in state `s` to 0. */
  clear(s: Int32Array): void {
    const { from, regs } = this;
    const threadBase = this.p.threadBase;
    for (let t = 0; t < threadBase.length; t++) {
      const pc = s[threadBase[t]];
      for (let k = from[pc]; k < from[pc + 1]; k++) s[regs[k]] = 0;
    }
  }
}
