// The visited set of large searches, compressed, and exact: every state is stored whole, but the
// parts that many states share are stored once. A state is split into two halves (the first
// values, the rest); each distinct half is stored once and numbered, and a state is the pair of
// its halves' numbers, 8 bytes. That is tree compression with a tree of depth two (LTSmin:
// Blom, Lisser, van de Pol and Weber 2009; Laarman, van de Pol and Weber, SPIN 2011), or SPIN's
// COLLAPSE mode with two components (Holzmann 1997). Large state spaces are products of what
// each thread does, so they have far fewer distinct halves than states (the stress level with
// SPIN's reduction: 873,758 states, 28,139 halves): a state costs its pair (8 bytes) and its
// share of the pairs' table (4 bytes a slot, at most 3/4 full), 13 to 19 bytes, plus the halves.
//
// A successor usually differs from the state it came from in one half: each half is compared with
// the state loaded last first, and looked up only if it differs.
//
// Pairs are numbered in the order found (the breadth-first queue). No parents are kept: a
// schedule is found again by the search (find-path.ts).

import { hash } from "./state-hash";

/** Pairs per chunk: a full chunk is never copied. Small (32 kB), so that a search of some ten
 *  thousand states (a reduced proof) does not pay for a large last chunk's reserve. */
const CHUNK_BITS = 12;
const CHUNK_STATES = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_STATES - 1;
/** A pair table entry: the state number + 1 in 27 bits (134 million states, far beyond any
 *  budget), 5 bits of the hash above. */
const INDEX_BITS = 27;
const INDEX_MASK = (1 << INDEX_BITS) - 1;
const TAG_MASK = ~INDEX_MASK;

/** Vectors of `len` values, each stored once and numbered in the order added. */
class Halves {
  values: Int32Array<ArrayBuffer>;
  count = 0;
  /** Open addressing, two ints a slot: hash, then number + 1 (0: empty). */
  private table = new Int32Array(2 << 10);
  private mask = (1 << 10) - 1;

  constructor(readonly len: number) {
    this.values = new Int32Array(Math.max(1, len) << 10);
  }

  get bytes(): number {
    return this.values.length * 4 + this.table.length * 4;
  }

  /** The number of `s[from .. from + len)`, adding it if `insert`; else -1 if absent. */
  find(s: Int32Array, from: number, insert: boolean): number {
    const len = this.len;
    const h = hash(s, from, len);
    const table = this.table;
    const mask = this.mask;
    const values = this.values;
    let pos = h & mask;
    for (;;) {
      const entry = table[2 * pos + 1];
      if (entry === 0) break;
      if (table[2 * pos] === h) {
        const at = (entry - 1) * len;
        let k = 0;
        while (k < len && values[at + k] === s[from + k]) k++;
        if (k === len) return entry - 1;
      }
      pos = (pos + 1) & mask;
    }
    if (!insert) return -1;
    const idx = this.count++;
    if ((idx + 1) * len > values.length) {
      const grown = new Int32Array(values.length * 2);
      grown.set(values);
      this.values = grown;
    }
    for (let k = 0; k < len; k++) this.values[idx * len + k] = s[from + k];
    table[2 * pos] = h;
    table[2 * pos + 1] = idx + 1;
    if (4 * this.count > 3 * (mask + 1)) this.grow();
    return idx;
  }

  private grow(): void {
    const old = this.table;
    const size = 2 * (this.mask + 1);
    const table = new Int32Array(2 * size);
    const mask = size - 1;
    for (let p = 0; p < old.length; p += 2) {
      if (old[p + 1] === 0) continue;
      let pos = old[p] & mask;
      while (table[2 * pos + 1] !== 0) pos = (pos + 1) & mask;
      table[2 * pos] = old[p];
      table[2 * pos + 1] = old[p + 1];
    }
    this.table = table;
    this.mask = mask;
  }
}

