// An independent reference for model/fp: written from the SDM's definitions without looking
// at model/fp's code paths. Values are exact rationals (numerator / denominator, both BigInt,
// denominator a power of two but treated as any positive integer), arithmetic is done on the
// fractions, and a result is rounded once by integer division and a remainder comparison.
// It shares nothing with model/fp but the register triple {s, e, m} (its own decoding).

export interface Reg {
  s: number;
  e: number;
  m: bigint;
}

type Val =
  | { k: 'nat' }
  | { k: 'unsupp' }
  | { k: 'nan'; quiet: boolean; r: Reg }
  | { k: 'inf'; s: number }
  | { k: 'num'; s: number; n: bigint; d: bigint; unnormal: boolean };

const TWO63 = 2n ** 63n;

export function decode(r: Reg): Val {
  if (r.e === 131071) {
    if (r.m < TWO63) return { k: 'unsupp' };
    if (r.m === TWO63) return { k: 'inf', s: r.s };
    return { k: 'nan', quiet: r.m >= TWO63 + 2n ** 62n, r };
  }
  if (r.e === 131070 && r.s === 0 && r.m === 0n) return { k: 'nat' };
  // value = m · 2^(E − 65535 − 63), E = 49153 for a zero exponent field.
  const E = r.e === 0 ? 49153 : r.e;
  const p = E - 65535 - 63;
  const unnormal = r.m === 0n ? r.e !== 0 : r.e === 0 || r.m < TWO63;
  if (p >= 0) return { k: 'num', s: r.s, n: r.m * 2n ** BigInt(p), d: 1n, unnormal };
  return { k: 'num', s: r.s, n: r.m, d: 2n ** BigInt(-p), unnormal };
}

export interface Env {
  p: number;
  emin: number;
  emax: number;
  rc: number;
  ftz: boolean;
  /** disabled-trap bits v d z o u i = 1 2 4 8 16 32 */
  traps: number;
}

export type Out = { fault: number } | { r: Reg; flags: number };

const NATVAL: Reg = { s: 0, e: 131070, m: 0n };
const INDEF: Reg = { s: 1, e: 131071, m: 3n * 2n ** 62n };

/** floor(log2(n/d)) for n, d > 0. */
function ilog2(n: bigint, d: bigint): number {
  let e = n.toString(2).length - d.toString(2).length;
  // 2^e ≤ n/d < 2^(e+1)
  while (e >= 0 ? n < d * 2n ** BigInt(e) : n * 2n ** BigInt(-e) < d) e--;
  while (e + 1 >= 0 ? n >= d * 2n ** BigInt(e + 1) : n * 2n ** BigInt(-(e + 1)) >= d) e++;
  return e;
}

/** n/d (n ≥ 0) divided by 2^u, rounded to an integer: [q, inexact]. */
function roundDiv(n: bigint, d: bigint, u: number, rc: number, neg: boolean): [bigint, boolean] {
  const num = u < 0 ? n * 2n ** BigInt(-u) : n;
  const den = u > 0 ? d * 2n ** BigInt(u) : d;
  const q = num / den,
    r = num % den;
  if (r === 0n) return [q, false];
  const twice = 2n * r;
  let inc: boolean;
  switch (rc) {
    case 0:
      inc = twice > den || (twice === den && q % 2n === 1n);
      break;
    case 1:
      inc = neg;
      break;
    case 2:
      inc = !neg;
      break;
    default:
      inc = false;
  }
  return [inc ? q + 1n : q, true];
}

const BIAS = 65535;

