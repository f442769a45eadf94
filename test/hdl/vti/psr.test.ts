// vti_psr on both engines: hand-written cases from the op table of blocks.md, then the
// spec-derived directed sequences and seeded random sequences against the reference model.
import { afterAll, describe, expect, it } from 'vitest';
import { PSR_KEPT_MASK } from '../../../arch/psr.js';
import { createBlockModel } from '../../../blocks/registry.js';
import { directedPsrSequence, randomPsrSequence, type Stimulus } from '../../../model/blocks/vectors.js';
import type { Engine } from '../../../sim/engine.js';
import { DEFAULT_CONFIG, vtiDesign } from '../../../gen/vti.js';
import { bothEngines, columnsOf, expectSameOutputs, valueAt } from './harness.js';
import { PSR_OP } from '../../../arch/psr-op.js';

const OP = PSR_OP;
const bit = (n: number) => 1n << BigInt(n);
const cache: Record<string, Engine[]> = {};
const enginesFor = async (vt: boolean) =>
  (cache[String(vt)] ??= await bothEngines(vtiDesign('vti_psr', { ...DEFAULT_CONFIG, vmImplemented: vt })));
afterAll(async () => {
  for (const l of Object.values(cache)) for (const e of l) await e.close();
});

const model = createBlockModel('vti_psr');
const ports = model.stepInputs;

describe('vti_psr', () => {
  it('applies each command of the op table (hand-written sequence)', async () => {
    // One cycle per row; `want` is PSR after the rising edge, worked out from blocks.md.
    const seq: { v: Record<string, bigint | number>; want: bigint; rsv?: number; what: string }[] = [
      { v: { rst: 1 }, want: 0n, what: 'reset → 0' },
      {
        v: { op: OP.MOV_PSR_L, operand: bit(13) | bit(14) | bit(17) | bit(2) },
        want: bit(13) | bit(14) | bit(17) | bit(2),
        what: 'mov psr.l: ic, i, dt, up',
      },
      { v: { op: OP.SSM, operand: bit(20) }, want: bit(13) | bit(14) | bit(17) | bit(2) | bit(20), what: 'ssm sp' },
      {
        v: { op: OP.RUM, operand: bit(2) },
        want: bit(13) | bit(14) | bit(17) | bit(2) | bit(20),
        what: 'rum up while sp = 1: up kept',
      },
      { v: { op: OP.RSM, operand: bit(20) }, want: bit(13) | bit(14) | bit(17) | bit(2), what: 'rsm sp' },
      {
        v: { op: OP.RUM, operand: bit(2) },
        want: bit(13) | bit(14) | bit(17),
        what: 'rum up while sp = 0: up cleared',
      },
      {
        v: { op: OP.SSM, operand: bit(16) },
        want: bit(13) | bit(14) | bit(17),
        rsv: 1,
        what: 'ssm with reserved bit 16: fault, unchanged',
      },
      { v: { op: OP.SUM, operand: bit(6) }, want: bit(13) | bit(14) | bit(17), rsv: 1, what: 'sum with bit 6: fault' },
      {
        v: { op: OP.MOV_PSR_UM, operand: bit(40) },
        want: bit(13) | bit(14) | bit(17),
        rsv: 1,
        what: 'mov psr.um with bit 40: fault',
      },
      {
        v: { op: OP.RFI, operand: bit(46) | (2n << 32n) | bit(36) | bit(0) | bit(63) | (3n << 41n) },
        want: bit(46) | (2n << 32n) | bit(36) | (3n << 41n),
        what: 'rfi: vm, cpl 2, it; reserved bits 0 and 63 dropped; ri = 3 kept',
      },
      {
        v: { op: OP.EPC, operand: 3 },
        want: bit(46) | (2n << 32n) | bit(36) | (3n << 41n),
        what: 'epc to a less privileged level: no change',
      },
      {
        v: { op: OP.EPC, operand: 1 },
        want: bit(46) | (1n << 32n) | bit(36) | (3n << 41n),
        what: 'epc promotes cpl 2 → 1',
      },
      { v: { op: OP.BSW1 }, want: bit(46) | (1n << 32n) | bit(36) | (3n << 41n) | bit(44), what: 'bsw.1' },
      { v: { op: OP.VMSW0 }, want: (1n << 32n) | bit(36) | (3n << 41n) | bit(44), what: 'vmsw.0' },
      { v: { op: OP.VMSW1 }, want: bit(46) | (1n << 32n) | bit(36) | (3n << 41n) | bit(44), what: 'vmsw.1' },
      {
        v: { op: OP.INTERRUPT, dcr_be: 1, dcr_pp: 0 },
        want: ((bit(46) | (1n << 32n) | bit(36) | (3n << 41n) | bit(44)) & PSR_KEPT_MASK) | bit(1),
        what: 'interrupt: kept bits (it), be from DCR, cpl/vm/bn/ri 0',
      },
    ];
    for (const e of await enginesFor(true)) {
      const out = await e.stepBatch(
        columnsOf(
          ports,
          seq.map((s) => s.v),
        ),
        seq.length,
      );
      seq.forEach((s, i) => {
        expect(valueAt(out.psr!, 64, i), `${e.name}: ${s.what}`).toBe(s.want);
        expect(Number(valueAt(out.rsv_fault!, 1, i)), `${e.name}: rsv_fault of '${s.what}'`).toBe(s.rsv ?? 0);
      });
    }
  });

  it('ties vm to 0 when VT is not implemented', async () => {
    const seq: Record<string, bigint | number>[] = [
      { rst: 1 },
      { op: OP.VMSW1 },
      { op: OP.RFI, operand: bit(46) | bit(36) },
    ];
    for (const e of await enginesFor(false)) {
      const out = await e.stepBatch(columnsOf(ports, seq), seq.length);
      expect(
        [0, 1, 2].map((i) => valueAt(out.psr!, 64, i)),
        e.name,
      ).toEqual([0n, 0n, bit(36)]);
    }
  });

  const run = async (vt: boolean, stim: Stimulus) => {
    const ref = createBlockModel('vti_psr', { vmImplemented: vt });
    const expected = ref.stepBatch(new Uint32Array(2), stim.inputs, stim.count);
    for (const e of await enginesFor(vt))
      expectSameOutputs(
        `vti_psr vt=${vt} on ${e.name}`,
        ref.stepOutputs,
        expected,
        await e.stepBatch(stim.inputs, stim.count),
        stim.count,
        stim.labels,
      );
  };
  it('agrees with the reference on the directed sequences (every op, every reserved bit)', async () => {
    await run(true, directedPsrSequence());
    await run(false, directedPsrSequence({ vmImplemented: false }));
  });
  it('agrees with the reference on 50 000 random cycles', async () => {
    await run(true, randomPsrSequence(50_000, { seed: 3, resetFirst: true }));
    await run(false, randomPsrSequence(20_000, { seed: 4, resetFirst: true, options: { vmImplemented: false } }));
  });
});
