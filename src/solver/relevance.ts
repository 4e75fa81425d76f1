// What can matter, for the reduced search (REDUCTION.md, "Values that cannot matter"): a value
// can change an outcome only by flowing, through registers and shared variables, into a branch,
// an assert, an array index, a divisor, a synchronization object or an atomic operation. A
// register no such flow starts from (it is dead, or feeds only values that cannot matter), and
// a shared variable that no such flow reads, hold values nothing depends on: two states that
// differ only there have the same futures, step for step. The reduced search sets them to 0
// before storing a state (SPIN resets dead variables the same way; faint-variable analysis and
// the cone of influence in general: Clarke, Grumberg and Peled, "Model Checking", 1999).

import type { Program } from "../engine/machine";
import * as I from "../engine/machine";
import { nextInstructions } from "./independence";

const { JZ, JNZ, ASSERT, DIV, MOD, LD, ST, STRIDE, registerOperands } = I;
/** Local instructions whose result is the only way their operands matter. */
const PURE = new Set([I.CONST, I.MOV, I.ADD, I.SUB, I.MUL, DIV, MOD, I.EQ, I.NE, I.LT, I.LE, I.GT, I.GE, I.NOT, I.NEG, I.ADDI]);

export class Relevance {
  /** Per descriptor: 1 for a shared variable whose value may matter, and every object. */
  readonly relevant: Uint8Array;
  /** Per instruction: the registers whose value cannot matter there are `regs[from[pc] ..
   *  from[pc + 1])` (state slots). */
  private readonly from: Int32Array;
  private readonly regs: Int32Array;
  /** Shared slots of variables whose value cannot matter. */
  private readonly slots: Int32Array;
  /** Is anything set to 0 anywhere? (If not, `clear` need not be called.) */
  readonly any: boolean;

  /**
   * `keepShared`: every shared variable matters (the caller looks at finished states' values:
   * the fix-it judge's final values). Under TSO nothing is left out (a store buffer holds values
   * on their way to memory).
   */
  constructor(
    private readonly p: Program,
    keepShared = false,
  ) {
    const code = p.code;
    const size = code.length / STRIDE;
    const full = p.initial.length; // the state, then scratch registers (a step's temporaries)
    this.relevant = Uint8Array.from(p.descriptors, (d) => (d.kind !== "var" || keepShared || p.tso ? 1 : 0));
    const relevant = this.relevant;
    // Variables an atomic operation touches matter (their operations compare and combine).
    for (let pc = 0; pc < size; pc++) {
      const op = code[pc * STRIDE];
      if (op >= 32 && op !== LD && op !== ST) relevant[code[pc * STRIDE + 2]] = 1;
    }
    const successors = (pc: number) => nextInstructions(code, pc);
    const ranges = p.threads.map((t, i) => ({ t, end: i + 1 < p.threads.length ? p.threads[i + 1].entry : size }));
    // Per thread, per instruction: which register slots (its own and the scratch ones) may
    // matter on entry. Register r of thread t is index r - first; scratch slot x is count + x -
    // stateLength.
    let live: Uint8Array[][] = [];
    for (let changed = true; changed; ) {
      changed = false;
      live = ranges.map(({ t, end }) => {
        const first = t.base + 2;
        const count = t.registers;
        const width = count + full - p.stateLength;
        const index = (r: number) => (r >= first && r < first + count ? r - first : r >= p.stateLength && r < full ? count + r - p.stateLength : -1);
        const at = Array.from({ length: end - t.entry }, () => new Uint8Array(width));
        for (let again = true; again; ) {
          again = false;
          for (let pc = end - 1; pc >= t.entry; pc--) {
            const o = pc * STRIDE;
            const op = code[o];
            const out = new Uint8Array(width);
            for (const next of successors(pc)) {
              if (next < t.entry || next >= end) continue;
              const l = at[next - t.entry];
              for (let r = 0; r < width; r++) out[r] |= l[r];
            }
            const { defs, uses } = registerOperands(op);
            // Does the result matter? (Only pure instructions and LD can drop their operands.)
            let resultMatters = true;
            if (PURE.has(op) || op === LD) resultMatters = defs.some((x) => index(code[o + x]) >= 0 && out[index(code[o + x])] === 1);
            if (op === LD && resultMatters && relevant[code[o + 2]] === 0) {
              relevant[code[o + 2]] = 1;
              changed = true;
            }
            for (const x of defs) if (index(code[o + x]) >= 0) out[index(code[o + x])] = 0;
            for (const x of uses) {
              const r = index(code[o + x]);
              if (r < 0) continue;
              // Operands that always matter: branch and assert conditions, divisors, indexes.
              let matters = true;
              if (PURE.has(op)) matters = resultMatters || ((op === DIV || op === MOD) && x === 3);
              else if (op === LD) matters = true; // its index (operand 3)
              else if (op === ST) matters = x === 3 || relevant[code[o + 2]] === 1;
              else if (op === JZ || op === JNZ || op === ASSERT) matters = true;
              if (matters) out[r] = 1;
            }
            const cur = at[pc - t.entry];
            for (let r = 0; r < width; r++) {
              if (cur[r] !== out[r]) {
                cur[r] = out[r];
                again = true;
              }
            }
          }
        }
        return at;
      });
    }
    const cleared: number[][] = Array.from({ length: size }, () => []);
    ranges.forEach(({ t, end }, i) => {
      for (let pc = t.entry; pc < end; pc++) {
        const l = live[i][pc - t.entry];
        for (let r = 0; r < t.registers; r++) if (l[r] === 0) cleared[pc].push(t.base + 2 + r);
      }
    });
    this.from = new Int32Array(size + 1);
    for (let pc = 0; pc < size; pc++) this.from[pc + 1] = this.from[pc] + cleared[pc].length;
    this.regs = Int32Array.from(cleared.flat());
    const slots: number[] = [];
    p.descriptors.forEach((d, i) => {
      if (relevant[i] === 0) for (let k = 0; k < d.count * d.size; k++) slots.push(d.base + k);
    });
    this.slots = Int32Array.from(slots);
    this.any = this.regs.length > 0 || this.slots.length > 0;
  }

  /** Is this shared variable's value one that cannot matter? */
  irrelevant(desc: number): boolean {
    return this.relevant[desc] === 0;
  }

  /** Sets every value of state `s` that cannot matter to 0. */
  clear(s: Int32Array): void {
    const { from, regs, slots } = this;
    const threadBase = this.p.threadBase;
    for (let t = 0; t < threadBase.length; t++) {
      const pc = s[threadBase[t]];
      for (let k = from[pc]; k < from[pc + 1]; k++) s[regs[k]] = 0;
    }
    for (let k = 0; k < slots.length; k++) s[slots[k]] = 0;
  }
}