/** Rounds ±n/d (n > 0) under env: the register result and flags, or a wrapped result on enabled O/U traps. */
export function roundRational(s: number, n: bigint, d: bigint, env: Env): { r: Reg; flags: number } {
  const neg = s === 1;
  const E = ilog2(n, d);
  // Unbounded exponent rounding: decides tininess and overflow.
  const [qu, inexU] = roundDiv(n, d, E - env.p + 1, env.rc, neg);
  const Eu = qu === 2n ** BigInt(env.p) ? E + 1 : E;
  const wrap = (): Reg => {
    const sig = qu === 2n ** BigInt(env.p) ? qu / 2n : qu;
    return { s, e: (((Eu + BIAS) % 131072) + 131072) % 131072, m: sig * 2n ** BigInt(64 - env.p) };
  };
  if (Eu > env.emax) {
    if (!(env.traps & 8)) return { r: wrap(), flags: 8 | (inexU ? 32 : 0) };
    const inf = env.rc === 0 || (env.rc === 1 && neg) || (env.rc === 2 && !neg);
    if (inf) return { r: { s, e: 131071, m: TWO63 }, flags: 40 };
    return { r: { s, e: env.emax + BIAS, m: (2n ** BigInt(env.p) - 1n) * 2n ** BigInt(64 - env.p) }, flags: 40 };
  }
  if (Eu < env.emin) {
    if (!(env.traps & 16)) return { r: wrap(), flags: 16 | (inexU ? 32 : 0) };
    if (env.ftz) return { r: { s, e: 0, m: 0n }, flags: 48 };
    const ulp = env.emin - env.p + 1;
    const [q, inex] = roundDiv(n, d, ulp, env.rc, neg);
    const flags = inex ? 48 : 0;
    if (q === 0n) return { r: { s, e: 0, m: 0n }, flags };
    // q · 2^ulp as a register: significand bit 63 weighs 2^emin.
    const m = q * 2n ** BigInt(64 - env.p);
    const normal = m >= TWO63;
    const e = normal || env.emin !== -16382 ? env.emin + BIAS : 0;
    return { r: { s, e, m }, flags };
  }
  const [q, inex] = roundDiv(n, d, Eu - env.p + 1, env.rc, neg);
  return { r: { s, e: Eu + BIAS, m: q * 2n ** BigInt(64 - env.p) }, flags: inex ? 32 : 0 };
}

function quieted(v: Val & { k: 'nan' }): Reg {
  return { s: v.r.s, e: v.r.e, m: v.r.m | (2n ** 62n) };
}

function invalidOut(env: Env, r: Reg = INDEF): Out {
  return env.traps & 1 ? { r, flags: 1 } : { fault: 1 };
}

/** fma / fms / fnma: f3 · f4 ± f2 with optional product negation; f2IsF0 for the IEEE multiply. */
export function refFma(f3: Reg, f4: Reg, f2: Reg, env: Env, negProd: boolean, negAdd: boolean, f2IsF0: boolean): Out {
  const a = decode(f3),
    b = decode(f4),
    c = decode(f2);
  const all = [a, b, c];
  if (all.some((v) => v.k === 'nat')) return { r: NATVAL, flags: 0 };
  if (all.some((v) => v.k === 'unsupp')) return invalidOut(env);
  const sig = all.some((v) => v.k === 'nan' && !v.quiet);
  if (sig && !(env.traps & 1)) return { fault: 1 };
  for (const v of [b, c, a]) if (v.k === 'nan') return { r: quieted(v), flags: sig ? 1 : 0 };
  const den = all.some((v) => v.k === 'num' && v.unnormal);
  const ps =
    (a.k === 'inf' || a.k === 'num' ? a.s : 0) ^ (b.k === 'inf' || b.k === 'num' ? b.s : 0) ^ (negProd ? 1 : 0);
  const cs = (c.k === 'inf' || c.k === 'num' ? c.s : 0) ^ (negAdd ? 1 : 0);
  const isZ = (v: Val) => v.k === 'num' && v.n === 0n;
  const dflag = den ? 2 : 0;
  const withD = (r: Reg): Out => (den && !(env.traps & 2) ? { fault: 2 } : { r, flags: dflag });
  if (a.k === 'inf' || b.k === 'inf') {
    if (isZ(a) || isZ(b)) return invalidOut(env);
    if (c.k === 'inf' && cs !== ps) return invalidOut(env);
    return withD({ s: ps, e: 131071, m: TWO63 });
  }
  if (c.k === 'inf') return withD({ s: cs, e: 131071, m: TWO63 });
  if (den && !(env.traps & 2)) return { fault: 2 };
  const A = a as Val & { k: 'num' },
    B = b as Val & { k: 'num' },
    C = c as Val & { k: 'num' };
  if ((isZ(A) || isZ(B)) && f2IsF0) return { r: { s: ps, e: 0, m: 0n }, flags: dflag };
  // ps·|A||B| + cs·|C| as one fraction.
  const pn = A.n * B.n * C.d,
    cn = C.n * A.d * B.d,
    dd = A.d * B.d * C.d;
  const total = (ps ? -pn : pn) + (cs ? -cn : cn);
  if (total === 0n) {
    const bothZero = (isZ(A) || isZ(B)) && isZ(C);
    const s = bothZero && ps === cs ? ps : env.rc === 1 ? 1 : 0;
    return { r: { s, e: 0, m: 0n }, flags: dflag };
  }
  const res = roundRational(total < 0n ? 1 : 0, total < 0n ? -total : total, dd, env);
  return { r: res.r, flags: res.flags | dflag };
}

