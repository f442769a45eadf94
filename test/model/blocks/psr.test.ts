// vti_psr reference: hand-written expectations from blocks.md / architecture.md §2, and
// scalar vs batched agreement (combinational and clocked forms).
import { PSR_OP } from '../../../arch/psr-op.js';
import { describe, expect, it } from 'vitest';
import {
  createPsrModel,
  psrScalar,
  psrStepScalar,
  PSR_COMB_INPUTS,
  PSR_COMB_OUTPUTS,
  PSR_PRE_OUTPUTS,
  PSR_STEP_INPUTS,
  PSR_STEP_OUTPUTS,
  type PsrOptions,
} from '../../../model/blocks/psr.js';
import {
  directedPsr,
  directedPsrSequence,
  packVectors,
  randomPsr,
  randomPsrSequence,
} from '../../../model/blocks/vectors.js';
import { getBig } from '../../../model/blocks/columns.js';
import { mismatches, vectorAt } from './scalar-check.js';

const { NOP, MOV_PSR_L, SSM, RSM, SUM, RUM, MOV_PSR_UM, INTERRUPT, RFI, VMSW0, VMSW1, EPC, BSW0, BSW1 } = PSR_OP;
/** All defined PSR fields set (§2): bits 1-5, 13-15, 17-27, 32-46. */
const ALL = 0x0000_7fff_0ffe_e03en;

