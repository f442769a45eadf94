// The register-format operations other than fma: compares and classes, min/max, conversions
// to and from integers, the reciprocal (square root) approximations, integer multiply-add.
// Each returns a result (register, flags, trap) or a fault, like fmaReg.
import { FLAG_I, FLAG_V, FLAG_Z, RC_ZERO, type RoundingMode } from './fpsr.js';
import { denormCheck, invalid, isFault, lsbExp, SWA, type FpFault, type FpOutcome } from './fma.js';
import {
  EXP_INTEGER,
  fpReg,
  INFINITY,
  isInf,
  isNan,
  isNatVal,
  isQnan,
  isSnan,
  isUnnormal,
  isUnsupported,
  isZero,
  NATVAL,
  quiet,
  unbiasedExp,
  BIAS,
  type FpReg,
} from './reg.js';
import { bitLength, TRAP_FPA, TRAP_I, type FpResult } from './round.js';

const plain = (r: FpReg, flags = 0): FpResult => ({ r, flags, trap: 0 });

/** Exact comparison of two finite values: -1, 0, 1 (zeros of both signs and pseudo-zeros equal). */
export function compareFinite(a: FpReg, b: FpReg): number {
  const za = isZero(a),
    zb = isZero(b);
  if (za && zb) return 0;
  const sa = za ? 1 - b.s : a.s,
    sb = zb ? 1 - a.s : b.s;
  // A zero compares as a tiny number of the opposite sign of the other operand.
  if (za) return b.s ? 1 : -1;
  if (zb) return a.s ? -1 : 1;
  if (sa !== sb) return sa ? -1 : 1;
  const qa = lsbExp(a),
    qb = lsbExp(b);
  const q = Math.min(qa, qb);
  const ma = a.m << BigInt(qa - q),
    mb = b.m << BigInt(qb - q);
  const c = ma === mb ? 0 : ma < mb ? -1 : 1;
  return a.s ? -c : c;
}

/** Total-order-free comparison including infinities (no NaNs): -1, 0, 1. */
function compareOrdered(a: FpReg, b: FpReg): number {
  const ia = isInf(a),
    ib = isInf(b);
  if (ia || ib) {
    const va = ia ? (a.s ? -1 : 1) : 0,
      vb = ib ? (b.s ? -1 : 1) : 0;
    return va === vb ? 0 : va < vb ? -1 : 1;
  }
  return compareFinite(a, b);
}

export type FcmpRel = 'eq' | 'lt' | 'le' | 'unord';

/** fcmp: the relation's truth, or a fault; null result for NaTVal (both predicates 0). */
export function fcmpReg(
  rel: FcmpRel,
  a: FpReg,
  b: FpReg,
  traps: number,
): { res: boolean | null; flags: number } | FpFault {
  if (isNatVal(a) || isNatVal(b)) return { res: null, flags: 0 };
  const bad = isUnsupported(a) || isUnsupported(b) || isSnan(a) || isSnan(b);
  const nan = bad || isQnan(a) || isQnan(b);
  if (nan) {
    const signal = bad || rel === 'lt' || rel === 'le';
    if (signal && !(traps & FLAG_V)) return { fault: FLAG_V };
    return { res: rel === 'unord', flags: signal ? FLAG_V : 0 };
  }
  const d = denormCheck({ traps }, a, b);
  if (typeof d !== 'number') return d;
  const c = compareOrdered(a, b);
  const res = rel === 'eq' ? c === 0 : rel === 'lt' ? c < 0 : rel === 'le' ? c <= 0 : false;
  return { res, flags: d };
}

/** fclass: whether f2 is in the 9-bit class set (SDM fclass). */
export function fclassReg(r: FpReg, fclass9: number): boolean {
  if (isUnsupported(r)) return false;
  if (isNatVal(r)) return (fclass9 & 0x100) !== 0;
  if (isQnan(r)) return (fclass9 & 0x80) !== 0;
  if (isSnan(r)) return (fclass9 & 0x40) !== 0;
  if (!(fclass9 & (r.s ? 2 : 1))) return false;
  if (isInf(r)) return (fclass9 & 0x20) !== 0;
  if (isUnnormal(r)) return (fclass9 & 0x08) !== 0;
  if (isZero(r)) return (fclass9 & 0x04) !== 0;
  return (fclass9 & 0x10) !== 0;
}

export type MinMax = 'fmin' | 'fmax' | 'famin' | 'famax';

