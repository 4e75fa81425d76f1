// A set of packed states, with, per state, its parent and the move that reached it. The order of
// insertion is the breadth-first queue itself. Nothing is allocated per state. Only the search
// (explore.ts) uses it; everything else searches through that.
//
// - States are stored back to back in fixed-size chunks, so a stored state is never copied: a
//   full chunk stays where it is and the next one starts.
// - Chunks hold 16-bit values while every value fits (the usual case: program counters, small
//   counters, thread and object numbers), which halves the memory the search walks through.
//   The first value that does not fit widens every chunk to 32 bits, once, for the rest of the
//   search.
// - An open-addressing hash table maps a state to its index.

import { hash } from "./state-hash";

/** States per chunk: 2^10, so that a small search (a reduced proof, a campaign level) allocates
 *  little; a search moves into the tree set soon after FLAT_STATES (explore.ts) anyway. */
const CHUNK_BITS = 10;
const CHUNK_STATES = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_STATES - 1;

export class StateSet {
  /** State i is in chunk i >>> CHUNK_BITS, `width` values from ((i & CHUNK_MASK) * width). */
  private chunks: (Int16Array | Int32Array)[] = [];
  /** Have the chunks been widened to 32 bits? */
  private wide = false;
  parent: Int32Array;
  move: Uint8Array;
  /** Open addressing, two ints a slot: the state's hash, then its index + 1 (0: empty). Keeping
   *  the hash beside the index means a probe touches one cache line, not two. */
  private table: Int32Array;
  private mask: number;
  count = 0;
  /** The hashes of one `addAll` batch. */
  private hashes = new Int32Array(256);
  /** Where `addAll`'s early loads go, so that they are not optimized away. */
  touched = 0;

  constructor(readonly width: number, initialCapacity = 1 << 12) {
    this.parent = new Int32Array(initialCapacity);
    this.move = new Uint8Array(initialCapacity);
    this.table = new Int32Array(initialCapacity * 4);
    this.mask = initialCapacity * 2 - 1;
  }

  /** Bytes a stored state costs: the state itself, its parent and move, and its share of the
   *  table (kept at most half full). */
  get bytesPerStateUsed(): number {
    return this.width * (this.wide ? 4 : 2) + 4 + 1 + (this.table.length / this.parent.length) * 4;
  }

  /** Adds `s[from .. from + width)` unless present. Returns its index, or -1 if it was there. */
  add(s: Int32Array, from: number, parent: number, move: number): number {
    return this.addHashed(s, from, hash(s, from, this.width), parent, move);
  }

  /** Is `s[from .. from + width)` in the set? */
  has(s: Int32Array, from: number): boolean {
    return this.indexOf(s, from) >= 0;
  }

  /** The index of `s[from .. from + width)` in the set, or -1. */
  indexOf(s: Int32Array, from: number): number {
    const w = this.width;
    const h = hash(s, from, w);
    const table = this.table;
    for (let pos = h & this.mask; ; pos = (pos + 1) & this.mask) {
      const entry = table[2 * pos + 1];
      if (entry === 0) return -1;
      if (table[2 * pos] === h && this.equals(entry - 1, s, from)) return entry - 1;
    }
  }

