// fma/fms/fnma in the register format (SDM vol 3 fma): f1 = f3 · f4 + f2 rounded once. The
// operands are a = f3, b = f4, c = f2. Special operands, in order: NaTVal gives NaTVal;
// an unsupported encoding is invalid (QNaN indefinite); any SNaN raises V; the NaN result is
// the first NaN of b, c, a, quieted; ∞ · 0 and ∞ − ∞ are invalid. Unnormal operands raise D
// (a D fault when not disabled). `cIsF0` makes fma with f2 = f0 an IEEE multiply (a zero
// product keeps its own sign, SDM fmpy).
import { FLAG_D, FLAG_V, RC_DOWN } from './fpsr.js';
import {
  INFINITY,
  isInf,
  isNan,
  isNatVal,
  isSnan,
  isUnnormal,
  isUnsupported,
  isZero,
  NATVAL,
  QNAN_INDEFINITE,
  quiet,
  unbiasedExp,
  fpReg,
  type FpReg,
} from './reg.js';
import { bitLength, roundToReg, type FpResult, type RoundEnv } from './round.js';

/** A fault instead of a result: FLAG_V / FLAG_D / FLAG_Z bits of ISR.code (SWA: 8). */
export interface FpFault {
  readonly fault: number;
}
export const SWA = 8;
export type FpOutcome = FpResult | FpFault;
export const isFault = (o: FpOutcome): o is FpFault => 'fault' in o;

const plain = (r: FpReg, flags = 0): FpResult => ({ r, flags, trap: 0 });

/** V raised: a fault when invalid traps are enabled, else the given result with V. */
export function invalid(env: { traps: number }, r: FpReg = QNAN_INDEFINITE, more = 0): FpOutcome {
  return env.traps & FLAG_V ? plain(r, FLAG_V | more) : { fault: FLAG_V };
}

/** D check on operands: null when none is unnormal or D is raised silently (flags in out). */
export function denormCheck(env: { traps: number }, ...ops: FpReg[]): FpFault | number {
  if (!ops.some(isUnnormal)) return 0;
  return env.traps & FLAG_D ? FLAG_D : { fault: FLAG_D };
}

/** The NaN/NaTVal/unsupported cases shared by the 3-operand arithmetic (null: none applies). */
export function nanCases(env: { traps: number }, order: readonly FpReg[]): FpOutcome | null {
  if (order.some(isNatVal)) return plain(NATVAL);
  if (order.some(isUnsupported)) return invalid(env);
  const snan = order.some(isSnan);
  if (snan && !(env.traps & FLAG_V)) return { fault: FLAG_V };
  const first = order.find(isNan);
  if (first) return plain(quiet(first), snan ? FLAG_V : 0);
  return null;
}

/** Exact a·b + c for finite operands: sign, magnitude and exponent (value = ±mag · 2^q). */
export function exactMulAdd(
  sa: number,
  ma: bigint,
  qa: number,
  mb: bigint,
  qb: number,
  sc: number,
  mc: bigint,
  qc: number,
): { s: number; mag: bigint; q: number } {
  let s1 = sa,
    m1 = ma * mb,
    q1 = qa + qb;
  let s2 = sc,
    m2 = mc,
    q2 = qc;
  if (m1 === 0n) return { s: s2, mag: m2, q: q2 };
  if (m2 === 0n) return { s: s1, mag: m1, q: q1 };
  let top1 = q1 + bitLength(m1),
    top2 = q2 + bitLength(m2);
  if (top2 > top1) {
    [s1, m1, q1, top1, s2, m2, q2, top2] = [s2, m2, q2, top2, s1, m1, q1, top1];
  }
  if (top1 - top2 > 200) {
    // The smaller term lies below a quarter unit of the 198th bit of the larger: replacing it
    // by ±2^(L-3) changes neither the rounded result nor the inexact flag (any rounding
    // boundary is a multiple of 2^L).
    const L = top1 - 1 - 198;
    const big = q1 >= L ? m1 << BigInt(q1 - L) : m1 >> BigInt(L - q1);
    const mag = (big << 3n) + (s1 === s2 ? 1n : -1n);
    return { s: s1, mag, q: L - 3 };
  }
  const q = Math.min(q1, q2);
  const a1 = m1 << BigInt(q1 - q),
    a2 = m2 << BigInt(q2 - q);
  if (s1 === s2) return { s: s1, mag: a1 + a2, q };
  return a1 >= a2 ? { s: s1, mag: a1 - a2, q } : { s: s2, mag: a2 - a1, q };
}

/** Weight of a finite register's significand lsb: value = m · 2^lsbExp. */
export const lsbExp = (r: FpReg): number => unbiasedExp(r) - 63;

/** f3 · f4 + f2 (negate flags give fms: negC, fnma: negProduct). */
export function fmaReg(
  a: FpReg,
  b: FpReg,
  c: FpReg,
  env: RoundEnv,
  opts: { negProduct?: boolean; negC?: boolean; cIsF0?: boolean } = {},
): FpOutcome {
  const special = nanCases(env, [b, c, a]);
  if (special) return special;
  const sp = a.s ^ b.s ^ (opts.negProduct ? 1 : 0),
    sc = c.s ^ (opts.negC ? 1 : 0);
  if (isInf(a) || isInf(b)) {
    if (isZero(a) || isZero(b) || (isInf(c) && sc !== sp)) return invalid(env);
    const d = denormCheck(env, a, b, c);
    return typeof d === 'number' ? plain(INFINITY(sp), d) : d;
  }
  if (isInf(c)) {
    const d = denormCheck(env, a, b, c);
    return typeof d === 'number' ? plain(INFINITY(sc), d) : d;
  }
  const d = denormCheck(env, a, b, c);
  if (typeof d !== 'number') return d;
  const prodZero = isZero(a) || isZero(b);
  if (prodZero && opts.cIsF0) return plain(fpReg(sp, 0, 0n), d);
  const x = exactMulAdd(sp, a.m, lsbExp(a), b.m, lsbExp(b), sc, c.m, lsbExp(c));
  if (x.mag === 0n) {
    // Exact zero: a sum of like-signed zeros keeps the sign, otherwise +0 (−0 rounding down).
    const both = prodZero && isZero(c) && sp === sc;
    return plain(fpReg(both ? sp : env.rc === RC_DOWN ? 1 : 0, 0, 0n), d);
  }
  const res = roundToReg(x.s, x.mag, x.q, env);
  return { r: res.r, flags: res.flags | d, trap: res.trap };
}
