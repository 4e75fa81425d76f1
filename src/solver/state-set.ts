// A set of packed states stored back to back in one growing Int32Array, with an open-addressing
// hash table of indices and, per state, its parent and the move that reached it. The order of
// insertion is the breadth-first queue itself. Nothing is allocated per state.

export class StateSet {
  /** States, `width` ints each, in insertion order. */
  states: Int32Array;
  parent: Int32Array;
  move: Uint8Array;
  /** Open addressing, two ints a slot: the state's hash, then its index + 1 (0: empty). Keeping
   *  the hash beside the index means a probe touches one cache line, not two. */
  private table: Int32Array;
  private mask: number;
  count = 0;

  constructor(readonly width: number, initialCapacity = 1 << 12) {
    this.states = new Int32Array(initialCapacity * width);
    this.parent = new Int32Array(initialCapacity);
    this.move = new Uint8Array(initialCapacity);
    this.table = new Int32Array(initialCapacity * 4);
    this.mask = initialCapacity * 2 - 1;
  }

  /** Bytes a stored state costs: the state itself, its parent and move, and its share of the
   *  table (kept at most half full). */
  get bytesPerStateUsed(): number {
    return this.width * 4 + 4 + 1 + (this.table.length / this.parent.length) * 4;
  }

  /** Adds `s[from .. from + width)` unless present. Returns its index, or -1 if it was there. */
  add(s: Int32Array, from: number, parent: number, move: number): number {
    const w = this.width;
    const h = hash(s, from, w);
    const states = this.states;
    const table = this.table;
    let pos = h & this.mask;
    for (;;) {
      const entry = table[2 * pos + 1];
      if (entry === 0) break;
      if (table[2 * pos] === h) {
        const at = (entry - 1) * w;
        let k = 0;
        while (k < w && states[at + k] === s[from + k]) k++;
        if (k === w) return -1;
      }
      pos = (pos + 1) & this.mask;
    }
    if (this.count === this.parent.length) {
      this.grow();
      return this.add(s, from, parent, move);
    }
    const idx = this.count++;
    const at = idx * w;
    for (let k = 0; k < w; k++) states[at + k] = s[from + k];
    this.parent[idx] = parent;
    this.move[idx] = move;
    table[2 * pos] = h;
    table[2 * pos + 1] = idx + 1;
    return idx;
  }

  /** Copies state `idx` into `out` at `to`. */
  load(idx: number, out: Int32Array, to = 0): void {
    const w = this.width;
    const at = idx * w;
    for (let k = 0; k < w; k++) out[to + k] = this.states[at + k];
  }

  private grow() {
    const cap = this.parent.length * 2;
    const states = new Int32Array(cap * this.width);
    states.set(this.states);
    this.states = states;
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

/** Murmur3-style mixing of `w` ints. */
function hash(s: Int32Array, from: number, w: number): number {
  let h = 0x9747b28c;
  for (let k = 0; k < w; k++) {
    let x = Math.imul(s[from + k], 0xcc9e2d51);
    x = (x << 15) | (x >>> 17);
    h ^= Math.imul(x, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= w;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