/** fcvt.fx / fcvt.fxu: the integer result as a register, or a fault. */
export function refFcvt(f2: Reg, signed: boolean, rc: number, traps: number): Out {
  const v = decode(f2);
  if (v.k === 'nat') return { r: NATVAL, flags: 0 };
  const indef: Reg = { s: 0, e: 0x1003e, m: TWO63 };
  if (v.k !== 'num') return traps & 1 ? { r: indef, flags: 1 } : { fault: 1 };
  const [q, inex] = roundDiv(v.n, v.d, 0, rc, v.s === 1);
  const val = v.s ? -q : q;
  const fits = signed ? val >= -TWO63 && val < TWO63 : val >= 0n && val < 2n * TWO63;
  if (!fits) return traps & 1 ? { r: indef, flags: 1 } : { fault: 1 };
  if (v.unnormal && !(traps & 2)) return { fault: 2 };
  const m = val < 0n ? val + 2n * TWO63 : val;
  return { r: { s: 0, e: 0x1003e, m }, flags: (v.unnormal ? 2 : 0) | (inex ? 32 : 0) };
}

/** fcmp: true/false, null for NaTVal operands, or a fault. */
export function refFcmp(
  rel: 'eq' | 'lt' | 'le' | 'unord',
  f2: Reg,
  f3: Reg,
  traps: number,
): { res: boolean | null; flags: number } | { fault: number } {
  const a = decode(f2),
    b = decode(f3);
  if (a.k === 'nat' || b.k === 'nat') return { res: null, flags: 0 };
  const signaling = [a, b].some((v) => v.k === 'unsupp' || (v.k === 'nan' && !v.quiet));
  const unordered = [a, b].some((v) => v.k === 'unsupp' || v.k === 'nan');
  if (unordered) {
    const raise = signaling || rel === 'lt' || rel === 'le';
    if (raise && !(traps & 1)) return { fault: 1 };
    return { res: rel === 'unord', flags: raise ? 1 : 0 };
  }
  const den = [a, b].some((v) => v.k === 'num' && v.unnormal);
  if (den && !(traps & 2)) return { fault: 2 };
  // Compare as extended reals: infinities map to ±1 with an "infinite" marker.
  const key = (v: Val): [number, bigint, bigint] =>
    v.k === 'inf' ? [v.s ? -1 : 1, 0n, 1n] : v.k === 'num' ? [0, v.s ? -v.n : v.n, v.d] : [0, 0n, 1n];
  const [ia, na, da] = key(a),
    [ib, nb, db] = key(b);
  const cmp =
    ia !== ib
      ? Math.sign(ia - ib)
      : ia !== 0
        ? 0
        : Math.sign(Number(na * db - nb * da > 0n) - Number(na * db - nb * da < 0n));
  const res = rel === 'eq' ? cmp === 0 : rel === 'lt' ? cmp < 0 : rel === 'le' ? cmp <= 0 : false;
  return { res, flags: den ? 2 : 0 };
}
