// Shared by the Verilator engine tests: a seeded PRNG (reproducible failures) and
// BigInt helpers for building expected values from the Verilog's meaning.
import { wordsFor } from '../../../sim/verilator/spec.js';

/** xorshift32, seeded: the same vectors on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** A column of `count` random values of `width` bits. `dirty` also sets bits above the width. */
export function randomColumn(next: () => number, width: number, count: number, dirty = false): Uint32Array {
  const nw = wordsFor(width);
  const col = new Uint32Array(count * nw);
  for (let i = 0; i < col.length; i++) col[i] = next();
  if (!dirty) {
    const top = width - 32 * (nw - 1);
    if (top < 32) for (let v = 0; v < count; v++) col[v * nw + nw - 1] = col[v * nw + nw - 1]! % 2 ** top;
  }
  return col;
}

/** Value of vector v of a column, masked to `width` bits. */
export function valueAt(col: Uint32Array, width: number, v: number): bigint {
  const nw = wordsFor(width);
  let x = 0n;
  for (let j = nw - 1; j >= 0; j--) x = (x << 32n) | BigInt(col[v * nw + j]!);
  return x & ((1n << BigInt(width)) - 1n);
}

/** Raw value of vector v (no masking). */
export function rawAt(col: Uint32Array, width: number, v: number): bigint {
  const nw = wordsFor(width);
  let x = 0n;
  for (let j = nw - 1; j >= 0; j--) x = (x << 32n) | BigInt(col[v * nw + j]!);
  return x;
}

/** A column holding the given values. */
export function columnOf(width: number, values: bigint[]): Uint32Array {
  const nw = wordsFor(width);
  const col = new Uint32Array(values.length * nw);
  values.forEach((x, v) => {
    for (let j = 0; j < nw; j++) col[v * nw + j] = Number((x >> BigInt(32 * j)) & 0xffffffffn);
  });
  return col;
}

export const mask = (w: number): bigint => (1n << BigInt(w)) - 1n;
