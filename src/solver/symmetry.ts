// Symmetry reduction: threads whose code is the same (copies of one `count` template that do not
// tell themselves apart through `id`, or threads written alike) are interchangeable, so a state
// and the same state with such threads renumbered have the same futures, up to that renumbering.
// The search stores one representative of each such family (REDUCTION.md, "Symmetry").

import type { Move } from "../engine/index";
import { applyMove, newFault, type Program } from "../engine/machine";
import * as I from "../engine/machine";

const { STRIDE, STMT, JMP, JZ, JNZ, registerOperands } = I;

export class Symmetry {
  /** Classes of interchangeable threads (two or more each), thread numbers ascending. */
  readonly classes: Int32Array[];
  /** Per thread: the first slot and the length of its part of the state (pc, status, registers,
   *  store buffer). Threads of one class have the same length. */
  private readonly from: Int32Array;
  private readonly span: Int32Array;
  /** Per thread: where its code starts. A pc is an instruction number in the whole program, so
   *  a thread's pc is compared, and moved, relative to its own code. */
  private readonly entry: Int32Array;
  /** Shared slots that hold a thread's number + 1 (0: none): mutex owners, rwlock writers,
   *  a queue's busy word. */
  private readonly ownerSlots: Int32Array;
  /** rwlock reader masks: bit t for thread t. */
  private readonly maskSlots: Int32Array;
  /** Condition wait sets: [length, thread numbers in arrival order]. */
  private readonly waitSets: Int32Array;
  /** Scratch: where each thread goes (`perm[old] = new`), its inverse, a copy of the threads'
   *  parts, and the sort order of one class. */
  readonly perm: Int32Array;
  private readonly scratch: Int32Array;
  private readonly order: Int32Array;

  constructor(p: Program) {
    const n = p.threads.length;
    this.from = Int32Array.from(p.threads, (t) => t.base);
    this.entry = Int32Array.from(p.threads, (t) => t.entry);
    this.span = Int32Array.from(p.threads, (t, i) => (i + 1 < n ? p.threads[i + 1].base : p.stateLength) - t.base);
    const owners: number[] = [];
    const masks: number[] = [];
    const waits: number[] = [];
    for (const d of p.descriptors) {
      for (let e = 0; e < d.count; e++) {
        const at = d.base + e * d.size;
        if (d.kind === "mutex" || d.kind === "queue") owners.push(at);
        else if (d.kind === "rwlock") (owners.push(at), masks.push(at + 1));
        else if (d.kind === "condition") waits.push(at);
      }
    }
    this.ownerSlots = Int32Array.from(owners);
    this.maskSlots = Int32Array.from(masks);
    this.waitSets = Int32Array.from(waits);
    const classes: number[][] = [];
    const placed = new Array<boolean>(n).fill(false);
    for (let t = 0; t < n; t++) {
      if (placed[t]) continue;
      const same = [t];
      for (let u = t + 1; u < n; u++) if (!placed[u] && sameCode(p, t, u, this.span)) same.push(u);
      if (same.length > 1) {
        same.forEach((u) => (placed[u] = true));
        classes.push(same);
      }
    }
    this.classes = classes.map((c) => Int32Array.from(c));
    this.perm = new Int32Array(n);
    this.scratch = new Int32Array(p.stateLength);
    this.order = new Int32Array(n);
  }

  get active(): boolean {
    return this.classes.length > 0;
  }

  /**
   * Rewrites state `s` (its first `stateLength` slots) in place into its family's representative:
   * within each class, threads ordered by their parts of the state; thread numbers in shared
   * objects renumbered to match. Leaves in `perm` where each thread went. Allocates nothing.
   */
  canonicalize(s: Int32Array): void {
    const { perm, order, from, entry } = this;
    for (let t = 0; t < perm.length; t++) perm[t] = t;
    let moved = false;
    for (const cls of this.classes) {
      const k = cls.length;
      const len = this.span[cls[0]];
      // Insertion sort of the class's threads by their parts (stable: ties keep their order).
      for (let j = 0; j < k; j++) {
        const t = cls[j];
        let x = j;
        while (x > 0 && compare(s, order[x - 1], t, from, entry, len) > 0) {
          order[x] = order[x - 1];
          x--;
        }
        order[x] = t;
      }
      for (let j = 0; j < k; j++) {
        perm[order[j]] = cls[j];
        if (order[j] !== cls[j]) moved = true;
      }
    }
    if (moved) this.permute(s, perm);
  }

