// Random word sources for stimulus: the OS generator (crypto.randomFillSync, fastest, not
// reproducible) or a seeded stream (reproducible runs: same seed → same columns): the
// AES-128-CTR keystream of a key derived from the seed (OpenSSL, AES-NI: ≈ 4 GB/s, about twice
// the JavaScript xoshiro128** it replaced, so the raw words cost little next to the shaping).
import { createCipheriv, randomFillSync } from 'node:crypto';

export interface RandomSource {
  /** Fills the whole buffer with uniformly random 32-bit words. */
  fill(buf: Uint32Array): void;
  /** One random 32-bit word. */
  next(): number;
}

export function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`random source: seed must be a non-negative integer, got ${seed}`);
}

/** splitmix32 over the seed's two 32-bit halves: the seeding of both seeded sources. */
function seedMixer(seed: number): () => number {
  let z = (seed >>> 0) ^ Math.floor(seed / 0x100000000);
  return (): number => {
    z = (z + 0x9e3779b9) | 0;
    let t = z ^ (z >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/** Keystream words per cipher call of fill() (64 KiB: stays in the L1/L2 cache while copied). */
const AES_CHUNK_WORDS = 16_384;
const AES_ZERO = new Uint8Array(AES_CHUNK_WORDS * 4);
/** next() draws from a small pool (so a short stimulus does not pay for a whole chunk). */
const AES_POOL_WORDS = 256;

/**
 * The seeded source: AES-128-CTR (counter from 0) encrypting zeros, the key four splitmix32
 * words of `seed`; words are the keystream's bytes in the platform's (little-endian) order.
 * fill() and next() consume one keystream in order (next() through a small pool, which fill()
 * empties first), so any mix of calls gives the same sequence.
 */
export function seededSource(seed: number): RandomSource {
  checkSeed(seed);
  const mix = seedMixer(seed);
  const key = new Uint8Array(new Uint32Array([mix(), mix(), mix(), mix()]).buffer);
  const cipher = createCipheriv('aes-128-ctr', key, new Uint8Array(16));
  const pool = new Uint32Array(AES_POOL_WORDS),
    pool8 = new Uint8Array(pool.buffer);
  let at = AES_POOL_WORDS;
  /** The next `words` keystream words into `dst` (bytes) at byte `off`. */
  const stream = (dst: Uint8Array, off: number, words: number) => {
    for (let done = 0; done < words; ) {
      const k = Math.min(words - done, AES_CHUNK_WORDS);
      dst.set(cipher.update(AES_ZERO.subarray(0, 4 * k)), off + 4 * done);
      done += k;
    }
  };
  return {
    next() {
      if (at === AES_POOL_WORDS) {
        stream(pool8, 0, AES_POOL_WORDS);
        at = 0;
      }
      return pool[at++]!;
    },
    fill(buf) {
      const k = Math.min(buf.length, AES_POOL_WORDS - at);
      if (k > 0) {
        buf.set(pool.subarray(at, at + k));
        at += k;
      }
      if (buf.length > k) stream(new Uint8Array(buf.buffer, buf.byteOffset, 4 * buf.length), 4 * k, buf.length - k);
    },
  };
}

/** crypto.randomFillSync, with a small refilled buffer for next(). */
export function cryptoSource(): RandomSource {
  const pool = new Uint32Array(1024);
  let at = pool.length;
  return {
    fill(buf) {
      // randomFillSync is limited to 2^31-1 bytes per call.
      for (let off = 0; off < buf.length; off += 1 << 28) randomFillSync(buf.subarray(off, off + (1 << 28)));
    },
    next() {
      if (at === pool.length) {
        randomFillSync(pool);
        at = 0;
      }
      return pool[at++]!;
    },
  };
}

/** Seeded when `seed` is given, else the OS generator. */
export function randomSource(seed?: number): RandomSource {
  return seed === undefined ? cryptoSource() : seededSource(seed);
}
