// Random designs (random expression DAGs at mixed widths, nested if/switch, partial
// assignments, processes driving several signals that read each other, registers with and
// without reset) simulated by jssim in both code shapes and by the independent BigInt
// reference in reference.ts; every output must agree on every cycle.
import { describe, expect, it } from 'vitest';
import type { IRDesign, IRStmt } from '../../../hdl/ir/types.js';
import { createSimulator } from '../../../sim/jssim/sim.js';
import { design, Mod, MODES, type Sig } from './ir.js';
import { Reference } from './reference.js';

const WIDTHS = [1, 1, 2, 3, 5, 8, 16, 31, 32, 33, 40, 63, 64, 65, 70, 96, 100];

function prng(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const big = (w: number) => {
    let v = 0n;
    for (let i = 0; i < w; i += 32) v = (v << 32n) | BigInt(int(2 ** 32));
    const r = next();
    if (r < 0.1) return 0n;
    if (r < 0.2) return (1n << BigInt(w)) - 1n;
    return v & ((1n << BigInt(w)) - 1n);
  };
  return { next, int, pick, big };
}

function randomDesign(seed: number): IRDesign {
  const r = prng(seed);
  const m = new Mod(`rand${seed}`);
  const clk = m.input('clk', 1),
    rst = m.input('rst', 1);
  const inputs = Array.from({ length: 3 + r.int(3) }, (_, i) => m.input(`in${i}`, r.pick(WIDTHS)));
  const regs = Array.from({ length: 2 + r.int(3) }, (_, i) => {
    const w = r.pick(WIDTHS);
    return r.next() < 0.6 ? m.reg(`r${i}`, w, clk, rst, r.big(w)) : m.reg(`r${i}`, w, clk);
  });

  const expr = (width: number, depth: number, avail: readonly Sig[]): number => {
    const leaf = () => {
      if (r.next() < 0.25 || avail.length === 0) return m.c(width, r.big(width));
      const s = r.pick(avail);
      if (s.width === width) return m.ref(s);
      if (s.width > width) {
        const lo = r.int(s.width - width + 1);
        return m.slice(m.ref(s), lo + width - 1, lo);
      }
      return m.e({ op: r.next() < 0.5 ? 'zext' : 'sext', width, a: m.ref(s) });
    };
    if (depth <= 0 || r.next() < 0.15) return leaf();
    const sub = (w = width) => expr(w, depth - 1, avail);
    const k = r.int(width === 1 ? 14 : 11);
    switch (k) {
      case 0:
        return m.bin(r.pick(['and', 'or', 'xor'] as const), sub(), sub());
      case 1:
        return m.bin(r.pick(['add', 'sub'] as const), sub(), sub());
      case 2:
        return m.un(r.pick(['not', 'neg'] as const), sub());
      case 3:
        return m.bin(r.pick(['shl', 'shr', 'sra'] as const), sub(), sub(r.pick([1, 3, 6, 7, 8, 33])));
      case 4:
        return m.e({ op: r.pick(['shli', 'shri', 'srai'] as const), width, a: sub(), amount: r.int(width + 3) });
      case 5:
        return m.mux(sub(1), sub(), sub());
      case 6: {
        if (width < 2) return sub();
        const cut = 1 + r.int(width - 1);
        return m.concat(sub(width - cut), sub(cut));
      }
      case 7: {
        const n = [4, 3, 2].find((d) => width % d === 0 && width / d >= 1);
        return n ? m.e({ op: 'repl', width, a: sub(width / n), count: n }) : sub();
      }
      case 8: {
        const wider = width + 1 + r.int(40);
        const lo = r.int(wider - width + 1);
        return m.slice(sub(wider), lo + width - 1, lo);
      }
      case 9: {
        const other = r.pick(WIDTHS);
        if (other > width) return m.e({ op: 'trunc', width, a: sub(other) });
        return m.e({ op: r.next() < 0.5 ? 'zext' : 'sext', width, a: sub(other) });
      }
      case 10:
        return leaf();
      case 11:
      case 12: {
        const w = r.pick(WIDTHS);
        return m.cmp(
          r.pick(['eq', 'ne', 'ult', 'ule', 'ugt', 'uge', 'slt', 'sle', 'sgt', 'sge'] as const),
          sub(w),
          sub(w),
        );
      }
      default:
        return m.red(r.pick(['redand', 'redor', 'redxor'] as const), sub(r.pick(WIDTHS)));
    }
  };

  /** Random statements assigning `targets`; `valueAvail(t)` are the signals a value for t may read. */
  const stmts = (
    targets: readonly Sig[],
    depth: number,
    condAvail: readonly Sig[],
    valueAvail: (t: Sig) => readonly Sig[],
  ): IRStmt[] =>
    Array.from({ length: 1 + r.int(2) }, (): IRStmt => {
      const k = depth <= 0 ? 0 : r.int(4);
      if (k <= 1) {
        const t = r.pick(targets);
        if (t.width > 1 && r.next() < 0.4) {
          const lo = r.int(t.width);
          const hi = lo + r.int(t.width - lo);
          return m.assign(t, expr(hi - lo + 1, 2, valueAvail(t)), hi, lo);
        }
        return m.assign(t, expr(t.width, 2, valueAvail(t)));
      }
      if (k === 2)
        return m.if(
          expr(1, 1, condAvail),
          stmts(targets, depth - 1, condAvail, valueAvail),
          r.next() < 0.5 ? stmts(targets, depth - 1, condAvail, valueAvail) : [],
        );
      const w = r.pick([1, 2, 3, 4, 33, 64]);
      const val = () => r.big(w).toString(16);
      const cases: [string[], IRStmt[]][] = Array.from({ length: 1 + r.int(3) }, () => [
        Array.from({ length: 1 + r.int(2) }, val),
        stmts(targets, depth - 1, condAvail, valueAvail),
      ]);
      if (r.next() < 0.5) cases.push([[], stmts(targets, depth - 1, condAvail, valueAvail)]);
      return m.switch(expr(w, 1, condAvail), cases);
    });

  // Wires in order: wire i reads inputs, registers and wires before it. Some processes drive
  // two wires, the second reading the first (final-value semantics inside one process).
  const wires: Sig[] = [];
  const nWires = 3 + r.int(4);
  while (wires.length < nWires) {
    const before = [...inputs, ...regs, ...wires];
    const a = m.wire(`w${wires.length}`, r.pick(WIDTHS));
    if (r.next() < 0.4) {
      const b = m.wire(`w${wires.length + 1}`, r.pick(WIDTHS));
      const body = [m.assign(a, expr(a.width, 2, before)), m.assign(b, expr(b.width, 2, [...before, a]))];
      m.comb(...body, ...stmts([a, b], 2, before, (t) => (t === a ? before : [...before, a])));
      wires.push(a, b);
    } else {
      m.comb(m.assign(a, expr(a.width, 2, before)), ...stmts([a], 2, before, () => before));
      wires.push(a);
    }
  }
  const all = [...inputs, ...regs, ...wires];
  m.sync(clk, rst, ...regs.map((g) => m.assign(g, expr(g.width, 2, all))), ...stmts(regs, 2, all, () => all));
  for (const [i, s] of [...regs, ...wires.slice(-3)].entries()) m.comb(m.assign(m.output(`o${i}`, s.width), m.ref(s)));
  void rst;
  return design(m);
}

