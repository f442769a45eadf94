// vti_vmsw reference: hand-written §3.1 cases, exhaustive scalar vs batched agreement,
// and the "exactly one outcome when valid" contract.
import { describe, expect, it } from 'vitest';
import {
  createVmswModel,
  vmswScalar,
  VMSW_INPUTS,
  VMSW_OUTPUTS,
  type VmswOptions,
  type VmswScalarInputs,
} from '../../../model/blocks/vmsw.js';
import { directedVmsw, exhaustiveVmsw, randomVmsw } from '../../../model/blocks/vectors.js';
import { mismatches } from './scalar-check.js';

/** A vmsw.1 at cpl 0 on an ar = 7 page with translation on: every check passes. */
const OK: VmswScalarInputs = {
  valid: 1,
  toVm: 1,
  cpl: 0,
  psrIt: 1,
  psrVm: 0,
  itlbAr: 7,
  vmDisabled: 0,
  vmswDisabled: 0,
};
const only = (k: 'illegalOp' | 'privOp' | 'virtFault' | 'commit', vmNext: 0 | 1) => ({
  illegalOp: 0,
  privOp: 0,
  virtFault: 0,
  commit: 0,
  [k]: 1,
  vmNext,
});

describe('vti_vmsw scalar reference (hand-written §3.1 cases)', () => {
  it('all checks pass: commit, vm_next = to_vm', () => {
    expect(vmswScalar(OK)).toEqual(only('commit', 1));
    expect(vmswScalar({ ...OK, toVm: 0, psrVm: 1 })).toEqual(only('commit', 0));
  });
  it('the current vm is not part of the check', () => {
    expect(vmswScalar({ ...OK, psrVm: 1 })).toEqual(only('commit', 1));
  });
  it('cpl 2 with VT implemented: priv_op only', () => {
    expect(vmswScalar({ ...OK, cpl: 2 })).toEqual(only('privOp', 0));
  });
  it('cpl ≠ 0 wins over every level-3 cause', () => {
    expect(vmswScalar({ ...OK, cpl: 1, psrIt: 0 })).toEqual(only('privOp', 0));
    expect(vmswScalar({ ...OK, cpl: 3, itlbAr: 3, vmDisabled: 1, vmswDisabled: 1, psrVm: 1 })).toEqual(
      only('privOp', 1),
    );
  });
  it('level 3: translation off, ar ≠ 7, VM disabled, vmsw disabled each give virt_fault', () => {
    expect(vmswScalar({ ...OK, psrIt: 0 })).toEqual(only('virtFault', 0));
    for (let ar = 0; ar < 7; ar++) expect(vmswScalar({ ...OK, itlbAr: ar })).toEqual(only('virtFault', 0));
    expect(vmswScalar({ ...OK, vmDisabled: 1 })).toEqual(only('virtFault', 0));
    expect(vmswScalar({ ...OK, vmswDisabled: 1 })).toEqual(only('virtFault', 0));
  });
  it('VT not implemented: illegal_op only, whatever else holds', () => {
    const no = { vmImplemented: false };
    expect(vmswScalar(OK, no)).toEqual(only('illegalOp', 0));
    expect(vmswScalar({ ...OK, cpl: 3, psrIt: 0 }, no)).toEqual(only('illegalOp', 0));
  });
  it('valid = 0: nothing happens, vm_next = psr_vm', () => {
    expect(vmswScalar({ ...OK, valid: 0, psrVm: 1, toVm: 0 })).toEqual({
      illegalOp: 0,
      privOp: 0,
      virtFault: 0,
      commit: 0,
      vmNext: 1,
    });
    expect(vmswScalar({ ...OK, valid: 0, cpl: 2 }, { vmImplemented: false })).toEqual({
      illegalOp: 0,
      privOp: 0,
      virtFault: 0,
      commit: 0,
      vmNext: 0,
    });
  });
});

const scalar = (o: VmswOptions) => (v: Record<string, bigint>) => {
  const r = vmswScalar(
    {
      valid: Number(v.valid),
      toVm: Number(v.to_vm),
      cpl: Number(v.cpl),
      psrIt: Number(v.psr_it),
      psrVm: Number(v.psr_vm),
      itlbAr: Number(v.itlb_ar),
      vmDisabled: Number(v.vm_disabled),
      vmswDisabled: Number(v.vmsw_disabled),
    },
    o,
  );
  return {
    illegal_op: BigInt(r.illegalOp),
    priv_op: BigInt(r.privOp),
    virt_fault: BigInt(r.virtFault),
    commit: BigInt(r.commit),
    vm_next: BigInt(r.vmNext),
  };
};

describe('vti_vmsw batched reference', () => {
  for (const opts of [{}, { vmImplemented: false }] as VmswOptions[]) {
    it(`= scalar on all 2048 inputs, directed and random ${JSON.stringify(opts)}`, () => {
      const m = createVmswModel(opts);
      const ex = exhaustiveVmsw();
      expect(ex.count).toBe(2048); // 11 input bits (blocks.md port table)
      for (const st of [ex, directedVmsw(), randomVmsw(5000, { seed: 5 }), randomVmsw(2000)])
        expect(mismatches(st, VMSW_INPUTS, VMSW_OUTPUTS, m.evalBatch(st.inputs, st.count), scalar(opts))).toBe('');
    });
    it(`valid = 1 gives exactly one outcome, valid = 0 none ${JSON.stringify(opts)}`, () => {
      const st = exhaustiveVmsw();
      const o = createVmswModel(opts).evalBatch(st.inputs, st.count);
      for (let i = 0; i < st.count; i++)
        expect(o.illegal_op![i]! + o.priv_op![i]! + o.virt_fault![i]! + o.commit![i]!).toBe(st.inputs.valid![i]);
    });
  }
  it('ignores bits above the port width', () => {
    const st = directedVmsw();
    const dirty: Record<string, Uint32Array> = {};
    for (const p of VMSW_INPUTS) dirty[p.name] = st.inputs[p.name]!.map((x) => x | (0xfffffff0 << p.width));
    const m = createVmswModel();
    expect(m.evalBatch(dirty, st.count)).toEqual(m.evalBatch(st.inputs, st.count));
  });
  it('rejects bad options with exact messages', () => {
    expect(() => createVmswModel({ vmImplemented: 'no' as unknown as boolean })).toThrow(
      new Error('vti_vmsw: option vmImplemented must be a boolean, got "no"'),
    );
    expect(() => vmswScalar(OK, { vt: false } as VmswOptions)).toThrow(
      new Error("vti_vmsw: unknown option 'vt' (known: vmImplemented)"),
    );
  });
});