/** fmin/fmax/famin/famax f1 = f2, f3: f2 when the relation holds, else f3 (also on NaNs, with V). */
export function minMaxReg(op: MinMax, f2: FpReg, f3: FpReg, traps: number): FpOutcome {
  if (isNatVal(f2) || isNatVal(f3)) return plain(NATVAL);
  if (isNan(f2) || isNan(f3) || isUnsupported(f2) || isUnsupported(f3)) return invalid({ traps }, f3);
  const d = denormCheck({ traps }, f2, f3);
  if (typeof d !== 'number') return d;
  const abs = (r: FpReg) => fpReg(0, r.e, r.m);
  const x = op === 'famin' || op === 'famax' ? abs(f2) : f2,
    y = op === 'famin' || op === 'famax' ? abs(f3) : f3;
  const pick = op === 'fmin' || op === 'famin' ? compareOrdered(x, y) < 0 : compareOrdered(y, x) < 0;
  return plain(pick ? f2 : f3, d);
}

/** Rounds the finite value of r to an integer (exact BigInt) under rc. */
function roundToInteger(r: FpReg, rc: RoundingMode): { v: bigint; inexact: boolean; up: boolean } {
  const q = lsbExp(r);
  const mag = r.m;
  if (q >= 0) return { v: (r.s ? -1n : 1n) * (mag << BigInt(q)), inexact: false, up: false };
  const d = BigInt(-q);
  const whole = q < -200 ? 0n : mag >> d;
  const rem = q < -200 ? mag : mag & ((1n << d) - 1n);
  if (rem === 0n) return { v: r.s ? -whole : whole, inexact: false, up: false };
  const cmpHalf = q < -200 ? -1 : rem === 1n << (d - 1n) ? 0 : rem > 1n << (d - 1n) ? 1 : -1;
  let up: boolean;
  if (rc === 0) up = cmpHalf > 0 || (cmpHalf === 0 && (whole & 1n) === 1n);
  else if (rc === 1) up = r.s === 1;
  else if (rc === 2) up = r.s === 0;
  else up = false;
  const m = up ? whole + 1n : whole;
  return { v: r.s ? -m : m, inexact: true, up };
}

/**
 * fcvt.fx / fcvt.fxu (signed / unsigned, trunc forces round-toward-zero); width 32 is one half
 * of fpcvt (the integer in the significand's low 32 bits, indefinite 0x80000000).
 */
export function fcvtToInt(r: FpReg, signed: boolean, rc: RoundingMode, traps: number, width: 32 | 64 = 64): FpOutcome {
  const w = BigInt(width);
  const INTEGER_INDEFINITE = fpReg(0, EXP_INTEGER, 1n << (w - 1n));
  if (isNatVal(r)) return plain(NATVAL);
  if (isNan(r) || isInf(r) || isUnsupported(r)) return invalid({ traps }, INTEGER_INDEFINITE);
  if (isZero(r)) {
    const d = denormCheck({ traps }, r);
    return typeof d === 'number' ? plain(fpReg(0, EXP_INTEGER, 0n), d) : d;
  }
  const { v, inexact, up } = roundToInteger(r, rc);
  const ok = signed ? v >= -(1n << (w - 1n)) && v < 1n << (w - 1n) : v >= 0n && v < 1n << w;
  if (!ok) return invalid({ traps }, INTEGER_INDEFINITE);
  const d = denormCheck({ traps }, r);
  if (typeof d !== 'number') return d;
  const trap = inexact && !(traps & FLAG_I) ? TRAP_I | (up ? TRAP_FPA : 0) : 0;
  return { r: fpReg(0, EXP_INTEGER, BigInt.asUintN(width, v)), flags: d | (inexact ? FLAG_I : 0), trap };
}

/** fcvt.xf: the signed 64-bit integer in f2's significand as an exact normalized value. */
export function fcvtXf(r: FpReg): FpReg {
  if (isNatVal(r)) return NATVAL;
  const v = BigInt.asIntN(64, r.m);
  if (v === 0n) return fpReg(0, 0, 0n);
  const s = v < 0n ? 1 : 0,
    mag = v < 0n ? -v : v;
  const n = bitLength(mag);
  return fpReg(s, EXP_INTEGER - (64 - n), mag << BigInt(64 - n));
}

/** Integer of the significand as signed/unsigned BigInt. */
const sig = (r: FpReg, signed: boolean): bigint => (signed ? BigInt.asIntN(64, r.m) : r.m);

/**
 * xma.l / xma.h / xma.hu: f3 · f4 + f2 on the 64-bit significands, 128 bits wide; NaTVal
 * propagates. The product is signed for xma.h; the addend is zero-extended in every form (SDM
 * xma: fp_U64_to_U128 of f2; Ski agrees).
 */
