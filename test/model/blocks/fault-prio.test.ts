// vti_fault_prio reference: hand-written expectations from the architecture.md §6 table,
// scalar vs batched agreement (default and custom tables), exact option errors.
import { describe, expect, it } from 'vitest';
import {
  createFaultPrioModel,
  faultPrioScalar,
  type FaultPrioOptions,
  type PrioRow,
} from '../../../model/blocks/fault-prio.js';
import { directedFaultPrio, packVectors, randomFaultPrio } from '../../../model/blocks/vectors.js';
import { getBig } from '../../../model/blocks/columns.js';
import { mismatches } from './scalar-check.js';

/** pending with the given 1-based ranks set */
const ranks = (...r: number[]): bigint => r.reduce((m, x) => m | (1n << BigInt(x - 1)), 0n);

// [ranks pending, index, iva_offset, isr_code, kind] from the §6 table by hand.
const CASES: [number[], number, number, number, number][] = [
  [[25, 35], 24, 0x5400, 0x00, 1], // Illegal Operation beats Virtualization
  [[35], 34, 0x6100, 0, 1],
  [[33, 35], 32, 0x5400, 0x30, 1], // Unimplemented Data Address before Virtualization
  [[28, 31, 32, 33, 35], 27, 0x5400, 0x10, 1], // the confirmed chain: 25 > 28 > 31 > 32 > 33 > 35
  [[31, 32, 33, 35], 30, 0x5600, 0x10, 1],
  [[32, 33, 35], 31, 0x5400, 0x30, 1],
  [[1, 2, 56], 0, 0x3000, 0, 0], // External Interrupt: kind interrupt
  [[2, 3], 1, 0x3400, 0, 0],
  [[3], 2, 0x5400, 0x30, 1],
  [[52, 53], 51, 0x5d00, 0x01, 2], // FP trap: kind trap
  [[54, 55], 53, 0x5e00, 0x10, 2],
  [[56], 55, 0x6000, 0x08, 2],
  [[36, 40], 35, 0x5700, 0, 1],
];