export class TreeSet {
  count = 0;
  private readonly left: Halves;
  private readonly right: Halves;
  /** The state loaded last, and its halves' numbers (-1: none loaded). */
  private readonly loaded: Int32Array;
  private loadedLeft = -1;
  private loadedRight = -1;
  /** Pairs: state i's at ((i & CHUNK_MASK) * 2) in chunk i >>> CHUNK_BITS. */
  private roots: Int32Array[] = [];
  /** Open addressing: state number + 1 in the low INDEX_BITS, the top bits of the pair's hash
   *  above (0: empty), so that a probe past another pair seldom reads the pairs. */
  private rootTable = new Int32Array(1 << 12);
  private rootMask = (1 << 12) - 1;
  /** The pair and hash `encode` made for each slot of a batch. */
  private pendA = new Int32Array(64);
  private pendB = new Int32Array(64);
  private pendHash = new Int32Array(64);
  /** The pair of `halvesOf`. */
  private pairA = 0;
  private pairB = 0;
  /** Where `addAll`'s early loads go, so that they are not optimized away. */
  touched = 0;

  /** `split`: where the first half ends (default: the middle). A split where no step changes
   *  values on both sides (between two threads' values, say) saves look-ups: a successor then
   *  more often differs from its parent in one half only. */
  constructor(readonly width: number, split = width >> 1) {
    const half = split > 0 && split < width ? split : width >> 1;
    this.left = new Halves(half);
    this.right = new Halves(width - half);
    this.loaded = new Int32Array(width);
  }

  /** Bytes the set holds, per state: every table and array as allocated, growth reserve included. */
  get bytesPerStateUsed(): number {
    const bytes = this.roots.length * CHUNK_STATES * 8 + this.rootTable.length * 4 + this.left.bytes + this.right.bytes;
    return bytes / Math.max(1, this.count);
  }

  /** Distinct halves stored (for the bench). */
  get halves(): number {
    return this.left.count + this.right.count;
  }

  /** Adds `s[from .. from + width)` unless present. Returns its index, or -1 if it was there. */
  add(s: Int32Array, from: number): number {
    this.halvesOf(s, from, true);
    const before = this.count;
    this.addPair(this.pairA, this.pairB, mix(this.pairA, this.pairB));
    return this.count > before ? before : -1;
  }

  /** The index of `s[from .. from + width)` in the set, or -1. Stores nothing. */
  indexOf(s: Int32Array, from: number): number {
    if (!this.halvesOf(s, from, false)) return -1;
    return this.findPair(this.pairA, this.pairB, mix(this.pairA, this.pairB));
  }

  /** Stores the halves of `s[from .. from + width)` and keeps its pair, as the j-th state of
   *  the next `addAll`. */
  encode(s: Int32Array, from: number, j: number): void {
    this.halvesOf(s, from, true);
    if (j >= this.pendA.length) this.growPending(j + 1);
    this.pendA[j] = this.pairA;
    this.pendB[j] = this.pairB;
    this.pendHash[j] = mix(this.pairA, this.pairB);
  }

  /**
   * The numbers of the halves of `s[from .. from + width)`, stored if `insert`, in pairA and
   * pairB. Without `insert`, false when a half is not stored (nor is the state).
   */
  private halvesOf(s: Int32Array, from: number, insert: boolean): boolean {
    const loaded = this.loaded;
    const half = this.left.len;
    const w = this.width;
    let k = 0;
    while (k < half && s[from + k] === loaded[k]) k++;
    const a = k === half && this.loadedLeft >= 0 ? this.loadedLeft : this.left.find(s, from, insert);
    if (a < 0) return false;
    k = half;
    while (k < w && s[from + k] === loaded[k]) k++;
    const b = k === w && this.loadedRight >= 0 ? this.loadedRight : this.right.find(s, from + half, insert);
    if (b < 0) return false;
    this.pairA = a;
    this.pairB = b;
    return true;
  }

  /**
   * Adds the states `encode` kept for slots 0 .. count - 1, in order, as `add` would one by one.
   * Every state's table slot is read first, in loads that do not wait for each other, so their
   * cache misses overlap (as in StateSet.addAll). The other arguments are StateSet's: this set
   * keeps no parents.
   */
  addAll(_batch: Int32Array, _stride: number, count: number, _parents?: Int32Array, _moves?: Uint8Array): void {
    const { pendA, pendB, pendHash } = this;
    let touched = 0;
    const table = this.rootTable;
    const mask = this.rootMask;
    for (let j = 0; j < count; j++) touched ^= table[pendHash[j] & mask];
    const roots = this.roots;
    for (let j = 0; j < count; j++) {
      const entry = table[pendHash[j] & mask];
      if (entry !== 0 && (entry ^ pendHash[j]) >>> INDEX_BITS === 0) {
        const idx = (entry & INDEX_MASK) - 1;
        touched ^= roots[idx >>> CHUNK_BITS][(idx & CHUNK_MASK) * 2];
      }
    }
    this.touched = touched;
    for (let j = 0; j < count; j++) this.addPair(pendA[j], pendB[j], pendHash[j]);
  }

