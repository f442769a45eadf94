// model/fp against two independent oracles: the rational reference (ref-softfloat.ts) on random
// operands of every class, precision, range and rounding mode; and the host's IEEE double for
// the 53-bit, double-range, round-to-nearest cases (products, sums, conversions). Then the
// integer division sequence a compiler emits (frcpa + fma refinement) on random operands.
import { describe, expect, it } from 'vitest';
import { fmaReg, isFault, type FpOutcome } from '../../../model/fp/fma.js';
import { fcvtToInt, fcvtXf, frcpaReg, xmaReg } from '../../../model/fp/ops.js';
import { doubleToReg, integerToReg, regToDouble, singleToReg, regToSingle } from '../../../model/fp/mem-format.js';
import { EXP_RANGE, type RoundEnv } from '../../../model/fp/round.js';
import { FR0, FR1, type FpReg } from '../../../model/fp/reg.js';
import { compareOps, rng } from './compare-ops.js';

const ok = (o: FpOutcome): FpReg => {
  if (isFault(o)) throw new Error(`unexpected fault ${o.fault}`);
  return o.r;
};

describe('model/fp vs the rational reference', () => {
  it('agrees on 20000 random fma/fms/fnma/fcvt/fcmp cases of every operand class and environment', () => {
    const s = compareOps(20261207, 20000);
    expect(s.mismatches).toEqual([]);
    // The random cases must reach every path of the rounding step and the special cases.
    for (const k of [
      'out.overflow',
      'out.underflow',
      'out.denormal-result',
      'out.infinity',
      'out.fault',
      'out.invalid',
    ])
      expect(s.cases[k] ?? 0, k).toBeGreaterThan(20);
    for (const rc of [0, 1, 2, 3]) expect(s.cases[`fma.rc${rc}`] ?? 0).toBeGreaterThan(500);
  });
});

const DOUBLE_RN: RoundEnv = { p: 53, ...EXP_RANGE.double, rc: 0, ftz: false, traps: 0x3f };
const f64 = new Float64Array(1),
  u64 = new BigUint64Array(f64.buffer);
const bitsOf = (x: number) => ((f64[0] = x), u64[0]!);
const numOf = (b: bigint) => ((u64[0] = b), f64[0]!);

function randomDouble(r: () => number): number {
  const k = r() % 8;
  const bits = (BigInt(r()) << 32n) | BigInt(r());
  if (k === 0) return numOf(bits & ((1n << 52n) - 1n)) * (r() & 1 ? -1 : 1); // subnormal
  if (k === 1) return numOf((bits & ~(0x7ffn << 52n)) | (BigInt(1 + (r() % 60)) << 52n)); // tiny normal
  if (k === 2) return numOf((bits & ~(0x7ffn << 52n)) | (BigInt(0x7fe - (r() % 60)) << 52n)); // huge
  return numOf((bits & ~(0x7ffn << 52n)) | (BigInt(1023 - 40 + (r() % 80)) << 52n));
}

describe('model/fp vs the host IEEE double (53 bits, double range, round to nearest)', () => {
  it('multiplies (fmpy.d = fma.d f1 = f3, f4, f0) and adds (fadd.d = fma.d f1 = f3, f1, f2) like JS numbers', () => {
    const r = rng(7);
    let n = 0;
    for (let i = 0; i < 10000; i++) {
      const a = randomDouble(r),
        b = randomDouble(r);
      const ra = doubleToReg(bitsOf(a)),
        rb = doubleToReg(bitsOf(b));
      // Register-format inputs of denormals are unnormal: D is raised, the value is exact.
      const prod = ok(fmaReg(ra, rb, FR0, DOUBLE_RN, { cIsF0: true }));
      expect(regToDouble(prod), `${a} * ${b}`).toBe(bitsOf(a * b));
      const sum = ok(fmaReg(ra, FR1, rb, DOUBLE_RN));
      const want = a + b;
      // IEEE: an exact zero sum of opposite signs is +0 in round-to-nearest.
      expect(regToDouble(sum), `${a} + ${b}`).toBe(bitsOf(want));
      n++;
    }
    expect(n).toBe(10000);
  });

  it('converts integers (fcvt.xf, fcvt.fx.trunc) and singles like JS', () => {
    const r = rng(9);
    for (let i = 0; i < 5000; i++) {
      const v = BigInt.asIntN(64, (BigInt(r()) << 32n) | BigInt(r())) >> BigInt(r() % 64);
      const x = fcvtXf(integerToReg(BigInt.asUintN(64, v)));
      // fcvt.xf is exact; rounding it to double must give JS's Number(v).
      const d = ok(fmaReg(x, FR1, FR0, DOUBLE_RN));
      expect(numOf(regToDouble(d))).toBe(Number(v));
      const back = ok(fcvtToInt(x, true, 3, 0x3f));
      expect(BigInt.asIntN(64, back.m)).toBe(v);
      const f = randomDouble(r);
      const t = ok(fcvtToInt(doubleToReg(bitsOf(f)), true, 3, 0x3f));
      if (Math.abs(f) < 2 ** 63) expect(BigInt.asIntN(64, t.m)).toBe(BigInt(Math.trunc(f)));
      const single = Math.fround(f);
      const sb = BigInt(new Uint32Array(new Float32Array([single]).buffer)[0]!);
      expect(regToSingle(singleToReg(sb))).toBe(sb);
      // fma.s rounding of the double to single precision = Math.fround.
      const sEnv: RoundEnv = { ...DOUBLE_RN, p: 24, ...EXP_RANGE.single };
      const rs = ok(fmaReg(doubleToReg(bitsOf(f)), FR1, FR0, sEnv));
      expect(regToSingle(rs), `fround ${f}`).toBe(BigInt(new Uint32Array(new Float32Array([f]).buffer)[0]!));
    }
  });
});

