// A small seeded random source (mulberry32) and the picks the program generator needs: the
// same seed gives the same program on every machine, so a seed names a program.

export type Rng = () => number;

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const chance = (r: Rng, p: number): boolean => r() < p;
export const u64 = (r: Rng): bigint => (BigInt(Math.floor(r() * 2 ** 32)) << 32n) | BigInt(Math.floor(r() * 2 ** 32));

/** Picks one of the weighted alternatives. */
export function weighted<T>(r: Rng, xs: readonly (readonly [number, T])[]): T {
  const total = xs.reduce((s, [w]) => s + w, 0);
  let x = r() * total;
  for (const [w, v] of xs) {
    x -= w;
    if (x < 0) return v;
  }
  return xs.at(-1)![1];
}
