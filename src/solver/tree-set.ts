// The visited set of large searches, tree-compressed (LTSmin's tree compression: Blom, Lisser,
// van de Pol and Weber, "A database approach to distributed state-space generation", 2009;
// Laarman, van de Pol and Weber, "Parallel recursive state compression for free", SPIN 2011).
// Exact: every state is stored whole, only shared parts are stored once.
//
// A state of `width` values is the leaves of a fixed balanced binary tree. Each inner node is a
// pair (left, right), each side a leaf's value or the number of a stored inner node; equal pairs
// are stored once, in one open-addressing table. The root's pair is the state: roots are stored
// one per state, in the order found (the breadth-first queue), and a second table maps a root pair
// to its state number. Large state spaces share nearly all inner nodes, so a state costs its root
// (8 bytes) and its share of the root table (4 bytes a slot, at most 3/4 full): 13 to 19 bytes.
//
// Computing a state's nodes is incremental: a successor differs from the state it came from in
// a few values, so each pair is first compared with the same node of the state loaded last, and
// only a pair that differs is looked up. Loading is incremental too. And a pair of small values
// (the usual pc and status, or two small node numbers) is not stored at all: it is packed into
// its ref, a negative number (stored nodes are numbered from 0).
//
// No parents are kept: a schedule is found again by the search (explore.ts, `movesTo`).

/** Roots per chunk: a full chunk is never copied. */
const CHUNK_BITS = 16;
const CHUNK_STATES = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_STATES - 1;

export class TreeSet {
  count = 0;
  /** Inner nodes in post-order (children first); the last is the root. Per node and side: is
   *  that child a leaf, and the leaf's index in the state or the child's node (in this order). */
  private readonly leftLeaf: Uint8Array;
  private readonly leftRef: Int32Array;
  private readonly rightLeaf: Uint8Array;
  private readonly rightRef: Int32Array;
  private readonly inner: number;
  /** Per inner node but the root: its pair and ref in the state loaded last. */
  private readonly cacheA: Int32Array;
  private readonly cacheB: Int32Array;
  private readonly cacheRef: Int32Array;
  /** Has a state been loaded (is the cache valid)? Where to? */
  private cached = false;
  private lastOut: Int32Array | null = null;
  private lastTo = 0;
  /** Scratch of `load`: does node k differ from the state loaded before? */
  private readonly fresh: Uint8Array;
  /** Per inner node: where its left and right sides are in `vals`. */
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  /** Scratch of `nodesOf`: the state's values, then each inner node's ref. */
  private readonly vals: Int32Array;
  /** Roots: state i's pair at ((i & CHUNK_MASK) * 2) in chunk i >>> CHUNK_BITS. */
  private roots: Int32Array[] = [];
  /** Open addressing: state number + 1 (0: empty). */
  private rootTable = new Int32Array(1 << 12);
  private rootMask = (1 << 12) - 1;
  /**
   * Stored inner nodes, per place k in the tree (a node's ref means something only at its
   * place; the places near the leaves have few nodes, and their tables stay in the cache):
   * pairs by number, those that are not packed. A node's number (its ref) is its place in
   * `nodes[k]`, >= 0; a node whose left side fits 16 bits and right side 15 is not stored but
   * packed into a negative ref. The tables: four ints a slot, the pair and number + 1 (0: empty),
   * so that a probe reads one cache line.
   */
  private readonly nodes: Int32Array[] = [];
  private readonly nodeCount: Int32Array;
  private readonly nodeTables: Int32Array[] = [];
  private readonly nodeMask: Int32Array;
  /** The root pair and hash `encode` made for each slot of a batch. */
  private pendA = new Int32Array(64);
  private pendB = new Int32Array(64);
  private pendHash = new Int32Array(64);
  /** The root pair of `nodesOf`. */
  private rootA = 0;
  private rootB = 0;
  /** Where `addAll`'s early loads go, so that they are not optimized away. */
  touched = 0;

  constructor(readonly width: number) {
    if (width < 2) throw new Error("TreeSet: a state has at least two values (a pc and a status)");
    const inner = width - 1;
    this.inner = inner;
    this.leftLeaf = new Uint8Array(inner);
    this.leftRef = new Int32Array(inner);
    this.rightLeaf = new Uint8Array(inner);
    this.rightRef = new Int32Array(inner);
    let made = 0;
    // Depth log2(width): the recursion is shallow.
    const build = (lo: number, hi: number): { leaf: boolean; ref: number } => {
      if (hi - lo === 1) return { leaf: true, ref: lo };
      const mid = lo + ((hi - lo + 1) >> 1);
      const left = build(lo, mid);
      const right = build(mid, hi);
      const k = made++;
      this.leftLeaf[k] = left.leaf ? 1 : 0;
      this.leftRef[k] = left.ref;
      this.rightLeaf[k] = right.leaf ? 1 : 0;
      this.rightRef[k] = right.ref;
      return { leaf: false, ref: k };
    };
    build(0, width);
    this.cacheA = new Int32Array(inner);
    this.cacheB = new Int32Array(inner);
    this.cacheRef = new Int32Array(inner);
    this.fresh = new Uint8Array(inner);
    this.left = Int32Array.from(this.leftRef, (r, k) => (this.leftLeaf[k] === 1 ? r : width + r));
    this.right = Int32Array.from(this.rightRef, (r, k) => (this.rightLeaf[k] === 1 ? r : width + r));
    this.vals = new Int32Array(width + inner);
    this.nodeCount = new Int32Array(inner);
    this.nodeMask = new Int32Array(inner).fill(15);
    for (let k = 0; k < inner; k++) {
      this.nodes.push(new Int32Array(32));
      this.nodeTables.push(new Int32Array(4 * 16));
    }
  }