export function xmaReg(kind: 'l' | 'h' | 'hu', f3: FpReg, f4: FpReg, f2: FpReg): FpReg {
  if (isNatVal(f3) || isNatVal(f4) || isNatVal(f2)) return NATVAL;
  const signed = kind === 'h';
  const full = sig(f3, signed) * sig(f4, signed) + f2.m;
  const part = kind === 'l' ? BigInt.asUintN(64, full) : BigInt.asUintN(64, full >> 64n);
  return fpReg(0, EXP_INTEGER, part);
}

// frcpa / frsqrta approximation tables (SDM vol 3, frcpa and frsqrta): 11-bit values, one per
// leading fraction bits of the operand. They are the rounded midpoint reciprocals (square-root
// reciprocals), computed here from that definition.
const RECIP_TABLE = Array.from({ length: 256 }, (_, i) => Math.round(2 ** 20 / (513 + 2 * i)));
const RSQRT_TABLE = Array.from({ length: 256 }, (_, i) => {
  const m = 1 + ((i & 127) + 0.5) / 128;
  return Math.round(2048 / Math.sqrt(i < 128 ? 2 * m : m));
});

export interface ApproxResult {
  readonly out: FpOutcome;
  /** The predicate p2: 1 when f1 is an approximation software must refine. */
  readonly pred: boolean;
}

/**
 * The special cases frcpa and each half of fprcpa share: an SNaN (V), a NaN operand, ∞/∞ and
 * 0/0 (invalid), x/0 (Z, ±∞); null for an ordinary quotient.
 */
function reciprocalSpecialCase(f2: FpReg, f3: FpReg, traps: number): FpOutcome | null {
  const snan = isSnan(f2) || isSnan(f3);
  if (snan && !(traps & FLAG_V)) return { fault: FLAG_V };
  const v = snan ? FLAG_V : 0;
  if (isNan(f2)) return plain(quiet(f2), v);
  if (isNan(f3)) return plain(quiet(f3), v);
  if ((isInf(f2) && isInf(f3)) || (isZero(f2) && isZero(f3))) return invalid({ traps });
  if (!isInf(f2) && isZero(f3)) {
    if (!(traps & FLAG_Z)) return { fault: FLAG_Z };
    return plain(INFINITY(f2.s ^ f3.s), FLAG_Z);
  }
  return null;
}

/** frcpa f1, p2 = f2, f3: 1/f3 to 8.886 bits when p2 = 1; IEEE f2/f3 for the special cases. */
export function frcpaReg(f2: FpReg, f3: FpReg, traps: number): ApproxResult {
  const no = (out: FpOutcome): ApproxResult => ({ out, pred: false });
  if (isNatVal(f2) || isNatVal(f3)) return no(plain(NATVAL));
  if (isUnsupported(f2) || isUnsupported(f3)) return no(invalid({ traps }));
  const special = reciprocalSpecialCase(f2, f3, traps);
  if (special) return no(special);
  if (frcpaNeedsAssist(f2, f3)) return no({ fault: SWA });
  const d = denormCheck({ traps }, f2, f3);
  if (typeof d !== 'number') return no(d);
  const s = f2.s ^ f3.s;
  if (isInf(f2)) return no(plain(INFINITY(s), d));
  if (isZero(f2) || isInf(f3)) return no(plain(fpReg(s, 0, 0n), d));
  const { e, m } = normalized(f3);
  const idx = Number((m >> 55n) & 0xffn);
  return { out: plain(fpReg(f3.s, 2 * BIAS - 1 - e, BigInt(RECIP_TABLE[idx]!) << 53n), d), pred: true };
}

/** Biased exponent and significand of a finite nonzero value, normalized (17-bit range unbounded). */
function normalized(r: FpReg): { e: number; m: bigint } {
  const lz = 64 - bitLength(r.m);
  return { e: unbiasedExp(r) + BIAS - lz, m: r.m << BigInt(lz) };
}

/**
 * The operand ranges for which frcpa cannot give an approximation that the division
 * sequences refine without intermediate overflow or underflow: a Software Assist fault
 * (SDM: the implementation raises SWA there; these are the limits Ski uses).
 */
function frcpaNeedsAssist(f2: FpReg, f3: FpReg): boolean {
  if (isInf(f2) || isZero(f2) || isInf(f3)) return false;
  const e3 = normalized(f3).e,
    e2 = normalized(f2).e;
  const est = e2 - e3;
  if (e3 <= 0 || e3 >= BIAS + BIAS - 2) return true;
  if (est <= 2 - BIAS || est >= BIAS) return true;
  return e2 <= 64;
}