/** FPSR.sf1 as Linux sets it: 64-bit precision, widest range, round to nearest, traps disabled. */
const SF1: RoundEnv = { p: 64, ...EXP_RANGE.widest, rc: 0, ftz: false, traps: 0x3f };

/** The unsigned 64-bit division sequence of libgcc's __udivdi3 (sf1). */
function udivSequence(a: bigint, b: bigint): bigint {
  const fa = ok(fmaReg(integerToReg(a), FR1, FR0, SF1)); // fcvt.xuf = fnorm of the integer
  const fb = ok(fmaReg(integerToReg(b), FR1, FR0, SF1));
  const rc = frcpaReg(fa, fb, 0x3f);
  // p6 = 0 (a zero dividend): the predicated refinement is skipped and f8 keeps a.
  if (!rc.pred) return ok(fcvtToInt(fa, false, 3, 0x3f)).m;
  let y = ok(rc.out);
  let q = ok(fmaReg(fa, y, FR0, SF1, { cIsF0: true }));
  const e = ok(fmaReg(fb, y, FR1, SF1, { negProduct: true }));
  q = ok(fmaReg(e, q, q, SF1));
  const e1 = ok(fmaReg(e, e, FR0, SF1, { cIsF0: true }));
  y = ok(fmaReg(e, y, y, SF1));
  q = ok(fmaReg(e1, q, q, SF1));
  y = ok(fmaReg(e1, y, y, SF1));
  const rem = ok(fmaReg(fb, q, fa, SF1, { negProduct: true }));
  q = ok(fmaReg(rem, y, q, SF1));
  return ok(fcvtToInt(q, false, 3, 0x3f)).m;
}

/** The signed 64-bit division sequence of libgcc's __divdi3 (sf1): fcvt.xf, the same refinement, fcvt.fx.trunc. */
function sdivSequence(a: bigint, b: bigint): bigint {
  const fa = fcvtXf(integerToReg(BigInt.asUintN(64, a)));
  const fb = fcvtXf(integerToReg(BigInt.asUintN(64, b)));
  const rc = frcpaReg(fa, fb, 0x3f);
  if (!rc.pred) return BigInt.asIntN(64, ok(fcvtToInt(fa, true, 3, 0x3f)).m);
  let y = ok(rc.out);
  let q = ok(fmaReg(fa, y, FR0, SF1, { cIsF0: true }));
  const e = ok(fmaReg(fb, y, FR1, SF1, { negProduct: true }));
  q = ok(fmaReg(e, q, q, SF1));
  const e1 = ok(fmaReg(e, e, FR0, SF1, { cIsF0: true }));
  y = ok(fmaReg(e, y, y, SF1));
  q = ok(fmaReg(e1, q, q, SF1));
  y = ok(fmaReg(e1, y, y, SF1));
  const rem = ok(fmaReg(fb, q, fa, SF1, { negProduct: true }));
  q = ok(fmaReg(rem, y, q, SF1));
  return BigInt.asIntN(64, ok(fcvtToInt(q, true, 3, 0x3f)).m);
}

describe('integer multiply and divide as compiled code does them', () => {
  it('xma.l / xma.hu give the 128-bit product halves', () => {
    const r = rng(11);
    for (let i = 0; i < 2000; i++) {
      const a = (BigInt(r()) << 32n) | BigInt(r()),
        b = (BigInt(r()) << 32n) | BigInt(r());
      expect(xmaReg('l', integerToReg(a), integerToReg(b), FR0).m).toBe((a * b) & ((1n << 64n) - 1n));
      expect(xmaReg('hu', integerToReg(a), integerToReg(b), FR0).m).toBe((a * b) >> 64n);
      const sa = BigInt.asIntN(64, a),
        sb = BigInt.asIntN(64, b);
      expect(xmaReg('h', integerToReg(a), integerToReg(b), FR0).m).toBe(BigInt.asUintN(64, (sa * sb) >> 64n));
      // The addend is zero-extended in every form (SDM xma; Ski agrees, tools/ski/programs/fp-moves.s).
      const c = (BigInt(r()) << 32n) | BigInt(r());
      expect(xmaReg('h', integerToReg(a), integerToReg(b), integerToReg(c)).m).toBe(
        BigInt.asUintN(64, (sa * sb + c) >> 64n),
      );
      expect(xmaReg('hu', integerToReg(a), integerToReg(b), integerToReg(c)).m).toBe((a * b + c) >> 64n);
    }
  });

  it('frcpa + fma refinement divides random unsigned 64-bit integers exactly', () => {
    const r = rng(13);
    for (let i = 0; i < 3000; i++) {
      const a = ((BigInt(r()) << 32n) | BigInt(r())) >> BigInt(r() % 64);
      const b = ((BigInt(r()) << 32n) | BigInt(r())) >> BigInt(r() % 64) || 1n;
      expect(udivSequence(a, b), `${a} / ${b}`).toBe(a / b);
    }
  });

  it('frcpa + fma refinement divides random signed 64-bit integers exactly (truncating)', () => {
    const r = rng(17);
    for (let i = 0; i < 3000; i++) {
      const a = BigInt.asIntN(64, (BigInt(r()) << 32n) | BigInt(r())) >> BigInt(r() % 64);
      let b = BigInt.asIntN(64, (BigInt(r()) << 32n) | BigInt(r())) >> BigInt(r() % 64) || 1n;
      if (a === -(1n << 63n) && b === -1n) b = 1n; // the one overflowing quotient
      expect(sdivSequence(a, b), `${a} / ${b}`).toBe(a / b);
    }
  });
});