describe('vti_fault_prio hand-written §6 cases', () => {
  const m = createFaultPrioModel();
  for (const [rs, index, iva, code, kind] of CASES)
    it(`rows ${rs.join(', ')} pending → index ${index}`, () => {
      const p = ranks(...rs);
      expect(faultPrioScalar(p)).toEqual({
        valid: 1,
        index,
        onehot: 1n << BigInt(index),
        ivaOffset: iva,
        isrCode: code,
        kind,
      });
      const st = packVectors(m.inputs, [{ label: '', v: { pending: p } }]);
      const o = m.evalBatch(st.inputs, 1);
      expect([
        o.valid![0],
        o.index![0],
        getBig(o.onehot!, m.outputs[2]!, 0),
        o.iva_offset![0],
        o.isr_code![0],
        o.kind![0],
      ]).toEqual([1, index, 1n << BigInt(index), iva, code, kind]);
    });

  it('nothing pending: every output 0', () => {
    expect(faultPrioScalar(0n)).toEqual({ valid: 0, index: 0, onehot: 0n, ivaOffset: 0, isrCode: 0, kind: 0 });
    const o = m.evalBatch({ pending: new Uint32Array([0, 0]) }, 1, { onehot: new Uint32Array([7, 7]) });
    expect([
      o.valid![0],
      o.index![0],
      o.onehot![0],
      o.onehot![1],
      o.iva_offset![0],
      o.isr_code![0],
      o.kind![0],
    ]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('ports: 56 rows → pending/onehot 2 words, index 6 bits; bits above row 56 ignored', () => {
    expect(m.inputs).toEqual([{ name: 'pending', width: 56, words: 2 }]);
    expect(m.outputs.map((p) => `${p.name}:${p.width}`)).toEqual([
      'valid:1',
      'index:6',
      'onehot:56',
      'iva_offset:15',
      'isr_code:16',
      'kind:2',
    ]);
    const o = m.evalBatch({ pending: new Uint32Array([0, 0xff00_0000]) }, 1);
    expect(o.valid![0]).toBe(0);
  });
});

const T = (n: number): PrioRow[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `r${i}`,
    vector: (i * 0x100) & 0x7fff,
    isrCode: i * 3,
    kind: (['interrupt', 'fault', 'trap'] as const)[i % 3]!,
  }));

describe('vti_fault_prio batched reference', () => {
  const scalar = (o: FaultPrioOptions) => (v: Record<string, bigint>) => {
    const r = faultPrioScalar(v.pending!, o);
    return {
      valid: BigInt(r.valid),
      index: BigInt(r.index),
      onehot: r.onehot,
      iva_offset: BigInt(r.ivaOffset),
      isr_code: BigInt(r.isrCode),
      kind: BigInt(r.kind),
    };
  };
  for (const [name, opts] of [
    ['default table', {}],
    ['3 rows', { table: T(3) }],
    ['32 rows', { table: T(32) }],
    ['33 rows', { table: T(33) }],
    ['70 rows', { table: T(70) }],
  ] as [string, FaultPrioOptions][])
    it(`= scalar on directed (every row, every pair) and random vectors: ${name}`, () => {
      const m = createFaultPrioModel(opts);
      for (const st of [
        directedFaultPrio(opts),
        randomFaultPrio(10_000, { seed: 9, options: opts }),
        randomFaultPrio(2_000, { options: opts }),
      ])
        expect(mismatches(st, m.inputs, m.outputs, m.evalBatch(st.inputs, st.count), scalar(opts))).toBe('');
    });

  it('directed set: every pair of the 56 rows is present and the higher row wins', () => {
    const st = directedFaultPrio();
    expect(st.count).toBe(1 + 56 + (56 * 55) / 2 + 56);
    const o = createFaultPrioModel().evalBatch(st.inputs, st.count);
    const i = st.labels!.indexOf('rows 25 and 35');
    expect([o.index![i], o.iva_offset![i], o.isr_code![i]]).toEqual([24, 0x5400, 0]);
  });

  it('random stimulus reaches every row as the winner', () => {
    const st = randomFaultPrio(20_000, { seed: 4 });
    const o = createFaultPrioModel().evalBatch(st.inputs, st.count);
    const winners = new Set<number>();
    for (let i = 0; i < st.count; i++) if (o.valid![i]) winners.add(o.index![i]!);
    expect(winners.size).toBe(56);
  });

  it('index width is ceil(log2 N)', () => {
    const w = (n: number) => createFaultPrioModel({ table: T(n) }).options.indexWidth;
    expect([w(2), w(3), w(4), w(5), w(56), w(64), w(65)]).toEqual([1, 2, 2, 3, 6, 6, 7]);
  });
});

describe('vti_fault_prio options', () => {
  const err = (table: unknown, msg: string) =>
    expect(() => createFaultPrioModel({ table } as FaultPrioOptions)).toThrow(new Error(msg));
  const ok = T(3);
  it('rejects bad tables with exact, located messages', () => {
    err('x', 'vti_fault_prio: option table must be an array of rows');
    err([], 'vti_fault_prio: option table must have at least 2 rows, got 0');
    err(T(1), 'vti_fault_prio: option table must have at least 2 rows, got 1');
    err([ok[0], { ...ok[1], name: '1x' }], 'vti_fault_prio: table row 2: name "1x" is not an identifier');
    err([ok[0], ok[1], { ...ok[2], name: 'r0' }], "vti_fault_prio: table row 3 ('r0'): duplicate name, also row 1");
    err(
      [ok[0], { ...ok[1], vector: 0x8000 }],
      "vti_fault_prio: table row 2 ('r1'): vector 0x8000 does not fit iva_offset (integer 0..0x7fff)",
    );
    err(
      [{ ...ok[0], vector: 1.5 }, ok[1]],
      "vti_fault_prio: table row 1 ('r0'): vector 1.5 does not fit iva_offset (integer 0..0x7fff)",
    );
    err(
      [ok[0], { ...ok[1], isrCode: 0x10000 }],
      "vti_fault_prio: table row 2 ('r1'): isrCode 0x10000 does not fit isr_code (integer 0..0xffff)",
    );
    err(
      [ok[0], { ...ok[1], kind: 'exception' }],
      'vti_fault_prio: table row 2 (\'r1\'): kind "exception" is not one of interrupt, fault, trap',
    );
    expect(() => createFaultPrioModel({ rows: 3 } as FaultPrioOptions)).toThrow(
      new Error("vti_fault_prio: unknown option 'rows' (known: table)"),
    );
  });
  it('rejects columns that are too short', () => {
    expect(() => createFaultPrioModel().evalBatch({ pending: new Uint32Array(3) }, 2)).toThrow(
      new Error("vti_fault_prio: input column 'pending' has 3 words, 2 vectors need 4"),
    );
    expect(() =>
      createFaultPrioModel().evalBatch({ pending: new Uint32Array(4) }, 2, { index: new Uint32Array(1) }),
    ).toThrow(new Error("vti_fault_prio: output column 'index' is too short: 2 vectors need 2 words"));
  });
});
