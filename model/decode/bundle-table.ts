// A bounded table of values keyed by a bundle's 16 bytes (its four little-endian words), shared
// by the decode cache (decode-cache.ts) and the compiled-bundle cache (exec/bundle-cache.ts).
// Two-way, indexed by a hash of the words: a new content goes to its slot and the one there
// moves to the slot's pair (h ^ 1), replacing the older content, so memory stays bounded however
// much new code a run meets, and a lookup is one or two array loads (a large Map's buckets and
// collision lists cost several cache misses per lookup).

/**
 * Hash of a bundle's four little-endian words (32 bits; a content cache masks it to its size
 * and compares the words). Also the key of the compiled-bundle cache (exec/bundle-cache.ts) and
 * the lockstep's event descriptors (sim/cosim/lockstep/bundles.ts).
 */
export function bundleHash(w0: number, w1: number, w2: number, w3: number): number {
  let h = Math.imul(w0 ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ w1 ^ (h >>> 15), 0xc2b2ae35);
  h = Math.imul(h ^ w2 ^ (h >>> 13), 0x85ebca6b);
  h = Math.imul(h ^ w3 ^ (h >>> 16), 0xc2b2ae35);
  return (h ^ (h >>> 15)) >>> 0;
}

/** What the table keeps: a value that carries its bundle's words. */
export interface BundleWords {
  readonly w0: number;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;
}

export class BundleTable<T extends BundleWords> {
  private readonly slots: (T | undefined)[];
  private readonly mask: number;

  /** `size` slots, a power of two. */
  constructor(size: number) {
    this.slots = new Array(size);
    this.mask = size - 1;
  }

  /** The value stored for these words, or undefined. */
  find(w0: number, w1: number, w2: number, w3: number): T | undefined {
    const h = bundleHash(w0, w1, w2, w3) & this.mask;
    const e = this.slots[h];
    if (e !== undefined && e.w0 === w0 && e.w1 === w1 && e.w2 === w2 && e.w3 === w3) return e;
    // Two ways: the pair of slots h, h ^ 1 holds the newest content first.
    const f = this.slots[h ^ 1];
    if (f !== undefined && f.w0 === w0 && f.w1 === w1 && f.w2 === w2 && f.w3 === w3) return f;
    return undefined;
  }

  /** Stores `v` (for words `find` did not have) in its slot, the content there moving to the pair. */
  insert(v: T): T {
    const h = bundleHash(v.w0, v.w1, v.w2, v.w3) & this.mask;
    const e = this.slots[h];
    if (e !== undefined) this.slots[h ^ 1] = e;
    this.slots[h] = v;
    return v;
  }
}
