// The 82-bit floating-point register format (SDM vol 1 §5.1): sign, 17-bit biased exponent
// (bias 0xFFFF), 64-bit significand with an explicit integer bit. A value is kept as a plain
// object of three fields; the significand is a BigInt so that every operation is exact.
// Classes follow the register encodings table: NaTVal, NaNs (bit 62 set: quiet), infinity,
// unsupported (exponent 0x1FFFF with the integer bit clear: pseudo-NaN / pseudo-infinity),
// zeros (significand 0: true zero with exponent 0, pseudo-zero otherwise), finite values.

export interface FpReg {
  /** 0 or 1. */
  readonly s: number;
  /** Biased exponent, 0..0x1FFFF. */
  readonly e: number;
  /** Significand, 0..2^64-1; bit 63 is the explicit integer bit. */
  readonly m: bigint;
}

export const BIAS = 0xffff;
export const EXP_SPECIAL = 0x1ffff;
/** Exponent of an integer held in the significand (value = significand · 2^0). */
export const EXP_INTEGER = 0x1003e;
export const INT_BIT = 1n << 63n;
export const QUIET_BIT = 1n << 62n;
export const MASK64 = (1n << 64n) - 1n;
/**
 * A register exponent of 0 with a nonzero significand (a register denormal or pseudo-denormal)
 * weighs as the double-extended denormal exponent 2^-16382, so that ldfe keeps its bits.
 */
export const EXP_ZERO_WEIGHT = 0xc001;

export const fpReg = (s: number, e: number, m: bigint): FpReg => ({ s, e, m });
export const NATVAL: FpReg = fpReg(0, 0x1fffe, 0n);
export const FR0: FpReg = fpReg(0, 0, 0n);
export const FR1: FpReg = fpReg(0, BIAS, INT_BIT);
/** The QNaN indefinite, the result of an invalid operation with traps disabled. */
export const QNAN_INDEFINITE: FpReg = fpReg(1, EXP_SPECIAL, 0xc000000000000000n);
export const INFINITY = (s: number): FpReg => fpReg(s, EXP_SPECIAL, INT_BIT);
export const ZERO = (s: number): FpReg => fpReg(s, 0, 0n);

export const isNatVal = (r: FpReg): boolean => r.s === 0 && r.e === 0x1fffe && r.m === 0n;
export const isInf = (r: FpReg): boolean => r.e === EXP_SPECIAL && r.m === INT_BIT;
export const isNan = (r: FpReg): boolean => r.e === EXP_SPECIAL && r.m > INT_BIT;
export const isQnan = (r: FpReg): boolean => isNan(r) && (r.m & QUIET_BIT) !== 0n;
export const isSnan = (r: FpReg): boolean => isNan(r) && (r.m & QUIET_BIT) === 0n;
export const isUnsupported = (r: FpReg): boolean => r.e === EXP_SPECIAL && r.m < INT_BIT;
/** Zero or pseudo-zero (NaTVal excluded). */
export const isZero = (r: FpReg): boolean => r.m === 0n && r.e !== EXP_SPECIAL && !isNatVal(r);
/** Finite and not zero. */
export const isFiniteNonzero = (r: FpReg): boolean => r.e !== EXP_SPECIAL && r.m !== 0n;
/**
 * Operands that raise the denormal/unnormal exception (D): a nonzero significand without its
 * integer bit, any nonzero significand with exponent 0 (register denormals and
 * pseudo-denormals), and pseudo-zeros (significand 0, exponent not 0).
 */
export function isUnnormal(r: FpReg): boolean {
  if (r.e === EXP_SPECIAL || isNatVal(r)) return false;
  if (r.m === 0n) return r.e !== 0;
  return r.e === 0 || r.m < INT_BIT;
}
/** Normalized finite nonzero value (integer bit set, exponent not 0). */
export const isNormal = (r: FpReg): boolean => r.e !== EXP_SPECIAL && r.e !== 0 && r.m >= INT_BIT && !isNatVal(r);

/** Weight of the significand's bit 63 as an unbiased exponent (finite values). */
export const unbiasedExp = (r: FpReg): number => (r.e === 0 ? EXP_ZERO_WEIGHT : r.e) - BIAS;

/** A quiet copy of a NaN (bit 62 set). */
export const quiet = (r: FpReg): FpReg => fpReg(r.s, r.e, r.m | QUIET_BIT);

export const sameReg = (a: FpReg, b: FpReg): boolean => a.s === b.s && a.e === b.e && a.m === b.m;

/** "s:eeeee:mmmmmmmmmmmmmmmm" for messages and fixtures. */
export const regText = (r: FpReg): string =>
  `${r.s}:${r.e.toString(16).padStart(5, '0')}:${r.m.toString(16).padStart(16, '0')}`;