  /** Copies state `idx` into `out` at `to`, and keeps it for the next `encode`s. */
  load(idx: number, out: Int32Array, to = 0): void {
    const chunk = this.roots[idx >>> CHUNK_BITS];
    const at = (idx & CHUNK_MASK) * 2;
    const a = chunk[at], b = chunk[at + 1];
    const { loaded, left, right } = this;
    const half = left.len;
    if (a !== this.loadedLeft) {
      const values = left.values;
      for (let k = 0; k < half; k++) loaded[k] = values[a * half + k];
      this.loadedLeft = a;
    }
    if (b !== this.loadedRight) {
      const values = right.values;
      const len = right.len;
      for (let k = 0; k < len; k++) loaded[half + k] = values[b * len + k];
      this.loadedRight = b;
    }
    out.set(loaded, to); // a memmove
  }

  private findPair(a: number, b: number, h: number): number {
    const table = this.rootTable;
    const mask = this.rootMask;
    const roots = this.roots;
    for (let pos = h & mask; ; pos = (pos + 1) & mask) {
      const entry = table[pos];
      if (entry === 0) return -1;
      if ((entry ^ h) >>> INDEX_BITS !== 0) continue; // another hash: not this pair
      const idx = (entry & INDEX_MASK) - 1;
      const chunk = roots[idx >>> CHUNK_BITS];
      const at = (idx & CHUNK_MASK) * 2;
      if (chunk[at] === a && chunk[at + 1] === b) return idx;
    }
  }

  private addPair(a: number, b: number, h: number): void {
    const table = this.rootTable;
    const mask = this.rootMask;
    const roots = this.roots;
    let pos = h & mask;
    for (;;) {
      const entry = table[pos];
      if (entry === 0) break;
      if ((entry ^ h) >>> INDEX_BITS === 0) {
        const idx = (entry & INDEX_MASK) - 1;
        const chunk = roots[idx >>> CHUNK_BITS];
        const at = (idx & CHUNK_MASK) * 2;
        if (chunk[at] === a && chunk[at + 1] === b) return;
      }
      pos = (pos + 1) & mask;
    }
    const idx = this.count++;
    if (idx + 1 > INDEX_MASK) throw new Error(`TreeSet: more than ${INDEX_MASK - 1} states`);
    if ((idx & CHUNK_MASK) === 0) roots.push(new Int32Array(CHUNK_STATES * 2));
    const chunk = roots[idx >>> CHUNK_BITS];
    chunk[(idx & CHUNK_MASK) * 2] = a;
    chunk[(idx & CHUNK_MASK) * 2 + 1] = b;
    table[pos] = (h & TAG_MASK) | (idx + 1);
    if (4 * this.count > 3 * table.length) this.growPairTable();
  }

  /** Doubles the pairs' table; the pairs themselves stay where they are. */
  private growPairTable(): void {
    const size = 2 * this.rootTable.length;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < this.count; i++) {
      const chunk = this.roots[i >>> CHUNK_BITS];
      const h = mix(chunk[(i & CHUNK_MASK) * 2], chunk[(i & CHUNK_MASK) * 2 + 1]);
      let pos = h & mask;
      while (table[pos] !== 0) pos = (pos + 1) & mask;
      table[pos] = (h & TAG_MASK) | (i + 1);
    }
    this.rootTable = table;
    this.rootMask = mask;
  }

  private growPending(size: number): void {
    const grow = (a: Int32Array<ArrayBuffer>) => {
      const b = new Int32Array(Math.max(size, a.length * 2));
      b.set(a);
      return b;
    };
    this.pendA = grow(this.pendA);
    this.pendB = grow(this.pendB);
    this.pendHash = grow(this.pendHash);
  }
}

/** Two ints to one well-mixed hash (murmur3's finalizer over both). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9747b28c, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  h = Math.imul(h, 0x1b873593) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