/** frsqrta f1, p2 = f3. */
export function frsqrtaReg(f3: FpReg, traps: number): ApproxResult {
  const no = (out: FpOutcome): ApproxResult => ({ out, pred: false });
  if (isNatVal(f3)) return no(plain(NATVAL));
  if (isUnsupported(f3)) return no(invalid({ traps }));
  if (isSnan(f3)) return no(invalid({ traps }, quiet(f3)));
  if (isQnan(f3)) return no(plain(f3));
  if (f3.s && !isZero(f3)) return no(invalid({ traps }));
  if (isInf(f3)) return no(plain(INFINITY(0)));
  if (!isZero(f3) && normalized(f3).e <= 64) return no({ fault: SWA });
  const d = denormCheck({ traps }, f3);
  if (typeof d !== 'number') return no(d);
  if (isZero(f3)) return no(plain(fpReg(f3.s, 0, 0n), d));
  const { e, m } = normalized(f3);
  const idx = ((e & 1) << 7) | Number((m >> 56n) & 0x7fn);
  const ue = e - BIAS;
  const re = (((BIAS - 1 - Math.floor(ue / 2)) % 0x20000) + 0x20000) % 0x20000;
  return { out: plain(fpReg(0, re, BigInt(RSQRT_TABLE[idx]!) << 53n), d), pred: true };
}

export { isFault, RC_ZERO };

/** The table approximation of 1/x (x finite, nonzero): sign of x, 8.886 bits. */
function recipApprox(x: FpReg): FpReg {
  const { e, m } = normalized(x);
  return fpReg(x.s, 2 * BIAS - 1 - e, BigInt(RECIP_TABLE[Number((m >> 55n) & 0xffn)]!) << 53n);
}

/** The table approximation of 1/√x (x finite, positive). */
function rsqrtApprox(x: FpReg): FpReg {
  const { e, m } = normalized(x);
  const idx = ((e & 1) << 7) | Number((m >> 56n) & 0x7fn);
  const re = (((BIAS - 1 - Math.floor((e - BIAS) / 2)) % 0x20000) + 0x20000) % 0x20000;
  return fpReg(0, re, BigInt(RSQRT_TABLE[idx]!) << 53n);
}

const SGL_BIAS = 127;

/**
 * One half of fprcpa (single operands): like frcpa's special cases, but an unnormal divisor
 * gives ∞ and a divisor too large for a single reciprocal gives 0; no Software Assist: p2 is
 * cleared instead when the quotient's exponent could leave the single range (as Ski).
 */
export function fprcpaHalf(f2: FpReg, f3: FpReg, traps: number): ApproxResult {
  const no = (out: FpOutcome): ApproxResult => ({ out, pred: false });
  const special = reciprocalSpecialCase(f2, f3, traps);
  if (special) return no(special);
  const d = denormCheck({ traps }, f2, f3);
  if (typeof d !== 'number') return no(d);
  const s = f2.s ^ f3.s;
  if (isInf(f2)) return no(plain(INFINITY(s), d));
  if (isZero(f2) || isInf(f3)) return no(plain(fpReg(s, 0, 0n), d));
  if (isUnnormal(f3)) return no(plain(INFINITY(f3.s), d));
  const e3 = normalized(f3).e,
    e2 = normalized(f2).e;
  if (e3 >= BIAS + SGL_BIAS - 2) return no(plain(fpReg(f3.s, 0, 0n), d));
  const est = e2 - e3;
  const pred = !(est >= SGL_BIAS || est <= 2 - SGL_BIAS || e2 <= BIAS - SGL_BIAS + 24);
  return { out: plain(recipApprox(f3), d), pred };
}

/** One half of fprsqrta: 1/√x special cases (∞ → +0, ±0 → ±∞), p2 cleared for tiny x. */
export function fprsqrtaHalf(f3: FpReg, traps: number): ApproxResult {
  const no = (out: FpOutcome): ApproxResult => ({ out, pred: false });
  if (isSnan(f3)) return no(invalid({ traps }, quiet(f3)));
  if (isQnan(f3)) return no(plain(f3));
  if (f3.s && !isZero(f3)) return no(invalid({ traps }));
  if (isInf(f3)) return no(plain(fpReg(0, 0, 0n)));
  const d = denormCheck({ traps }, f3);
  if (typeof d !== 'number') return no(d);
  if (isZero(f3)) return no(plain(INFINITY(f3.s), d));
  return { out: plain(rsqrtApprox(f3), d), pred: normalized(f3).e > BIAS - SGL_BIAS + 24 };
}
