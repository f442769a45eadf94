// Every expression op at widths 1, 8, 32, 33, 64, 70 against a BigInt model written from the
// op's definition (docs in hdl/ir/types.ts). One module per width with one output per case,
// checked through evalBatch (the compiled loop) and through poke/eval/peek.
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../sim/jssim/sim.js';
import { design, MODES, Mod } from './ir.js';

const WIDTHS = [1, 8, 32, 33, 64, 70];
const AMOUNT_WIDTHS = [1, 3, 7, 32, 33];
const mask = (w: number) => (1n << BigInt(w)) - 1n;
const signed = (v: bigint, w: number) => (v >> BigInt(w - 1) ? v - (1n << BigInt(w)) : v);
const bit = (c: boolean) => (c ? 1n : 0n);

type Env = { a: bigint; b: bigint; s: bigint; amt: Record<number, bigint> };
interface Case {
  name: string;
  width: number;
  want: (v: Env) => bigint;
}

function build(W: number) {
  const m = new Mod(`ops${W}`);
  const a = m.ref(m.input('a', W));
  const b = m.ref(m.input('b', W));
  const s = m.ref(m.input('s', 1));
  const amt = Object.fromEntries(AMOUNT_WIDTHS.map((w) => [w, m.ref(m.input(`amt${w}`, w))])) as Record<number, number>;
  const cases: Case[] = [];
  const M = mask(W);
  const add = (name: string, expr: number, want: Case['want']) => {
    const width = m.w(expr);
    m.comb(m.assign(m.output(name, width), expr));
    cases.push({ name, width, want });
  };
  add('and', m.bin('and', a, b), (v) => v.a & v.b);
  add('or', m.bin('or', a, b), (v) => v.a | v.b);
  add('xor', m.bin('xor', a, b), (v) => v.a ^ v.b);
  add('add', m.bin('add', a, b), (v) => (v.a + v.b) & M);
  add('sub', m.bin('sub', a, b), (v) => (v.a - v.b) & M);
  add('not', m.un('not', a), (v) => ~v.a & M);
  add('neg', m.un('neg', a), (v) => -v.a & M);
  add('eq', m.cmp('eq', a, b), (v) => bit(v.a === v.b));
  add('ne', m.cmp('ne', a, b), (v) => bit(v.a !== v.b));
  add('ult', m.cmp('ult', a, b), (v) => bit(v.a < v.b));
  add('ule', m.cmp('ule', a, b), (v) => bit(v.a <= v.b));
  add('ugt', m.cmp('ugt', a, b), (v) => bit(v.a > v.b));
  add('uge', m.cmp('uge', a, b), (v) => bit(v.a >= v.b));
  add('slt', m.cmp('slt', a, b), (v) => bit(signed(v.a, W) < signed(v.b, W)));
  add('sle', m.cmp('sle', a, b), (v) => bit(signed(v.a, W) <= signed(v.b, W)));
  add('sgt', m.cmp('sgt', a, b), (v) => bit(signed(v.a, W) > signed(v.b, W)));
  add('sge', m.cmp('sge', a, b), (v) => bit(signed(v.a, W) >= signed(v.b, W)));
  add('redand', m.red('redand', a), (v) => bit(v.a === M));
  add('redor', m.red('redor', a), (v) => bit(v.a !== 0n));
  add('redxor', m.red('redxor', a), (v) => BigInt([...v.a.toString(2)].filter((c) => c === '1').length & 1));
  add('mux', m.mux(s, a, b), (v) => (v.s ? v.a : v.b));
  for (const aw of AMOUNT_WIDTHS) {
    const k = amt[aw]!;
    add(`shl_${aw}`, m.bin('shl', a, k), (v) => (v.amt[aw]! >= BigInt(W) ? 0n : (v.a << v.amt[aw]!) & M));
    add(`shr_${aw}`, m.bin('shr', a, k), (v) => v.a >> v.amt[aw]!);
    add(`sra_${aw}`, m.bin('sra', a, k), (v) => (signed(v.a, W) >> v.amt[aw]!) & M);
  }
  for (const k of new Set([0, 1, 5, 31, 32, 33, W - 1, W, W + 3].filter((x) => x >= 0))) {
    add(`shli_${k}`, m.e({ op: 'shli', width: W, a, amount: k }), (v) => (v.a << BigInt(k)) & M);
    add(`shri_${k}`, m.e({ op: 'shri', width: W, a, amount: k }), (v) => v.a >> BigInt(k));
    add(`srai_${k}`, m.e({ op: 'srai', width: W, a, amount: k }), (v) => (signed(v.a, W) >> BigInt(k)) & M);
  }
  const slices = [
    [W - 1, 0],
    [W - 1, W - 1],
    [0, 0],
    [Math.min(W - 1, 40), Math.min(W - 1, 20)],
    [W - 1, Math.floor(W / 2)],
    [Math.min(W - 1, 35), Math.min(W - 1, 3)],
  ];
  for (const [hi, lo] of slices)
    add(`slice_${hi}_${lo}`, m.slice(a, hi!, lo!), (v) => (v.a >> BigInt(lo!)) & mask(hi! - lo! + 1));
  const five = m.slice(m.concat(b, b, b, b, b), 4, 0); // 5 bits of b (also covers concat of many parts)
  add('concat_ab', m.concat(a, b), (v) => (v.a << BigInt(W)) | v.b);
  add(
    'concat_b5a',
    m.concat(b, five, a),
    (v) =>
      (((v.b << 5n) |
        (((v.b << BigInt(4 * W)) | (v.b << BigInt(3 * W)) | (v.b << BigInt(2 * W)) | (v.b << BigInt(W)) | v.b) &
          31n)) <<
        BigInt(W)) |
      v.a,
  );
  add('repl_bit', m.e({ op: 'repl', width: 70, a: s, count: 70 }), (v) => (v.s ? mask(70) : 0n));
  add(
    'repl3',
    m.e({ op: 'repl', width: 3 * W, a, count: 3 }),
    (v) => (v.a << BigInt(2 * W)) | (v.a << BigInt(W)) | v.a,
  );
  for (const to of [W, W + 1, W + 31, W + 40, 128].filter((x) => x >= W)) {
    add(`zext_${to}`, m.e({ op: 'zext', width: to, a }), (v) => v.a);
    add(`sext_${to}`, m.e({ op: 'sext', width: to, a }), (v) => signed(v.a, W) & mask(to));
  }
  for (const to of new Set([1, W - 1, 31, 32, 33, W].filter((x) => x >= 1 && x <= W)))
    add(`trunc_${to}`, m.e({ op: 'trunc', width: to, a }), (v) => v.a & mask(to));
  add('const', m.bin('xor', a, m.c(W, 0xa5a5a5a5a5a5a5a5a5n & M)), (v) => v.a ^ (0xa5a5a5a5a5a5a5a5a5n & M));
  return { d: design(m), cases };
}

