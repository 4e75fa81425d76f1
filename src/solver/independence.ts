// What a step may touch, read off the compiled code once per level, for the partial-order
// reduction of the search (explore.ts; the argument is in REDUCTION.md). Per instruction, as the
// place a step or the rest of a thread's run starts: which shared variables the step may read,
// whether it may do anything else shared, and which shared variables the
// thread may write from there on, over every path of its code.

import type { Program } from "../engine/machine";
import * as I from "../engine/machine";

/** Control flow: the instructions that may run after instruction `pc` of `code`. */
export function nextInstructions(code: Int32Array, pc: number): number[] {
  const o = pc * I.STRIDE;
  const op = code[o];
  if (op === I.END || op === I.EXIT) return [];
  if (op === I.JMP) return [code[o + 1]];
  if (op === I.JZ || op === I.JNZ) return [pc + 1, code[o + 2]];
  return [pc + 1];
}

const { END, STMT, STRIDE, LD, ST, AADD, AXCHG, ACAS } = I;
/** Accesses that write a shared variable (the others act on synchronization objects). */
const VAR_WRITES = new Set([ST, AADD, AXCHG, ACAS]);
/**
 * Accesses that, when they do not block or fail, always change a shared value or object: taking
 * or releasing a lock, a semaphore, a countdown, a condition's wait, a queue's busy word. A loop
 * through one of them is never a busy wait (analysis.ts, `stuck`).
 */
const ALWAYS_CHANGE = new Set([
  I.LOCK, I.UNLOCK, I.SEM_WAIT, I.SEM_SIGNAL, I.COND_WAIT, I.COND_REACQUIRE, I.CD_DOWN,
  I.RW_RLOCK, I.RW_RUNLOCK, I.RW_WLOCK, I.RW_WUNLOCK, I.Q_ENQ_BEGIN, I.Q_DEQ_BEGIN, I.Q_ENQ_END, I.Q_DEQ_END,
]);

export class StepFootprints {
  /** Bitset words per instruction in `reads` and `futureWrites`. */
  readonly words: number;
  /** Per slot of shared state: the bit of the shared variable it belongs to, or -1 (an object). */
  readonly varBit: Int32Array;
  /** Per instruction: 1 when every access a step starting there can make is a read of a shared
   *  variable (or it makes none); then `reads` lists those variables. */
  readonly readOnly: Uint8Array;
  readonly reads: Int32Array;
  /** Per instruction: the shared variables the thread may write from there on (any path). */
  readonly futureWrites: Int32Array;
  /**
   * Can the reduction's argument be made for this level? Not when two threads may stand at a
   * critical section and some code loops: see REDUCTION.md, "the one exclusion".
   */
  readonly applicable: boolean;
  /**
   * Must the search check the proviso? Only if some loop of the code can be gone round by steps
   * that make no access but reads of shared variables: otherwise no cycle of states can be made
   * of steps taken alone (REDUCTION.md, "the proviso, and when it is not needed").
   */
  readonly provisoNeeded: boolean;
  /**
   * Can a thread whose step is enabled be busy-waiting (analysis.ts, `stuck`)? Only if some loop
   * of the code passes through no access in ALWAYS_CHANGE. When not, a state in which any step is
   * enabled is no deadlock.
   */
  readonly mayBusyWait: boolean;

