// 64-bit arithmetic on (lo, hi) pairs of unsigned 32-bit numbers, for the hot path (no BigInt).
// Results of the multi-output helpers are left in the module-level OUT pair to avoid allocation.

export const OUT = { lo: 0, hi: 0 };

export function toBig(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

export function loOf(v: bigint): number {
  return Number(v & 0xffffffffn);
}
export function hiOf(v: bigint): number {
  return Number((v >> 32n) & 0xffffffffn);
}

export function add64(alo: number, ahi: number, blo: number, bhi: number): void {
  const lo = alo + blo;
  OUT.lo = lo >>> 0;
  OUT.hi = (ahi + bhi + (lo > 0xffffffff ? 1 : 0)) >>> 0;
}

export function sub64(alo: number, ahi: number, blo: number, bhi: number): void {
  OUT.lo = (alo - blo) >>> 0;
  OUT.hi = (ahi - bhi - (alo >>> 0 < blo >>> 0 ? 1 : 0)) >>> 0;
}

/** Logical shift left by n (0..63; larger counts give 0). */
export function shl64(lo: number, hi: number, n: number): void {
  if (n === 0) {
    OUT.lo = lo >>> 0;
    OUT.hi = hi >>> 0;
    return;
  }
  if (n >= 64) {
    OUT.lo = 0;
    OUT.hi = 0;
    return;
  }
  if (n >= 32) {
    OUT.hi = (lo << (n - 32)) >>> 0;
    OUT.lo = 0;
    return;
  }
  OUT.hi = ((hi << n) | (lo >>> (32 - n))) >>> 0;
  OUT.lo = (lo << n) >>> 0;
}

/** Logical shift right by n (larger than 63 gives 0). */
export function shr64u(lo: number, hi: number, n: number): void {
  if (n === 0) {
    OUT.lo = lo >>> 0;
    OUT.hi = hi >>> 0;
    return;
  }
  if (n >= 64) {
    OUT.lo = 0;
    OUT.hi = 0;
    return;
  }
  if (n >= 32) {
    OUT.lo = hi >>> (n - 32);
    OUT.hi = 0;
    return;
  }
  OUT.lo = ((lo >>> n) | (hi << (32 - n))) >>> 0;
  OUT.hi = hi >>> n;
}

/** Arithmetic shift right by n (counts above 63 act as 63). */
export function shr64s(lo: number, hi: number, n: number): void {
  if (n > 63) n = 63;
  if (n === 0) {
    OUT.lo = lo >>> 0;
    OUT.hi = hi >>> 0;
    return;
  }
  if (n >= 32) {
    OUT.lo = (hi >> (n - 32)) >>> 0;
    OUT.hi = (hi >> 31) >>> 0;
    return;
  }
  OUT.lo = ((lo >>> n) | (hi << (32 - n))) >>> 0;
  OUT.hi = (hi >> n) >>> 0;
}

/** Mask of `len` ones starting at bit `pos` (pos + len ≤ 64). */
export function mask64(pos: number, len: number): void {
  // ones(len) << pos
  if (len >= 64) {
    OUT.lo = 0xffffffff;
    OUT.hi = 0xffffffff;
  } else if (len >= 32) {
    OUT.lo = 0xffffffff;
    OUT.hi = len === 32 ? 0 : 0xffffffff >>> (64 - len);
  } else {
    OUT.lo = len === 0 ? 0 : 0xffffffff >>> (32 - len);
    OUT.hi = 0;
  }
  shl64(OUT.lo, OUT.hi, pos);
}

/** Signed 64-bit a < b. */
export function lt64(alo: number, ahi: number, blo: number, bhi: number): boolean {
  return (ahi | 0) < (bhi | 0) || (ahi === bhi && alo >>> 0 < blo >>> 0);
}

/** Unsigned 64-bit a < b. */
export function ltu64(alo: number, ahi: number, blo: number, bhi: number): boolean {
  return ahi >>> 0 < bhi >>> 0 || (ahi === bhi && alo >>> 0 < blo >>> 0);
}

export function hex64(lo: number, hi: number): string {
  return '0x' + toBig(lo, hi).toString(16);
}