// Deterministic generator (xorshift) with the corner values mixed in.
function rng(seed: number) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

const corners = (W: number) => {
  const M = mask(W);
  return [
    ...new Set([
      0n,
      1n,
      M,
      M >> 1n,
      (M >> 1n) + 1n,
      M - 1n,
      2n & M,
      0x80000000n & M,
      0xffffffffn & M,
      (1n << 32n) & M,
      0xffffffffn,
    ]),
  ].map((v) => v & M);
};

/** Operand pairs: every pair of corner values first, then random ones (some small, so equal and adjacent values occur). */
function pairs(W: number, count: number, next: () => number): [bigint[], bigint[]] {
  const M = mask(W);
  const c = corners(W);
  const a: bigint[] = [];
  const b: bigint[] = [];
  for (const x of c) for (const y of c) a.push(x), b.push(y);
  const rnd = (i: number) => {
    let v = 0n;
    for (let j = 0; j < 3; j++) v = (v << 32n) | BigInt(next());
    return (i % 4 === 0 ? v & 7n : v) & M;
  };
  for (let i = a.length; i < count; i++) a.push(rnd(i)), b.push(rnd(i));
  return [a, b];
}

function column(vals: bigint[], W: number): Uint32Array {
  const n = Math.ceil(W / 32);
  const out = new Uint32Array(vals.length * n);
  vals.forEach((v, k) => {
    for (let i = 0; i < n; i++) out[k * n + i] = Number((v >> BigInt(32 * i)) & 0xffffffffn);
  });
  return out;
}

function read(col: Uint32Array, k: number, W: number): bigint {
  const n = Math.ceil(W / 32);
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 32n) | BigInt(col[k * n + i]!);
  return v;
}

describe.each(MODES)('jssim expression ops (%s)', (_mode, opts) => {
  for (const W of WIDTHS) {
    it(`computes every op at width ${W}`, () => {
      const { d, cases } = build(W);
      const sim = createSimulator(d, opts);
      const N = 1500;
      const next = rng(0x1234567 + W);
      const env: Env[] = [];
      const [a, b] = pairs(W, N, next);
      const s = a.map(() => BigInt(next() & 1));
      const amt: Record<number, bigint[]> = {};
      for (const aw of AMOUNT_WIDTHS)
        amt[aw] = a.map((_, k) => (k % 3 === 0 ? BigInt(next()) & mask(aw) : BigInt(next() % (W + 3)) & mask(aw)));
      for (let k = 0; k < N; k++)
        env.push({
          a: a[k]!,
          b: b[k]!,
          s: s[k]!,
          amt: Object.fromEntries(AMOUNT_WIDTHS.map((aw) => [aw, amt[aw]![k]!])),
        });
      const inputs: Record<string, Uint32Array> = { a: column(a, W), b: column(b, W), s: column(s, 1) };
      for (const aw of AMOUNT_WIDTHS) inputs[`amt${aw}`] = column(amt[aw]!, aw);
      const out = sim.evalBatch(inputs, N);
      const bad: string[] = [];
      for (const c of cases)
        for (let k = 0; k < N && bad.length < 10; k++) {
          const got = read(out[c.name]!, k, c.width);
          const want = c.want(env[k]!);
          if (got !== want)
            bad.push(
              `${c.name}: a=${env[k]!.a.toString(16)} b=${env[k]!.b.toString(16)} s=${env[k]!.s} amt=${JSON.stringify(Object.values(env[k]!.amt).map(String))}: got ${got.toString(16)}, want ${want.toString(16)}`,
            );
        }
      expect(bad).toEqual([]);
      // The scalar path (poke / eval / peek) runs separately generated code.
      for (let k = 0; k < 40; k++) {
        const v = env[k * 37]!;
        sim.poke('a', v.a);
        sim.poke('b', v.b);
        sim.poke('s', v.s);
        for (const aw of AMOUNT_WIDTHS) sim.poke(`amt${aw}`, v.amt[aw]!);
        for (const c of cases) if (sim.peek(c.name) !== c.want(v)) bad.push(`${c.name} (peek) a=${v.a.toString(16)}`);
      }
      expect(bad).toEqual([]);
    });
  }
});
