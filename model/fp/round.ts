// One rounding step from an exact value (sign, magnitude · 2^q) to the register format under a
// precision (24/53/64 significand bits) and an exponent range, with the IEEE flags and the
// trap information of SDM vol 1 §5.4. Tininess is detected after rounding to the target
// precision with an unbounded exponent; an untrapped underflow raises U only when inexact.
// With the overflow or underflow trap enabled, the result keeps its rounded significand and an
// exponent wrapped into 17 bits (trap handlers rescale it); with the underflow trap disabled
// and FPSR.ftz set, a tiny result is flushed to a signed zero (U and I raised).
import { FLAG_I, FLAG_O, FLAG_U, RC_DOWN, RC_NEAREST, RC_UP, type RoundingMode } from './fpsr.js';
import { BIAS, fpReg, INFINITY, type FpReg } from './reg.js';

/** ISR.code trap bits of an FP trap, per status field: O, U, I, FPA (rounded up in magnitude). */
export const TRAP_O = 1,
  TRAP_U = 2,
  TRAP_I = 4,
  TRAP_FPA = 8;

export interface Precision {
  /** Significand bits. */
  readonly p: number;
  /** Smallest and largest unbiased exponent of a normal result. */
  readonly emin: number;
  readonly emax: number;
}

export interface RoundEnv extends Precision {
  readonly rc: RoundingMode;
  readonly ftz: boolean;
  /** Traps disabled bits in FLAG_* order (1 = disabled). */
  readonly traps: number;
}

export interface FpResult {
  readonly r: FpReg;
  /** FLAG_* bits raised. */
  readonly flags: number;
  /** TRAP_* bits: an FP trap follows the write of r when nonzero. */
  readonly trap: number;
}

export const EXP_RANGE = {
  single: { emin: -126, emax: 127 },
  double: { emin: -1022, emax: 1023 },
  extended: { emin: -16382, emax: 16383 },
  widest: { emin: -65534, emax: 65535 },
} as const;

const HEX_DIGIT_BITS = [0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4] as const;

/** Bits of a non-negative BigInt (0 for 0): hexadecimal digits, the first one counted exactly. */
export function bitLength(v: bigint): number {
  if (v === 0n) return 0;
  if (v < 0x100000000n) return 32 - Math.clz32(Number(v));
  const h = v.toString(16);
  return (h.length - 1) * 4 + HEX_DIGIT_BITS[Number.parseInt(h[0]!, 16)]!;
}

interface Kept {
  kept: bigint;
  inexact: boolean;
  up: boolean;
}

/** mag · 2^q rounded to a multiple of 2^lsb (as kept · 2^lsb). */
function roundAt(mag: bigint, q: number, lsb: number, rc: RoundingMode, sign: number): Kept {
  const drop = lsb - q;
  if (drop <= 0) return { kept: mag << BigInt(-drop), inexact: false, up: false };
  const d = BigInt(drop);
  const kept = mag >> d,
    rem = mag & ((1n << d) - 1n);
  if (rem === 0n) return { kept, inexact: false, up: false };
  const half = 1n << (d - 1n);
  let up: boolean;
  if (rc === RC_NEAREST) up = rem > half || (rem === half && (kept & 1n) === 1n);
  else if (rc === RC_DOWN) up = sign === 1;
  else if (rc === RC_UP) up = sign === 0;
  else up = false;
  return { kept: up ? kept + 1n : kept, inexact: true, up };
}

function wrapped(sign: number, e: number, sig: bigint, p: number): FpReg {
  return fpReg(sign, (((e + BIAS) % 0x20000) + 0x20000) % 0x20000, sig << BigInt(64 - p));
}

/** Rounds sign · mag · 2^q (mag > 0) to the register format under env. */
export function roundToReg(sign: number, mag: bigint, q: number, env: RoundEnv): FpResult {
  const { p, emin, emax, rc } = env;
  const msb = q + bitLength(mag) - 1;
  let r = roundAt(mag, q, msb - p + 1, rc, sign);
  let e = msb,
    sig = r.kept;
  if (sig >> BigInt(p) !== 0n) {
    sig >>= 1n;
    e++;
  }
  const iTrap = (inexact: boolean) => (inexact && (env.traps & FLAG_I) === 0 ? TRAP_I : 0);
  if (e > emax) {
    if ((env.traps & FLAG_O) === 0) {
      const inex = r.inexact;
      return {
        r: wrapped(sign, e, sig, p),
        flags: FLAG_O | (inex ? FLAG_I : 0),
        trap: TRAP_O | (inex ? TRAP_I : 0) | (r.up ? TRAP_FPA : 0),
      };
    }
    const toInf = rc === RC_NEAREST || (rc === RC_DOWN && sign === 1) || (rc === RC_UP && sign === 0);
    const res = toInf ? INFINITY(sign) : fpReg(sign, emax + BIAS, ((1n << BigInt(p)) - 1n) << BigInt(64 - p));
    const it = iTrap(true);
    return { r: res, flags: FLAG_O | FLAG_I, trap: it ? it | (toInf ? TRAP_FPA : 0) : 0 };
  }
  if (e < emin) {
    if ((env.traps & FLAG_U) === 0) {
      return {
        r: wrapped(sign, e, sig, p),
        flags: FLAG_U | (r.inexact ? FLAG_I : 0),
        trap: TRAP_U | (r.inexact ? TRAP_I : 0) | (r.up ? TRAP_FPA : 0),
      };
    }
    if (env.ftz) return { r: fpReg(sign, 0, 0n), flags: FLAG_U | FLAG_I, trap: iTrap(true) };
    r = roundAt(mag, q, emin - p + 1, rc, sign);
    const flags = r.inexact ? FLAG_U | FLAG_I : 0;
    const trap = r.inexact ? iTrap(true) | (iTrap(true) && r.up ? TRAP_FPA : 0) : 0;
    if (r.kept === 0n) return { r: fpReg(sign, 0, 0n), flags, trap };
    const m = r.kept << BigInt(64 - p);
    // A denormal keeps the exponent emin with an unnormalized significand; in the
    // double-extended range that exponent is written as 0 (register denormal).
    const ex = m >> 63n === 1n || emin !== -16382 ? emin + BIAS : 0;
    return { r: fpReg(sign, ex, m), flags, trap };
  }
  return {
    r: fpReg(sign, e + BIAS, sig << BigInt(64 - p)),
    flags: r.inexact ? FLAG_I : 0,
    trap: iTrap(r.inexact) ? TRAP_I | (r.up ? TRAP_FPA : 0) : 0,
  };
}