interface Case {
  name: string;
  psr: bigint;
  op: number;
  operand?: bigint;
  be?: number;
  pp?: number;
  rst?: number;
  next: bigint;
  fault: 0 | 1;
  opts?: PsrOptions;
}
// Each expected value worked out by hand from the op table.
const CASES: Case[] = [
  { name: 'NOP keeps everything', psr: ALL, op: NOP, operand: -1n, next: ALL, fault: 0 },
  { name: 'op 14 unchanged', psr: ALL, op: 14, operand: -1n, next: ALL, fault: 0 },
  { name: 'op 15 unchanged', psr: 0x2000n, op: 15, operand: -1n, next: 0x2000n, fault: 0 },
  {
    name: 'SSM bit 16 faults, psr unchanged',
    psr: 0x0000_0010_0000_2000n,
    op: SSM,
    operand: 0x1_0000n,
    next: 0x0000_0010_0000_2000n,
    fault: 1,
  },
  { name: 'SSM bit 0 faults', psr: 0n, op: SSM, operand: 1n, next: 0n, fault: 1 },
  { name: 'SSM bit 12 faults', psr: 0n, op: SSM, operand: 0x1000n, next: 0n, fault: 1 },
  { name: 'SSM sets i', psr: 0n, op: SSM, operand: 0x4000n, next: 0x4000n, fault: 0 },
  { name: 'SSM ignores operand{63:24}', psr: 0n, op: SSM, operand: 0xffff_ffff_ff00_4000n, next: 0x4000n, fault: 0 },
  { name: 'SSM sets up even with sp = 1', psr: 0x10_0000n, op: SSM, operand: 0x4n, next: 0x10_0004n, fault: 0 },
  { name: 'RSM clears ic and i', psr: 0x6002n, op: RSM, operand: 0x6000n, next: 0x2n, fault: 0 },
  { name: 'RSM bit 9 faults', psr: 0x6002n, op: RSM, operand: 0x200n, next: 0x6002n, fault: 1 },
  {
    name: 'MOV_PSR_L replaces {31:0} only',
    psr: 0x0000_0013_0000_4000n,
    op: MOV_PSR_L,
    operand: 0xffff_ffff_0800_2000n,
    next: 0x0000_0013_0800_2000n,
    fault: 0,
  },
  { name: 'MOV_PSR_L bit 28 faults', psr: 0x4000n, op: MOV_PSR_L, operand: 0x1000_0000n, next: 0x4000n, fault: 1 },
  { name: 'MOV_PSR_L bit 31 faults', psr: 0x4000n, op: MOV_PSR_L, operand: 0x8000_0000n, next: 0x4000n, fault: 1 },
  { name: 'MOV_PSR_L bit 6 faults', psr: 0x4000n, op: MOV_PSR_L, operand: 0x40n, next: 0x4000n, fault: 1 },
  { name: 'MOV_PSR_L up ignores sp', psr: 0x10_0000n, op: MOV_PSR_L, operand: 0x4n, next: 0x4n, fault: 0 },
  { name: 'SUM sets up when sp = 0', psr: 0n, op: SUM, operand: 0x4n, next: 0x4n, fault: 0 },
  { name: 'SUM leaves up when sp = 1', psr: 0x10_0000n, op: SUM, operand: 0x3en, next: 0x10_003an, fault: 0 },
  { name: 'SUM bit 6 faults', psr: 0n, op: SUM, operand: 0x40n, next: 0n, fault: 1 },
  { name: 'SUM bit 23 faults', psr: 0n, op: SUM, operand: 0x80_0000n, next: 0n, fault: 1 },
  { name: 'SUM ignores operand{63:24}', psr: 0n, op: SUM, operand: 0x0100_0008n, next: 0x8n, fault: 0 },
  { name: 'RUM leaves up when sp = 1', psr: 0x10_003en, op: RUM, operand: 0x3en, next: 0x10_0004n, fault: 0 },
  { name: 'RUM clears up when sp = 0', psr: 0x3en, op: RUM, operand: 0x4n, next: 0x3an, fault: 0 },
  { name: 'RUM bit 0 faults', psr: 0x3en, op: RUM, operand: 0x1n, next: 0x3en, fault: 1 },
  {
    name: 'MOV_PSR_UM writes {5:1} (up cleared, sp = 0)',
    psr: 0x6004n,
    op: MOV_PSR_UM,
    operand: 0x3an,
    next: 0x603an,
    fault: 0,
  },
  {
    name: 'MOV_PSR_UM keeps up when sp = 1',
    psr: 0x10_0004n,
    op: MOV_PSR_UM,
    operand: 0x38n,
    next: 0x10_003cn,
    fault: 0,
  },
  { name: 'MOV_PSR_UM bit 32 faults', psr: 0n, op: MOV_PSR_UM, operand: 0x1_0000_0000n, next: 0n, fault: 1 },
  { name: 'MOV_PSR_UM bit 63 faults', psr: 0n, op: MOV_PSR_UM, operand: 0x8000_0000_0000_0000n, next: 0n, fault: 1 },
  {
    name: 'INTERRUPT keeps up mfl mfh pk dt rt mc it, be from DCR',
    psr: ALL,
    op: INTERRUPT,
    be: 1,
    pp: 0,
    next: 0x0000_0018_0802_8036n,
    fault: 0,
  },
  { name: 'INTERRUPT pp from DCR', psr: ALL, op: INTERRUPT, be: 0, pp: 1, next: 0x0000_0018_0822_8034n, fault: 0 },
  {
    name: 'INTERRUPT clears vm, cpl, ri',
    psr: 0x0000_4603_0000_6000n,
    op: INTERRUPT,
    operand: -1n,
    next: 0n,
    fault: 0,
  },
  { name: 'RFI loads all fields, reserved bits 0', psr: 0n, op: RFI, operand: -1n, next: ALL, fault: 0 },
  {
    name: 'RFI without VT loads vm as 0',
    psr: 0n,
    op: RFI,
    operand: -1n,
    next: 0x0000_3fff_0ffe_e03en,
    fault: 0,
    opts: { vmImplemented: false },
  },
  {
    name: 'RFI loads ri = 3 unchanged',
    psr: ALL,
    op: RFI,
    operand: 0x0000_0600_0000_0000n,
    next: 0x0000_0600_0000_0000n,
    fault: 0,
  },
  { name: 'VMSW1 sets vm', psr: 0n, op: VMSW1, next: 0x0000_4000_0000_0000n, fault: 0 },
  { name: 'VMSW1 without VT: vm stays 0', psr: 0n, op: VMSW1, next: 0n, fault: 0, opts: { vmImplemented: false } },
  { name: 'VMSW0 clears vm', psr: 0x0000_4000_0000_2000n, op: VMSW0, next: 0x2000n, fault: 0 },
  { name: 'EPC promotes cpl 3 to 1', psr: 0x3_0000_0000n, op: EPC, operand: 1n, next: 0x1_0000_0000n, fault: 0 },
  {
    name: 'EPC uses operand{1:0} only',
    psr: 0x3_0000_0000n,
    op: EPC,
    operand: 0xffff_ffff_ffff_fffen,
    next: 0x2_0000_0000n,
    fault: 0,
  },
  { name: 'EPC no change when not lower', psr: 0x1_0000_0000n, op: EPC, operand: 1n, next: 0x1_0000_0000n, fault: 0 },
  { name: 'EPC never demotes', psr: 0x1_0000_0000n, op: EPC, operand: 3n, next: 0x1_0000_0000n, fault: 0 },
  { name: 'BSW1 sets bn', psr: 0n, op: BSW1, next: 0x0000_1000_0000_0000n, fault: 0 },
  { name: 'BSW0 clears bn', psr: ALL, op: BSW0, next: 0x0000_6fff_0ffe_e03en, fault: 0 },
  {
    name: 'rst wins over the op; rsv_fault still from op/operand',
    psr: ALL,
    op: SSM,
    operand: 0x1_0000n,
    rst: 1,
    next: 0n,
    fault: 1,
  },
];

