// Data accesses with the byte order PSR.be selects (SDM vol 1 §4.5: big-endian data
// references byte-reverse each access; instruction fetch and the ELF image stay
// little-endian). Every integer load, store and semaphore goes through these two, so a
// program can switch with `sum/rum psr.be` (user mask) and the next access follows. The FP
// loads and stores (compile-fp.ts) reverse their memory image with fpByteOrder.
import { OUT } from './int64.js';
import type { Machine } from './machine.js';

/** PSR.be: bit 1 of PSR (user mask). */
const PSR_BE = 1 << 1;

/** Reverses the low `size` bytes of (lo, hi) into OUT. */
export function byteSwap(size: number, lo: number, hi: number): void {
  let rLo = 0,
    rHi = 0;
  for (let i = 0; i < size; i++) {
    const b = i < 4 ? (lo >>> (8 * i)) & 0xff : (hi >>> (8 * (i - 4))) & 0xff,
      j = size - 1 - i;
    if (j < 4) rLo |= b << (8 * j);
    else rHi |= b << (8 * (j - 4));
  }
  OUT.lo = rLo >>> 0;
  OUT.hi = rHi >>> 0;
}

export const bigEndian = (m: Machine): boolean => (m.psrLo & PSR_BE) !== 0;

/** Loads `size` bytes at physical (lo, hi) into OUT in the current data byte order. */
export function dataLoad(m: Machine, lo: number, hi: number, size: number): void {
  m.mem.load(lo, hi, size, OUT);
  if (bigEndian(m)) byteSwap(size, OUT.lo, OUT.hi);
}

/** Stores the low `size` bytes of (vLo, vHi) at physical (lo, hi) in the current data byte order. */
export function dataStore(m: Machine, lo: number, hi: number, size: number, vLo: number, vHi: number): void {
  if (bigEndian(m)) {
    byteSwap(size, vLo, vHi);
    vLo = OUT.lo;
    vHi = OUT.hi;
  }
  m.mem.store(lo, hi, size, vLo, vHi);
}

const M64 = (1n << 64n) - 1n;

/**
 * An FP access's memory image (low 8 bytes, the rest) in the current byte order: with PSR.be
 * each element of `element` bytes is reversed — the whole access for ldf/stf (4, 8, 10 or 16
 * bytes: ldfe/stfe and the spill image as one number), each register's half for ldfp, whose
 * first target stays at the lower address (as Ski). Its own inverse (loads and stores).
 */
export function fpByteOrder(m: Machine, a: bigint, b: bigint, size: number, element = size): [bigint, bigint] {
  if (!bigEndian(m)) return [a, b];
  const v = a | (b << 64n);
  let r = 0n;
  for (let off = 0; off < size; off += element)
    for (let i = 0; i < element; i++)
      r |= ((v >> BigInt(8 * (off + i))) & 0xffn) << BigInt(8 * (off + element - 1 - i));
  return [r & M64, r >> 64n];
}