  constructor(p: Program) {
    const code = p.code;
    const size = code.length / STRIDE;
    const vars = p.descriptors.filter((d) => d.kind === "var");
    this.words = Math.max(1, Math.ceil(vars.length / 32));
    const words = this.words;
    const bitOfDesc = new Int32Array(p.descriptors.length).fill(-1);
    this.varBit = new Int32Array(p.sharedLength).fill(-1);
    p.descriptors.forEach((d, i) => {
      if (d.kind !== "var") return;
      bitOfDesc[i] = vars.indexOf(d);
      for (let k = 0; k < d.count * d.size; k++) this.varBit[d.base + k] = bitOfDesc[i];
    });
    const set = (bits: Int32Array, pc: number, bit: number) => (bits[pc * words + (bit >>> 5)] |= 1 << (bit & 31));

    const successors = (pc: number) => nextInstructions(code, pc);

    // One step from pc: local work up to its first access (LEVEL_FORMAT: at most one a step).
    this.readOnly = new Uint8Array(size);
    this.reads = new Int32Array(size * words);
    for (let start = 0; start < size; start++) {
      let readOnly = 1;
      const seen = new Set<number>();
      const todo = [start];
      while (todo.length > 0) {
        const pc = todo.pop()!;
        if (seen.has(pc)) continue;
        seen.add(pc);
        const o = pc * STRIDE;
        const op = code[o];
        if (pc !== start && (op === STMT || op === END)) continue; // the step ends before it
        if (op >= 32) {
          if (op === LD) set(this.reads, start, bitOfDesc[code[o + 2]]);
          else readOnly = 0;
          continue; // after its access a step does local work only
        }
        todo.push(...successors(pc));
      }
      this.readOnly[start] = readOnly;
    }

    // From pc on, any path: the shared variables written (to a fixpoint, loops included).
    this.futureWrites = new Int32Array(size * words);
    for (let pc = 0; pc < size; pc++) {
      const o = pc * STRIDE;
      if (VAR_WRITES.has(code[o])) set(this.futureWrites, pc, bitOfDesc[code[o + 2]]);
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (let pc = size - 1; pc >= 0; pc--) {
        for (const next of successors(pc)) {
          for (let w = 0; w < words; w++) {
            const merged = this.futureWrites[pc * words + w] | this.futureWrites[next * words + w];
            if (merged !== this.futureWrites[pc * words + w]) {
              this.futureWrites[pc * words + w] = merged;
              changed = true;
            }
          }
        }
      }
    }

    // A cycle of control flow that leaves only from local instructions and reads (LD)?
    const state = new Uint8Array(size); // 0: unseen, 1: on the current path, 2: done
    let cycle = false;
    const visit = (start: number) => {
      const stack: [number, number][] = [[start, 0]];
      state[start] = 1;
      while (stack.length > 0 && !cycle) {
        const top = stack[stack.length - 1];
        const [pc, k] = top;
        const op = code[pc * STRIDE];
        const out = op >= 32 && op !== LD ? [] : successors(pc);
        if (k === out.length) {
          state[pc] = 2;
          stack.pop();
          continue;
        }
        top[1]++;
        const next = out[k];
        if (state[next] === 1) cycle = true;
        else if (state[next] === 0) {
          state[next] = 1;
          stack.push([next, 0]);
        }
      }
    };
    for (let pc = 0; pc < size && !cycle; pc++) if (state[pc] === 0) visit(pc);
    this.provisoNeeded = cycle;
    this.mayBusyWait = hasCycle(size, (pc) => (ALWAYS_CHANGE.has(code[pc * STRIDE]) ? [] : successors(pc)));

    // The one exclusion: two threads with a critical section, and a loop somewhere.
    const criticalThreads = p.threads.filter((t, i) => {
      const end = i + 1 < p.threads.length ? p.threads[i + 1].entry : size;
      for (let pc = t.entry; pc < end; pc++) if (p.critical[pc] === 1) return true;
      return false;
    }).length;
    let loops = false;
    for (let pc = 0; pc < size && !loops; pc++) for (const next of successors(pc)) if (next <= pc) loops = true;
    this.applicable = !(criticalThreads >= 2 && loops);
  }
}

/** Has the graph of instructions 0..size-1 with these edges a cycle? (Iterative: no recursion on
 *  the code's size.) */
export function hasCycle(size: number, edges: (pc: number) => number[]): boolean {
  const state = new Uint8Array(size); // 0: unseen, 1: on the current path, 2: done
  for (let root = 0; root < size; root++) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const out = edges(top[0]);
      if (top[1] === out.length) {
        state[top[0]] = 2;
        stack.pop();
        continue;
      }
      const next = out[top[1]++];
      if (state[next] === 1) return true;
      if (state[next] === 0) {
        state[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
  return false;
}
