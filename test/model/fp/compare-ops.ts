// Random-operand comparison of model/fp against the independent reference (ref-softfloat.ts):
// operands drawn from every register class (NaTVal, NaNs, infinities, zeros and pseudo-zeros,
// register denormals, unnormals, unsupported encodings, normals near every format's limits),
// environments over every precision, exponent range, rounding mode, ftz and traps setting.
// Used by fp-core.test.ts (a few thousand cases) and sweep.ts (millions).
import { fcmpReg, fcvtToInt, type FcmpRel } from '../../../model/fp/ops.js';
import { fmaReg, isFault, type FpOutcome } from '../../../model/fp/fma.js';
import { EXP_RANGE, type RoundEnv } from '../../../model/fp/round.js';
import type { RoundingMode } from '../../../model/fp/fpsr.js';
import { refFcmp, refFcvt, refFma, type Out, type Reg } from './ref-softfloat.js';

export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

const TWO63 = 1n << 63n;

export function randomReg(r: () => number): Reg {
  const s = r() & 1;
  const m64 = () => (BigInt(r()) << 32n) | BigInt(r());
  const near = (e: number) => e + ((r() % 9) - 4);
  const kind = r() % 20;
  switch (kind) {
    case 0:
      return { s: 0, e: 0x1fffe, m: 0n }; // NaTVal
    case 1:
      return { s, e: 0x1ffff, m: TWO63 | (1n << 62n) | (m64() & ((1n << 62n) - 1n)) }; // QNaN
    case 2:
      return { s, e: 0x1ffff, m: TWO63 | (m64() & ((1n << 62n) - 1n) || 1n) }; // SNaN
    case 3:
      return { s, e: 0x1ffff, m: TWO63 }; // infinity
    case 4:
      return { s, e: 0, m: 0n }; // zero
    case 5:
      return { s, e: 1 + (r() % 0x1fffd), m: 0n }; // pseudo-zero
    case 6:
      return { s, e: 0, m: m64() }; // register denormal / pseudo-denormal
    case 7:
      return { s, e: r() % 0x1fffe, m: m64() >> BigInt(1 + (r() % 63)) }; // unnormal
    case 8:
      return { s, e: 0x1ffff, m: m64() & (TWO63 - 1n) }; // unsupported
    case 9: {
      // Normals near the exponent limits of the formats (results overflow/underflow there).
      const lim = [
        0xffff - 126,
        0xffff + 127,
        0xffff - 1022,
        0xffff + 1023,
        0xffff - 16382,
        0xffff + 16383,
        1,
        0x1fffe,
      ][r() % 8]!;
      return { s, e: Math.min(0x1fffe, Math.max(1, near(lim))), m: TWO63 | m64() };
    }
    case 10:
      return { s, e: near(0xffff), m: TWO63 | (m64() & ~((1n << BigInt(r() % 64)) - 1n)) }; // short significands
    case 11:
      return { s, e: 0x1003e, m: m64() }; // integers (setf.sig)
    default:
      return { s, e: near(0xffff + ((r() % 200) - 100)), m: TWO63 | m64() };
  }
}

export function randomEnv(r: () => number): RoundEnv {
  const p = [24, 53, 64][r() % 3]!;
  const range = [EXP_RANGE.single, EXP_RANGE.double, EXP_RANGE.extended, EXP_RANGE.widest][r() % 4]!;
  // Traps mostly disabled (the usual setting), sometimes any subset.
  const traps = r() % 4 === 0 ? r() & 0x3f : 0x3f;
  return { p, ...range, rc: (r() & 3) as RoundingMode, ftz: r() % 4 === 0, traps };
}

const text = (r: Reg) => `${r.s}:${r.e.toString(16)}:${r.m.toString(16)}`;

function sameOut(a: FpOutcome, b: Out): boolean {
  if (isFault(a) || 'fault' in b) return isFault(a) && 'fault' in b && a.fault === b.fault;
  return a.r.s === b.r.s && a.r.e === b.r.e && a.r.m === b.r.m && a.flags === b.flags;
}
const outText = (o: FpOutcome | Out) => ('fault' in o ? `fault ${o.fault}` : `${text(o.r)} flags ${o.flags}`);

/** Outcome classes counted so that a test can check the random cases reach every path. */
function outcomeKinds(o: FpOutcome): string[] {
  if (isFault(o)) return ['out.fault'];
  const k: string[] = [];
  if (o.flags & 8) k.push('out.overflow');
  if (o.flags & 16) k.push('out.underflow');
  if (o.flags & 32) k.push('out.inexact');
  if (o.flags & 1) k.push('out.invalid');
  if (o.flags & 2) k.push('out.denormal-operand');
  if (o.r.e !== 0x1ffff && o.r.m !== 0n && o.r.m < TWO63) k.push('out.denormal-result');
  if (o.r.e === 0x1ffff && o.r.m === TWO63) k.push('out.infinity');
  return k;
}

export interface CompareStats {
  readonly cases: Record<string, number>;
  readonly mismatches: string[];
}

export function compareOps(seed: number, n: number, maxReport = 10): CompareStats {
  const r = rng(seed);
  const cases: Record<string, number> = {};
  const mismatches: string[] = [];
  const count = (op: string, ok: boolean, detail: () => string, out?: FpOutcome) => {
    cases[op] = (cases[op] ?? 0) + 1;
    if (out) for (const k of outcomeKinds(out)) cases[k] = (cases[k] ?? 0) + 1;
    if (!ok && mismatches.length < maxReport) mismatches.push(`${op}: ${detail()}`);
  };
  for (let i = 0; i < n; i++) {
    const a = randomReg(r),
      b = randomReg(r),
      c = randomReg(r);
    const env = randomEnv(r);
    const kind = r() % 6;
    if (kind < 3) {
      const negProduct = kind === 2,
        negC = kind === 1,
        cIsF0 = r() % 8 === 0;
      const cc = cIsF0 ? { s: 0, e: 0, m: 0n } : c;
      const got = fmaReg(a, b, cc, env, { negProduct, negC, cIsF0 });
      const want = refFma(a, b, cc, env, negProduct, negC, cIsF0);
      const op = ['fma', 'fms', 'fnma'][kind]!;
      count(
        `${op}.rc${env.rc}`,
        sameOut(got, want),
        () => `${text(a)} ${text(b)} ${text(cc)} env ${JSON.stringify(env)} got ${outText(got)} want ${outText(want)}`,
        got,
      );
    } else if (kind === 3) {
      const signed = (r() & 1) === 0;
      const got = fcvtToInt(a, signed, env.rc, env.traps);
      const want = refFcvt(a, signed, env.rc, env.traps);
      count(
        `fcvt.${signed ? 'fx' : 'fxu'}`,
        sameOut(got, want),
        () => `${text(a)} rc ${env.rc} got ${outText(got)} want ${outText(want)}`,
      );
    } else {
      const rel = (['eq', 'lt', 'le', 'unord'] as const)[r() & 3]! as FcmpRel;
      const got = fcmpReg(rel, a, b, env.traps);
      const want = refFcmp(rel, a, b, env.traps);
      const same = JSON.stringify(got) === JSON.stringify(want);
      count(`fcmp.${rel}`, same, () => `${text(a)} ${text(b)} got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
    }
  }
  return { cases, mismatches };
}