  /** Bytes the set holds, per state: every table and array as allocated, growth reserve included. */
  get bytesPerStateUsed(): number {
    let bytes = this.roots.length * CHUNK_STATES * 8 + this.rootTable.length * 4;
    for (let k = 0; k < this.inner; k++) bytes += this.nodes[k].length * 4 + this.nodeTables[k].length * 4;
    return bytes / Math.max(1, this.count);
  }

  /** Inner nodes stored, roots not included (for the bench). */
  get innerNodes(): number {
    return this.nodeCount.reduce((a, b) => a + b, 0);
  }

  /** Adds `s[from .. from + width)` unless present. Returns its index, or -1 if it was there. */
  add(s: Int32Array, from: number): number {
    this.nodesOf(s, from, true);
    const before = this.count;
    this.addRoot(this.rootA, this.rootB, mix(this.rootA, this.rootB));
    return this.count > before ? before : -1;
  }

  /** The index of `s[from .. from + width)` in the set, or -1. Stores nothing. */
  indexOf(s: Int32Array, from: number): number {
    if (!this.nodesOf(s, from, false)) return -1;
    return this.findRoot(this.rootA, this.rootB, mix(this.rootA, this.rootB));
  }

  /** Stores the inner nodes of `s[from .. from + width)` and keeps its root, as the j-th state
   *  of the next `addAll`. */
  encode(s: Int32Array, from: number, j: number): void {
    this.nodesOf(s, from, true);
    if (j >= this.pendA.length) this.growPending(j + 1);
    this.pendA[j] = this.rootA;
    this.pendB[j] = this.rootB;
    this.pendHash[j] = mix(this.rootA, this.rootB);
  }

  /**
   * The inner nodes of `s[from .. from + width)`, stored if `insert`, and its root pair in
   * rootA, rootB. Without `insert`, false when some node is not stored (nor is the state).
   */
  private nodesOf(s: Int32Array, from: number, insert: boolean): boolean {
    const { left, right, cacheA, cacheB, cacheRef, vals } = this;
    const w = this.width;
    const root = this.inner - 1;
    const cached = this.cached;
    for (let k = 0; k < w; k++) vals[k] = s[from + k];
    for (let k = 0; k < root; k++) {
      const a = vals[left[k]];
      const b = vals[right[k]];
      if (a === cacheA[k] && b === cacheB[k] && cached) {
        vals[w + k] = cacheRef[k];
        continue;
      }
      if (((a << 16) >> 16) === a && ((b << 17) >> 17) === b) {
        vals[w + k] = (a & 0xffff) | ((b & 0x7fff) << 16) | 0x80000000; // packed: no look-up
        continue;
      }
      const r = this.node(k, a, b, insert);
      if (r < 0) return false;
      vals[w + k] = r;
    }
    this.rootA = vals[left[root]];
    this.rootB = vals[right[root]];
    return true;
  }

  /**
   * Adds the states `encode` kept for slots 0 .. count - 1, in order, as `add` would one by one.
   * Every state's table slot is read first, in loads that do not wait for each other, so their
   * cache misses overlap (as in StateSet.addAll). The other arguments are StateSet's: a tree
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
      if (entry !== 0) touched ^= roots[(entry - 1) >>> CHUNK_BITS][((entry - 1) & CHUNK_MASK) * 2];
    }
    this.touched = touched;
    for (let j = 0; j < count; j++) this.addRoot(pendA[j], pendB[j], pendHash[j]);
  }

  /**
   * Copies state `idx` into `out` at `to`, and keeps its nodes for the next `encode`s. With
   * `unchanged`, the caller promises that if the last load was into the same place, `out` is
   * still as it left it: then only the values of subtrees that differ from it are written.
   */
  load(idx: number, out: Int32Array, to = 0, unchanged = false): void {
    const { leftLeaf, leftRef, rightLeaf, rightRef, cacheA, cacheB, cacheRef, fresh, nodes } = this;
    const root = this.inner - 1;
    const chunk = this.roots[idx >>> CHUNK_BITS];
    const at = (idx & CHUNK_MASK) * 2;
    const skip = unchanged && this.cached && out === this.lastOut && to === this.lastTo;
    this.lastOut = out;
    this.lastTo = to;
    // Parents before children: reverse post-order. The root's pair is kept in the cache's spare
    // place, the root's own slot, which `encode` never reads.
    cacheA[root] = chunk[at];
    cacheB[root] = chunk[at + 1];
    fresh[root] = 1;
    for (let k = root; k >= 0; k--) {
      if (fresh[k] === 0) continue;
      const a = cacheA[k], b = cacheB[k];
      // Each child that is a node and differs: its pair, unpacked or read.
      for (let side = 0; side < 2; side++) {
        const ref = side === 0 ? a : b;
        const c = side === 0 ? leftRef[k] : rightRef[k];
        if ((side === 0 ? leftLeaf[k] : rightLeaf[k]) === 1) out[to + c] = ref;
        else if (skip && cacheRef[c] === ref) fresh[c] = 0;
        else {
          fresh[c] = 1;
          cacheRef[c] = ref;
          if (ref < 0) {
            cacheA[c] = (ref << 16) >> 16;
            cacheB[c] = (ref << 1) >> 17;
          } else {
            cacheA[c] = nodes[c][2 * ref];
            cacheB[c] = nodes[c][2 * ref + 1];
          }
        }
      }
    }
    this.cached = true;
  }