describe('vti_psr scalar reference (hand-written cases)', () => {
  for (const c of CASES)
    it(c.name, () => {
      const r = psrScalar(
        c.psr,
        {
          rst: c.rst ?? 0,
          op: c.op,
          operand: BigInt.asUintN(64, c.operand ?? 0n),
          slot: 0,
          dcrBe: c.be ?? 0,
          dcrPp: c.pp ?? 0,
        },
        c.opts,
      );
      expect([r.next.toString(16), r.rsvFault]).toEqual([c.next.toString(16), c.fault]);
    });

  it('ipsr_save is psr with ri replaced by slot', () => {
    const r = psrScalar(0x0000_0600_0000_2000n, { op: NOP, operand: 0n, slot: 1, dcrBe: 0, dcrPp: 0 });
    expect(r.ipsrSave).toBe(0x0000_0200_0000_2000n);
  });
});

describe('vti_psr batched reference', () => {
  it('agrees with the hand-written cases', () => {
    for (const c of CASES) {
      const st = packVectors(PSR_COMB_INPUTS, [
        {
          label: c.name,
          v: {
            psr: c.psr,
            op: c.op,
            operand: BigInt.asUintN(64, c.operand ?? 0n),
            rst: c.rst ?? 0,
            dcr_be: c.be ?? 0,
            dcr_pp: c.pp ?? 0,
          },
        },
      ]);
      const out = createPsrModel(c.opts).evalBatch(st.inputs, 1);
      expect([getBig(out.psr_next!, PSR_COMB_OUTPUTS[0]!, 0).toString(16), out.rsv_fault![0]], c.name).toEqual([
        c.next.toString(16),
        c.fault,
      ]);
    }
  });

  for (const opts of [{}, { vmImplemented: false }] as PsrOptions[]) {
    const scalar = (o: PsrOptions) => (v: Record<string, bigint>) => {
      const r = psrScalar(
        v.psr!,
        {
          rst: Number(v.rst),
          op: Number(v.op),
          operand: v.operand!,
          slot: Number(v.slot),
          dcrBe: Number(v.dcr_be),
          dcrPp: Number(v.dcr_pp),
        },
        o,
      );
      return { psr_next: r.next, ipsr_save: r.ipsrSave, rsv_fault: BigInt(r.rsvFault) };
    };
    it(`combinational form = scalar on directed and random vectors ${JSON.stringify(opts)}`, () => {
      const m = createPsrModel(opts);
      for (const st of [
        directedPsr(opts),
        randomPsr(30_000, { seed: 11, options: opts }),
        randomPsr(5_000, { options: opts }),
      ])
        expect(mismatches(st, PSR_COMB_INPUTS, PSR_COMB_OUTPUTS, m.evalBatch(st.inputs, st.count), scalar(opts))).toBe(
          '',
        );
    });

    it(`clocked form = scalar stepping ${JSON.stringify(opts)}`, () => {
      const m = createPsrModel(opts);
      for (const st of [directedPsrSequence(opts), randomPsrSequence(30_000, { seed: 12, options: opts })]) {
        const state = new Uint32Array([0xdead_beef, 0x1234]); // overwritten by the reset in cycle 0
        const out = m.stepBatch(state, st.inputs, st.count);
        let s = 0xffff_ffffn; // arbitrary: the first cycle resets
        const msg = mismatches(st, PSR_STEP_INPUTS, PSR_STEP_OUTPUTS, out, (v) => {
          const r = psrStepScalar(
            s,
            {
              rst: Number(v.rst),
              op: Number(v.op),
              operand: v.operand!,
              slot: Number(v.slot),
              dcrBe: Number(v.dcr_be),
              dcrPp: Number(v.dcr_pp),
            },
            opts,
          );
          s = r.psr;
          return { psr: r.psr, ipsr_save: r.ipsrSave, rsv_fault: BigInt(r.rsvFault) };
        });
        expect(msg).toBe('');
        expect((BigInt(state[1]!) << 32n) | BigInt(state[0]!)).toBe(s);
      }
    });
  }

  it('clocked form: a hand-written sequence, outputs sampled after each edge', () => {
    const seq: { v: Record<string, bigint | number>; psr: bigint; fault: number; save?: bigint }[] = [
      { v: { rst: 1, op: SSM, operand: 0x6000n }, psr: 0n, fault: 0 },
      { v: { op: SSM, operand: 0x6000n, slot: 2 }, psr: 0x6000n, fault: 0, save: 0x0000_0400_0000_6000n },
      { v: { op: SSM, operand: 0x1_0000n }, psr: 0x6000n, fault: 1 },
      { v: { op: INTERRUPT, dcr_be: 1 }, psr: 0x2n, fault: 0 },
      { v: { op: RFI, operand: 0x0000_4001_0000_4000n }, psr: 0x0000_4001_0000_4000n, fault: 0 },
      { v: { op: VMSW0 }, psr: 0x0000_0001_0000_4000n, fault: 0 },
      { v: { op: EPC, operand: 0n, slot: 3 }, psr: 0x4000n, fault: 0, save: 0x0000_0600_0000_4000n },
    ];
    const st = packVectors(
      PSR_STEP_INPUTS,
      seq.map((s, i) => ({ label: `cycle ${i}`, v: s.v })),
    );
    const state = new Uint32Array(2);
    // split in two batches: the state carries over
    const a = createPsrModel().stepBatch(state, st.inputs, 3);
    const rest: Record<string, Uint32Array> = {};
    for (const p of PSR_STEP_INPUTS) rest[p.name] = st.inputs[p.name]!.subarray(3 * p.words);
    const b = createPsrModel().stepBatch(state, rest, seq.length - 3);
    seq.forEach((s, i) => {
      const [out, j] = i < 3 ? [a, i] : [b, i - 3];
      const got = vectorAt(PSR_STEP_OUTPUTS, out, j);
      expect([got.psr!.toString(16), Number(got.rsv_fault)], `cycle ${i}`).toEqual([s.psr.toString(16), s.fault]);
      if (s.save !== undefined) expect(got.ipsr_save!.toString(16), `cycle ${i} ipsr_save`).toBe(s.save.toString(16));
    });
  });
  it('clocked form with sampleBefore: @pre columns hold the outputs before each edge', () => {
    const st = randomPsrSequence(2000, { seed: 21 });
    const m = createPsrModel();
    const state = new Uint32Array(2);
    const o = m.stepBatch(state, st.inputs, st.count, undefined, { sampleBefore: true });
    let s = 0n;
    for (let i = 0; i < st.count; i++) {
      const v = vectorAt(PSR_STEP_INPUTS, st.inputs, i);
      const before = psrScalar(s, { op: Number(v.op), operand: v.operand!, slot: Number(v.slot), dcrBe: 0, dcrPp: 0 });
      const pre = vectorAt(PSR_PRE_OUTPUTS, o, i);
      expect([pre['psr@pre'], pre['ipsr_save@pre'], pre['rsv_fault@pre']], `cycle ${i}`).toEqual([
        s,
        before.ipsrSave,
        BigInt(before.rsvFault),
      ]);
      s = vectorAt(PSR_STEP_OUTPUTS, o, i).psr!;
    }
  });
});

describe('vti_psr options and column errors', () => {
  it('rejects bad options with exact messages', () => {
    expect(() => createPsrModel({ vmImplemented: 1 as unknown as boolean })).toThrow(
      new Error('vti_psr: option vmImplemented must be a boolean, got 1'),
    );
    expect(() => createPsrModel({ vm: true } as PsrOptions)).toThrow(
      new Error("vti_psr: unknown option 'vm' (known: vmImplemented)"),
    );
  });
  it('rejects missing or short columns', () => {
    const m = createPsrModel();
    const st = randomPsr(4, { seed: 1 });
    const { op: _op, ...noOp } = st.inputs;
    expect(() => m.evalBatch(noOp, 4)).toThrow(
      new Error("vti_psr: input column 'op' is missing (expected a Uint32Array)"),
    );
    expect(() => m.evalBatch(st.inputs, 5)).toThrow(
      new Error("vti_psr: input column 'psr' has 8 words, 5 vectors need 10"),
    );
    expect(() => m.stepBatch(new Uint32Array(1), st.inputs, 4)).toThrow(
      new Error('vti_psr: state must be a Uint32Array [lo, hi]'),
    );
  });
});
