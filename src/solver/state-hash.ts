// The hash of a run of a state's ints, for the visited sets (state-set.ts, tree-set.ts).

/** Murmur3-style mixing of `w` ints, two at a time (values are usually under 16 bits, so two
 *  make one 32-bit block with nothing lost; where they do not, states only collide more often,
 *  and each set's comparison still tells them apart). */
export function hash(s: Int32Array, from: number, w: number): number {
  let h = 0x9747b28c;
  const end = from + w;
  let k = from;
  for (; k + 1 < end; k += 2) {
    let x = Math.imul(s[k] ^ (s[k + 1] << 16) ^ (s[k + 1] >>> 16), 0xcc9e2d51);
    x = (x << 15) | (x >>> 17);
    h ^= Math.imul(x, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (k < end) {
    let x = Math.imul(s[k], 0xcc9e2d51);
    x = (x << 15) | (x >>> 17);
    h ^= Math.imul(x, 0x1b873593);
  }
  h ^= w;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
