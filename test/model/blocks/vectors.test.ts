// Stimulus generators: reproducibility, masking to port widths, exhaustive enumeration,
// coverage of the directed sets, exact error texts.
import { describe, expect, it } from 'vitest';
import { port } from '../../../model/blocks/columns.js';
import { PSR_OP } from '../../../arch/psr-op.js';
import { PSR_COMB_INPUTS } from '../../../model/blocks/psr.js';
import { createVmswModel, VMSW_INPUTS } from '../../../model/blocks/vmsw.js';
import {
  directedAddrCheck,
  directedPsr,
  directedPsrSequence,
  directedVmsw,
  exhaustiveColumns,
  packVectors,
  randomAddrCheck,
  randomColumns,
  randomFaultPrio,
  randomPsr,
  randomPsrSequence,
  randomVmsw,
  seededSource,
} from '../../../model/blocks/vectors.js';

const PORTS = [port('a', 1), port('b', 37), port('c', 64), port('d', 15)];

describe('random columns', () => {
  it('same seed → same columns; different seed or no seed → different', () => {
    const a = randomColumns(PORTS, 500, { seed: 42 }),
      b = randomColumns(PORTS, 500, { seed: 42 });
    expect(a).toEqual(b);
    expect(randomColumns(PORTS, 500, { seed: 43 }).c).not.toEqual(a.c);
    expect(randomColumns(PORTS, 500).c).not.toEqual(randomColumns(PORTS, 500).c);
    for (const gen of [randomPsr, randomPsrSequence, randomVmsw, randomAddrCheck, randomFaultPrio] as ((
      n: number,
      o: { seed: number },
    ) => { inputs: unknown })[])
      expect(gen(300, { seed: 5 }).inputs).toEqual(gen(300, { seed: 5 }).inputs);
  });
  it('bits above each port width are 0, and every allowed bit occurs', () => {
    for (const c of [randomColumns(PORTS, 2000, { seed: 1 }), randomColumns(PORTS, 2000)]) {
      const or = (col: Uint32Array, w: number, words: number) =>
        col.filter((_, i) => i % words === w).reduce((s, x) => (s | x) >>> 0, 0);
      expect(or(c.a!, 0, 1)).toBe(1);
      expect([or(c.b!, 0, 2), or(c.b!, 1, 2)]).toEqual([0xffffffff, 0x1f]);
      expect([or(c.c!, 0, 2), or(c.c!, 1, 2)]).toEqual([0xffffffff, 0xffffffff]);
      expect(or(c.d!, 0, 1)).toBe(0x7fff);
    }
  });
  it('the seeded source is roughly uniform', () => {
    const buf = new Uint32Array(100_000);
    seededSource(7).fill(buf);
    let ones = 0;
    for (const x of buf) for (let v = x; v; v &= v - 1) ones++;
    expect(ones / (buf.length * 32)).toBeGreaterThan(0.495);
    expect(ones / (buf.length * 32)).toBeLessThan(0.505);
  });
  it('rejects a bad seed', () => {
    expect(() => randomColumns(PORTS, 1, { seed: -1 })).toThrow(
      new Error('random source: seed must be a non-negative integer, got -1'),
    );
    expect(() => randomColumns(PORTS, 1, { seed: 1.5 })).toThrow(
      new Error('random source: seed must be a non-negative integer, got 1.5'),
    );
  });
  it('psr random sequences reset in cycle 0 unless told not to', () => {
    expect(randomPsrSequence(10, { seed: 1 }).inputs.rst![0]).toBe(1);
    const noReset = randomPsrSequence(4000, { seed: 1, resetFirst: false });
    expect(noReset.inputs.rst!.reduce((s, x) => s + x, 0)).toBeLessThan(60);
  });
});

