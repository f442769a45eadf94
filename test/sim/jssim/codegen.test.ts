// Properties of the generated code: word-level (no BigInt, no loops but the batch loop),
// inspectable, and split into chunks automatically when a design is large.
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../sim/jssim/sim.js';
import { maskComparator } from '../../../bench/jssim/designs.js';
import { design, Mod } from './ir.js';

describe('jssim generated code', () => {
  it('compiles a 64-bit mask comparator to straight word operations', () => {
    const sim = createSimulator(maskComparator());
    const k = sim.compiled.batch('eval', ['addr', 'vm']);
    for (const src of [sim.compiled.source, k.source]) {
      expect(src).not.toMatch(/BigInt|\d+n\b/);
      expect(src).not.toMatch(/\bwhile\b/);
    }
    expect(k.source.match(/\bfor \(/g)).toHaveLength(1); // the batch loop only
    expect(k.source).toContain('I0[k * 2 + 1]'); // the address high word, where both masks lie
    expect(k.source).not.toContain('I0[k * 2];'); // the low word is never loaded in the loop
  });

  it('chunks a large design automatically and still computes it exactly', () => {
    const m = new Mod('chain');
    const a = m.ref(m.input('a', 64)),
      b = m.ref(m.input('b', 64));
    let x = a,
      y = b;
    const ops: ('add' | 'xor' | 'sub')[] = [];
    for (let i = 0; i < 2000; i++) {
      const op = (['add', 'xor', 'sub'] as const)[i % 3]!;
      ops.push(op);
      const t = m.bin(op, x, y);
      y = x;
      x = t;
    }
    m.comb(m.assign(m.output('y', 64), x));
    const sim = createSimulator(design(m));
    expect(sim.compiled.source).toContain(', chunked');
    const M = (1n << 64n) - 1n;
    const model = (av: bigint, bv: bigint) => {
      let [p, q] = [av, bv];
      for (const op of ops) [p, q] = [(op === 'add' ? p + q : op === 'sub' ? p - q : p ^ q) & M, p];
      return p;
    };
    for (const [av, bv] of [
      [1n, 2n],
      [M, 1n],
      [0x1234_5678_9abc_def0n, 0xfedc_ba98_7654_3210n],
    ] as const) {
      sim.poke('a', av);
      sim.poke('b', bv);
      expect(sim.peek('y')).toBe(model(av, bv));
    }
  });
});