  /**
   * Adds the states at `batch[j * stride ..]` for j < count, in order, as `add` would one by
   * one, the j-th with parent `parents[j]` and move `moves[j]`. On a large set that is faster:
   * every state's table slot is read first, in loads that do not wait for each other, so their
   * cache misses overlap instead of coming one after another (JavaScript has no prefetch
   * instruction; this is the next best thing).
   */
  addAll(batch: Int32Array, stride: number, count: number, parents: Int32Array, moves: Uint8Array): void {
    if (this.hashes.length < count) this.hashes = new Int32Array(count);
    const hashes = this.hashes;
    const w = this.width;
    for (let j = 0; j < count; j++) hashes[j] = hash(batch, j * stride, w);
    const table = this.table;
    const mask = this.mask;
    let touched = 0;
    for (let j = 0; j < count; j++) touched ^= table[2 * (hashes[j] & mask) + 1];
    // Then, where the first slot holds a state of the same hash (a successor found before, the
    // usual duplicate), that state's first value: `equals` will read it, and its miss overlaps
    // the others' too.
    const chunks = this.chunks;
    for (let j = 0; j < count; j++) {
      const pos = hashes[j] & mask;
      const entry = table[2 * pos + 1];
      if (entry !== 0 && table[2 * pos] === hashes[j]) touched ^= chunks[(entry - 1) >>> CHUNK_BITS][((entry - 1) & CHUNK_MASK) * w];
    }
    this.touched = touched;
    for (let j = 0; j < count; j++) this.addHashed(batch, j * stride, hashes[j], parents[j], moves[j]);
  }

  /** Copies state `idx` into `out` at `to`. */
  load(idx: number, out: Int32Array, to = 0): void {
    const w = this.width;
    const chunk = this.chunks[idx >>> CHUNK_BITS];
    const at = (idx & CHUNK_MASK) * w;
    for (let k = 0; k < w; k++) out[to + k] = chunk[at + k];
  }

  private addHashed(s: Int32Array, from: number, h: number, parent: number, move: number): number {
    const w = this.width;
    const table = this.table;
    let pos = h & this.mask;
    for (;;) {
      const entry = table[2 * pos + 1];
      if (entry === 0) break;
      if (table[2 * pos] === h && this.equals(entry - 1, s, from)) return -1;
      pos = (pos + 1) & this.mask;
    }
    if (this.count === this.parent.length) {
      this.grow();
      return this.addHashed(s, from, h, parent, move);
    }
    const idx = this.count++;
    if ((idx & CHUNK_MASK) === 0) this.chunks.push(this.wide ? new Int32Array(CHUNK_STATES * w) : new Int16Array(CHUNK_STATES * w));
    let chunk = this.chunks[idx >>> CHUNK_BITS];
    const at = (idx & CHUNK_MASK) * w;
    // Copied and checked in one pass: a value that does not fit 16 bits widens every chunk
    // (replacing this.chunks), and the state is copied again, whole.
    let wide = 0;
    for (let k = 0; k < w; k++) {
      const v = s[from + k];
      chunk[at + k] = v;
      wide |= v ^ ((v << 16) >> 16);
    }
    if (wide !== 0 && !this.wide) {
      this.widen();
      chunk = this.chunks[idx >>> CHUNK_BITS];
      for (let k = 0; k < w; k++) chunk[at + k] = s[from + k];
    }
    this.parent[idx] = parent;
    this.move[idx] = move;
    table[2 * pos] = h;
    table[2 * pos + 1] = idx + 1;
    return idx;
  }

  /** Is state `idx` equal to `s[from .. from + width)`? A narrow chunk never equals a value
   *  that does not fit it, so this is exact in both widths. */
  private equals(idx: number, s: Int32Array, from: number): boolean {
    const w = this.width;
    const chunk = this.chunks[idx >>> CHUNK_BITS];
    const at = (idx & CHUNK_MASK) * w;
    let k = 0;
    while (k < w && chunk[at + k] === s[from + k]) k++;
    return k === w;
  }

  private widen(): void {
    this.chunks = this.chunks.map((chunk) => Int32Array.from(chunk));
    this.wide = true;
  }

  /** Doubles the room for parents, moves and table slots; stored states stay where they are. */
  private grow() {
    const cap = this.parent.length * 2;
    const parent = new Int32Array(cap);
    parent.set(this.parent);
    this.parent = parent;
    const move = new Uint8Array(cap);
    move.set(this.move);
    this.move = move;
    // Rehash from the old table: it holds every hash, so states are not read again.
    const old = this.table;
    const table = new Int32Array(cap * 4);
    const mask = cap * 2 - 1;
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