describe('exhaustive enumeration', () => {
  it('enumerates every combination once, port 0 in the low bits', () => {
    const st = exhaustiveColumns([port('x', 2), port('y', 3)]);
    expect(st.count).toBe(32);
    const seen = new Set<number>();
    for (let k = 0; k < 32; k++) seen.add(st.inputs.x![k]! | (st.inputs.y![k]! << 2));
    expect(seen.size).toBe(32);
    expect([st.inputs.x![5], st.inputs.y![5]]).toEqual([1, 1]);
  });
  it('vmsw: 11 input bits', () => {
    expect(VMSW_INPUTS.reduce((s, p) => s + p.width, 0)).toBe(11);
  });
  it('refuses more than 24 bits', () => {
    expect(() => exhaustiveColumns([port('a', 20), port('b', 5)])).toThrow(
      new Error('exhaustive enumeration: 25 input bits exceed the limit of 24'),
    );
  });
});

describe('directed sets', () => {
  it('psr: every op with operand 0, each single bit and all ones, from sp = 0 and sp = 1', () => {
    const st = directedPsr();
    const want = new Set<string>();
    for (let op = 0; op < 16; op++)
      for (const o of ['operand 0', 'operand all ones', ...Array.from({ length: 64 }, (_, i) => `operand bit ${i}`)])
        for (const s of ['psr up=1 sp=0', 'psr up=1 sp=1']) want.add(`${op}|${o}|${s}`);
    const names = Object.fromEntries(Object.entries(PSR_OP).map(([k, v]) => [k, v]));
    for (const l of st.labels!) {
      const m = /^(\w+) (operand [^,]+), (.*)$/.exec(l);
      if (m) want.delete(`${names[m[1]!] ?? Number(m[1]!.slice(2))}|${m[2]}|${m[3]}`);
    }
    expect([...want]).toEqual([]);
    expect(Object.keys(st.inputs).sort()).toEqual(PSR_COMB_INPUTS.map((p) => p.name).sort());
  });
  it('psr sequence: reset first, then state load + op per directed vector', () => {
    const comb = directedPsr(),
      seq = directedPsrSequence();
    expect(seq.count).toBe(1 + 2 * comb.count);
    expect(seq.inputs.rst![0]).toBe(1);
    expect(seq.inputs.op![1]).toBe(PSR_OP.RFI);
  });
  it('vmsw: every level alone and with every higher one', () => {
    // outcome per (cpl ≠ 0, some level-3 cause) for valid vectors, with VT and without
    const st = directedVmsw();
    for (const [opts, expectOutcome] of [
      [{}, (p: boolean, v: boolean) => (p ? 'priv' : v ? 'virt' : 'commit')],
      [{ vmImplemented: false }, () => 'illegal'],
    ] as const) {
      const o = createVmswModel(opts).evalBatch(st.inputs, st.count);
      const combos = new Set<string>();
      for (let i = 0; i < st.count; i++) {
        if (!st.inputs.valid![i]) continue;
        const priv = st.inputs.cpl![i] !== 0;
        const virt =
          !st.inputs.psr_it![i] ||
          st.inputs.itlb_ar![i] !== 7 ||
          !!st.inputs.vm_disabled![i] ||
          !!st.inputs.vmsw_disabled![i];
        const got = o.illegal_op![i] ? 'illegal' : o.priv_op![i] ? 'priv' : o.virt_fault![i] ? 'virt' : 'commit';
        expect(got, st.labels![i]).toBe(expectOutcome(priv, virt));
        combos.add(`${priv}${virt}`);
      }
      expect(combos.size).toBe(4);
    }
  });
  it('addr_check: both sides of bit M / M+1 for vm 0 and vm 1, physical boundary, bit 63', () => {
    const labels = directedAddrCheck({ implVaMsb: 55, implPaMsb: 40 }).labels!.join('\n');
    for (const s of [
      'M=IMPL_VA_MSB: bits 60..M+1 set, bit M clear',
      'M=guest: bits 60..M set, bit M+1 flipped',
      'phys: bits 62..P+1 set',
      'bit 63 (0x8000000000000000) vm=1 phys=1',
    ])
      expect(labels).toContain(s);
  });
  it('packVectors rejects an unknown port', () => {
    expect(() => packVectors(VMSW_INPUTS, [{ label: 'x', v: { valud: 1 } }])).toThrow(
      new Error("packVectors: no port 'valud' (vector 'x')"),
    );
  });
});