/** The same module one level down: a wrapper passes every port through instance 'u'. */
function wrapped(d: IRDesign): IRDesign {
  const inner = d.modules[0]!;
  const w = new Mod(`wrap_${inner.name}`);
  const inputs: Record<string, number> = {};
  const outputs: Record<string, Sig> = {};
  for (const s of inner.signals) if (s.kind === 'input') inputs[s.name] = w.ref(w.input(s.name, s.width));
  for (const s of inner.signals.filter((x) => x.kind === 'output')) {
    const wire = w.wire(`u_${s.name}`, s.width);
    outputs[s.name] = wire;
    w.comb(w.assign(w.output(s.name, s.width), w.ref(wire)));
  }
  w.inst('u', inner.name, inputs, outputs);
  return { top: w.name, modules: [inner, w.done()] };
}

function column(vals: bigint[], w: number): Uint32Array {
  const n = Math.ceil(w / 32);
  const out = new Uint32Array(vals.length * n);
  vals.forEach((v, k) => {
    for (let i = 0; i < n; i++) out[k * n + i] = Number((v >> BigInt(32 * i)) & 0xffffffffn);
  });
  return out;
}

function read(col: Uint32Array, k: number, w: number): bigint {
  const n = Math.ceil(w / 32);
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 32n) | BigInt(col[k * n + i]!);
  return v;
}

describe.each(MODES)('jssim on random designs (%s)', (_mode, opts) => {
  it('agrees with the BigInt reference cycle by cycle on 40 random designs (half of them inside a wrapper)', () => {
    const CYCLES = 24;
    for (let seed = 1; seed <= 40; seed++) {
      const d = randomDesign(seed * 7919);
      const mod = d.modules[0]!;
      // Every other design runs inside a wrapper, through instance ports.
      const inside = seed % 2 === 0;
      const sim = createSimulator(inside ? wrapped(d) : d, opts);
      const ref = new Reference(mod);
      const r = prng(seed);
      const ins = mod.signals.filter((s) => s.kind === 'input' && s.name !== 'clk');
      const outs = mod.signals.filter((s) => s.kind === 'output');
      const stim: Record<string, bigint[]> = {};
      for (const s of ins)
        stim[s.name] = Array.from({ length: CYCLES }, (_, k) =>
          s.name === 'rst' ? (k === 0 || r.next() < 0.1 ? 1n : 0n) : r.big(s.width),
        );
      const got = sim.stepBatch(Object.fromEntries(ins.map((s) => [s.name, column(stim[s.name]!, s.width)])), CYCLES);
      for (let k = 0; k < CYCLES; k++) {
        for (const s of ins) ref.set(s.name, stim[s.name]![k]!);
        ref.step();
        for (const o of outs) {
          const g = read(got[o.name]!, k, o.width);
          if (g !== ref.get(o.name))
            expect.fail(
              `seed ${seed * 7919}, cycle ${k}, output ${o.name}: jssim 0x${g.toString(16)}, reference 0x${ref.get(o.name).toString(16)}`,
            );
        }
      }
      // Combinational batch against the registers as they are now.
      const ev: Record<string, bigint[]> = {};
      for (const s of ins) ev[s.name] = Array.from({ length: 4 }, () => r.big(s.width));
      const eo = sim.evalBatch(Object.fromEntries(ins.map((s) => [s.name, column(ev[s.name]!, s.width)])), 4);
      for (let k = 0; k < 4; k++) {
        for (const s of ins) ref.set(s.name, ev[s.name]![k]!);
        ref.settle();
        for (const o of outs)
          expect(read(eo[o.name]!, k, o.width), `seed ${seed * 7919}, evalBatch vector ${k}, ${o.name}`).toBe(
            ref.get(o.name),
          );
      }
      // Every internal signal after the batch, through peek (the scalar path).
      for (const s of mod.signals)
        if (s.name !== 'clk')
          expect(sim.peek(inside ? `u.${s.name}` : s.name), `seed ${seed * 7919}: ${s.name}`).toBe(ref.get(s.name));
    }
  });
});
