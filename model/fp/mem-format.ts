// Conversions between the register format and the memory formats (SDM vol 1 §5.1.3, ldf/stf):
// single (4 bytes), double (8), double-extended (10, of which ldfe/stfe use the low 10 of 16
// bytes), integer (8, ldf8/stf8/setf.sig/getf.sig) and spill (16: significand, then exponent in
// bits 80:64 and sign in bit 81). Loads are exact re-encodings (no rounding); stores take the
// exponent's top bit and low bits as the memory format's exponent, no rounding either.
import { BIAS, EXP_INTEGER, EXP_SPECIAL, fpReg, INT_BIT, isNatVal, MASK64, NATVAL, type FpReg } from './reg.js';

export type MemFormat = 's' | 'd' | 'e' | '8';

/** Bytes each memory format reads or writes. */
export const FORMAT_BYTES: Readonly<Record<MemFormat | 'spill', number>> = { s: 4, d: 8, e: 10, '8': 8, spill: 16 };

interface IeeeLayout {
  readonly expBits: number;
  readonly fracBits: number;
}
const SINGLE: IeeeLayout = { expBits: 8, fracBits: 23 };
const DOUBLE: IeeeLayout = { expBits: 11, fracBits: 52 };

function fromIeee(bits: bigint, f: IeeeLayout): FpReg {
  const fb = BigInt(f.fracBits);
  const s = Number((bits >> (fb + BigInt(f.expBits))) & 1n);
  const ex = Number((bits >> fb) & ((1n << BigInt(f.expBits)) - 1n));
  const frac = bits & ((1n << fb) - 1n);
  const sh = BigInt(63 - f.fracBits);
  const bias = (1 << (f.expBits - 1)) - 1;
  if (ex === 0) return frac === 0n ? fpReg(s, 0, 0n) : fpReg(s, BIAS - bias + 1, frac << sh);
  if (ex === (1 << f.expBits) - 1) return fpReg(s, EXP_SPECIAL, INT_BIT | (frac << sh));
  return fpReg(s, ex - bias + BIAS, INT_BIT | (frac << sh));
}

function toIeee(r: FpReg, f: IeeeLayout): bigint {
  const { s, e, m } = r;
  const eb = BigInt(f.expBits);
  // Exponent: bit 16 of the register exponent, then its low expBits-1 bits; 0 when the
  // integer bit is clear (zeros and denormals).
  const ex = m >> 63n === 1n ? (BigInt(e >> 16) << (eb - 1n)) | (BigInt(e) & ((1n << (eb - 1n)) - 1n)) : 0n;
  const frac = (m >> BigInt(63 - f.fracBits)) & ((1n << BigInt(f.fracBits)) - 1n);
  return (BigInt(s) << (eb + BigInt(f.fracBits))) | (ex << BigInt(f.fracBits)) | frac;
}

export const singleToReg = (bits: bigint): FpReg => fromIeee(bits, SINGLE);
export const doubleToReg = (bits: bigint): FpReg => fromIeee(bits, DOUBLE);
export const regToSingle = (r: FpReg): bigint => toIeee(r, SINGLE);
export const regToDouble = (r: FpReg): bigint => toIeee(r, DOUBLE);

/** Double-extended: 64-bit significand, then 15-bit exponent and sign in the next 16 bits. */
export function extendedToReg(sig: bigint, signExp: number): FpReg {
  const s = (signExp >> 15) & 1,
    ex = signExp & 0x7fff;
  const e = ex === 0x7fff ? EXP_SPECIAL : ex === 0 ? 0 : ex - 0x3fff + BIAS;
  return fpReg(s, e, sig & MASK64);
}
export function regToExtended(r: FpReg): { sig: bigint; signExp: number } {
  return { sig: r.m, signExp: (r.s << 15) | ((r.e >> 16) << 14) | (r.e & 0x3fff) };
}

/** Integer (ldf8, setf.sig): the 64 bits as the significand of exponent 0x1003E. */
export const integerToReg = (v: bigint): FpReg => fpReg(0, EXP_INTEGER, v & MASK64);

/** setf.exp: GR bits 16:0 are the exponent, bit 17 the sign, the significand 1.0. */
export const expToReg = (v: bigint): FpReg => fpReg(Number((v >> 17n) & 1n), Number(v & 0x1ffffn), INT_BIT);
/** getf.exp. */
export const regToExp = (r: FpReg): bigint => (BigInt(r.s) << 17n) | BigInt(r.e);

/** Spill image as two 64-bit words (low: significand; high: sign and exponent). */
export function regToSpill(r: FpReg): { lo: bigint; hi: bigint } {
  return { lo: r.m, hi: (BigInt(r.s) << 17n) | BigInt(r.e) };
}
export const spillToReg = (lo: bigint, hi: bigint): FpReg =>
  fpReg(Number((hi >> 17n) & 1n), Number(hi & 0x1ffffn), lo & MASK64);

export { isNatVal, NATVAL };