  /** The number of inner node (a, b) at place k; stores it first if `insert`, else -1 if absent. */
  private node(k: number, a: number, b: number, insert: boolean): number {
    const table = this.nodeTables[k];
    const mask = this.nodeMask[k];
    let pos = mix(a, b) & mask;
    for (;;) {
      const entry = table[4 * pos + 2];
      if (entry === 0) break;
      if (table[4 * pos] === a && table[4 * pos + 1] === b) return entry - 1;
      pos = (pos + 1) & mask;
    }
    if (!insert) return -1;
    const idx = this.nodeCount[k]++;
    let nodes = this.nodes[k];
    if (2 * idx + 2 > nodes.length) {
      const grown = new Int32Array(nodes.length * 2);
      grown.set(nodes);
      this.nodes[k] = nodes = grown;
    }
    nodes[2 * idx] = a;
    nodes[2 * idx + 1] = b;
    table[4 * pos] = a;
    table[4 * pos + 1] = b;
    table[4 * pos + 2] = idx + 1;
    if (4 * (idx + 1) > 3 * (mask + 1)) this.growNodeTable(k);
    return idx;
  }

  private growNodeTable(k: number): void {
    const size = 2 * (this.nodeMask[k] + 1);
    const table = new Int32Array(4 * size);
    const mask = size - 1;
    const nodes = this.nodes[k];
    for (let i = 0; i < this.nodeCount[k]; i++) {
      const a = nodes[2 * i], b = nodes[2 * i + 1];
      let pos = mix(a, b) & mask;
      while (table[4 * pos + 2] !== 0) pos = (pos + 1) & mask;
      table[4 * pos] = a;
      table[4 * pos + 1] = b;
      table[4 * pos + 2] = i + 1;
    }
    this.nodeTables[k] = table;
    this.nodeMask[k] = mask;
  }

  private findRoot(a: number, b: number, h: number): number {
    const table = this.rootTable;
    const mask = this.rootMask;
    const roots = this.roots;
    for (let pos = h & mask; ; pos = (pos + 1) & mask) {
      const entry = table[pos];
      if (entry === 0) return -1;
      const chunk = roots[(entry - 1) >>> CHUNK_BITS];
      const at = ((entry - 1) & CHUNK_MASK) * 2;
      if (chunk[at] === a && chunk[at + 1] === b) return entry - 1;
    }
  }

  private addRoot(a: number, b: number, h: number): void {
    const table = this.rootTable;
    const mask = this.rootMask;
    const roots = this.roots;
    let pos = h & mask;
    for (;;) {
      const entry = table[pos];
      if (entry === 0) break;
      const chunk = roots[(entry - 1) >>> CHUNK_BITS];
      const at = ((entry - 1) & CHUNK_MASK) * 2;
      if (chunk[at] === a && chunk[at + 1] === b) return;
      pos = (pos + 1) & mask;
    }
    const idx = this.count++;
    if ((idx & CHUNK_MASK) === 0) roots.push(new Int32Array(CHUNK_STATES * 2));
    const chunk = roots[idx >>> CHUNK_BITS];
    chunk[(idx & CHUNK_MASK) * 2] = a;
    chunk[(idx & CHUNK_MASK) * 2 + 1] = b;
    table[pos] = idx + 1;
    if (4 * this.count > 3 * table.length) this.growRootTable();
  }

  /** Doubles the root table; the roots themselves stay where they are. */
  private growRootTable(): void {
    const size = 2 * this.rootTable.length;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < this.count; i++) {
      const chunk = this.roots[i >>> CHUNK_BITS];
      let pos = mix(chunk[(i & CHUNK_MASK) * 2], chunk[(i & CHUNK_MASK) * 2 + 1]) & mask;
      while (table[pos] !== 0) pos = (pos + 1) & mask;
      table[pos] = i + 1;
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