  /**
   * A schedule found among stored (renumbered) states, as moves of the real threads from
   * `start`: follows the path again (`load(k, into)` loads its k-th stored state, the first
   * being the start's representative), keeping which real thread each stored thread number
   * stands for, composing each edge's renumbering. An edge is the moves from one stored state
   * to the next (a move and the local run after it, local-runs.ts), all in the numbering of the
   * first. The last edge may end the game (no state after it). `clear` is what the search did
   * to a state before renumbering it besides the edge's moves (dead registers set to 0).
   */
  realMoves(p: Program, start: Int32Array, edges: Move[][], load: (k: number, into: Int32Array) => void, clear: (s: Int32Array) => void = () => {}): Move[] {
    const n = p.threads.length;
    const y = start.slice();
    clear(y);
    this.canonicalize(y);
    let real = new Int32Array(n); // real[x]: the real thread that stored thread x stands for
    for (let t = 0; t < n; t++) real[this.perm[t]] = t;
    const out: Move[] = [];
    const fault = newFault();
    for (let k = 0; k < edges.length; k++) {
      for (const move of edges[k]) out.push({ kind: move.kind, thread: real[move.thread] });
      if (k + 1 === edges.length) break;
      load(k, y);
      for (const move of edges[k]) applyMove(p, y, move, fault);
      clear(y);
      this.canonicalize(y); // as the search did: y is now the next stored state
      const next = new Int32Array(n);
      for (let t = 0; t < n; t++) next[this.perm[t]] = real[t];
      real = next;
    }
    return out;
  }

  /**
   * Renumbers the threads of state `s` in place: thread t becomes thread `to[t]`, which must be
   * a thread of t's class (the rest map to themselves). Moves each thread's part of the state
   * and rewrites the thread numbers that shared objects hold.
   */
  permute(s: Int32Array, to: Int32Array): void {
    const { scratch, from, span, entry } = this;
    for (const cls of this.classes) {
      const len = span[cls[0]];
      for (let j = 0; j < cls.length; j++) {
        const t = cls[j];
        const u = to[t];
        for (let q = 0; q < len; q++) scratch[from[u] + q] = s[from[t] + q];
        scratch[from[u]] += entry[u] - entry[t]; // the pc, into the other copy's code
      }
      for (let j = 0; j < cls.length; j++) for (let q = 0; q < len; q++) s[from[cls[j]] + q] = scratch[from[cls[j]] + q];
    }
    for (let j = 0; j < this.ownerSlots.length; j++) {
      const at = this.ownerSlots[j];
      if (s[at] > 0) s[at] = to[s[at] - 1] + 1;
    }
    for (let j = 0; j < this.maskSlots.length; j++) {
      const at = this.maskSlots[j];
      const mask = s[at];
      let out = 0;
      for (let t = 0; t < to.length; t++) if ((mask & (1 << t)) !== 0) out |= 1 << to[t];
      s[at] = out;
    }
    for (let j = 0; j < this.waitSets.length; j++) {
      const at = this.waitSets[j];
      for (let q = 0; q < s[at]; q++) s[at + 1 + q] = to[s[at + 1 + q]];
    }
  }
}

/** Orders threads a and b of one class by their parts of the state, pc first (relative). */
function compare(s: Int32Array, a: number, b: number, from: Int32Array, entry: Int32Array, len: number): number {
  const pa = s[from[a]] - entry[a], pb = s[from[b]] - entry[b];
  if (pa !== pb) return pa - pb;
  for (let q = 1; q < len; q++) if (s[from[a] + q] !== s[from[b] + q]) return s[from[a] + q] - s[from[b] + q];
  return 0;
}

/**
 * Do threads t and u run the same code? Each thread's code is compiled for its own slots, so
 * register operands inside a thread's part of the state are compared relative to it (scratch
 * registers, after the state, are shared and compared as they are), and jump targets relative to
 * the thread's entry; every other operand (constants, `id` among them, descriptors) must be
 * equal, except a statement's number, which only the UI reads.
 */
function sameCode(p: Program, t: number, u: number, span: Int32Array): boolean {
  const a = p.threads[t], b = p.threads[u];
  const size = p.code.length / STRIDE;
  const endOf = (i: number) => (i + 1 < p.threads.length ? p.threads[i + 1].entry : size);
  const len = endOf(t) - a.entry;
  if (len !== endOf(u) - b.entry || a.registers !== b.registers || a.firstTemp !== b.firstTemp || span[t] !== span[u]) return false;
  const own = (v: number, base: number, th: number) => v >= base && v < base + span[th];
  for (let k = 0; k < len; k++) {
    const oa = (a.entry + k) * STRIDE, ob = (b.entry + k) * STRIDE;
    const op = p.code[oa];
    if (op !== p.code[ob]) return false;
    const { defs, uses } = registerOperands(op);
    for (let x = 1; x < STRIDE; x++) {
      if (op === STMT && x === 1) continue;
      const va = p.code[oa + x], vb = p.code[ob + x];
      if (defs.includes(x) || uses.includes(x)) {
        const ra = own(va, a.base, t), rb = own(vb, b.base, u);
        if (ra !== rb || (ra ? va - a.base !== vb - b.base : va !== vb)) return false;
      } else if ((op === JMP && x === 1) || ((op === JZ || op === JNZ) && x === 2)) {
        if (va - a.entry !== vb - b.entry) return false;
      } else if (va !== vb) return false;
    }
  }
  return true;
}
