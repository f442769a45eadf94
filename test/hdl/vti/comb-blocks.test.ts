// vti_vmsw, vti_addr_check, vti_fault_prio on both engines: hand-written spec cases, the
// spec-derived directed sets, exhaustive (vmsw) and seeded random vectors, with the
// independent reference model as the third opinion. Several generator options each.
import { afterAll, describe, expect, it } from 'vitest';
import { PRIORITY_TABLE } from '../../../arch/priority.js';
import { createBlockModel } from '../../../blocks/registry.js';
import {
  directedAddrCheck,
  directedFaultPrio,
  directedVmsw,
  exhaustiveVmsw,
  randomAddrCheck,
  randomFaultPrio,
  type Stimulus,
} from '../../../model/blocks/vectors.js';
import type { Engine } from '../../../sim/engine.js';
import { vtiDesign, type VtiConfig, DEFAULT_CONFIG } from '../../../gen/vti.js';
import { elaborate } from '../../../hdl/dsl/index.js';
import { vtiFaultPrio } from '../../../hdl/vti/fault-prio.js';
import { bothEngines, columnsOf, expectSameOutputs, valueAt } from './harness.js';

const engines: Record<string, Engine[]> = {};
async function enginesFor(key: string, make: () => Promise<Engine[]>): Promise<Engine[]> {
  return (engines[key] ??= await make());
}
afterAll(async () => {
  for (const list of Object.values(engines)) for (const e of list) await e.close();
});

async function agree(
  key: string,
  design: () => ReturnType<typeof vtiDesign>,
  model: {
    outputs: readonly { name: string; width: number; words: number }[];
    evalBatch(i: Record<string, Uint32Array>, n: number): Record<string, Uint32Array>;
  },
  stim: Stimulus,
) {
  const list = await enginesFor(key, () => bothEngines(design()));
  const expected = model.evalBatch(stim.inputs, stim.count);
  for (const e of list)
    expectSameOutputs(
      `${key} on ${e.name}`,
      model.outputs,
      expected,
      await e.evalBatch(stim.inputs, stim.count),
      stim.count,
      stim.labels,
    );
}

describe('vti_vmsw', () => {
  const ports = createBlockModel('vti_vmsw').inputs;
  it('follows the check order of architecture.md §3.1 (hand-written cases)', async () => {
    const [builtin, verilator] = await enginesFor('vmsw', () => bothEngines(vtiDesign('vti_vmsw')));
    const ok = { valid: 1, cpl: 0, psr_it: 1, itlb_ar: 7, vm_disabled: 0, vmsw_disabled: 0 };
    const rows = [
      { ...ok, to_vm: 1, psr_vm: 0 }, // commits: vm 0 → 1
      { ...ok, to_vm: 0, psr_vm: 1 }, // commits: vm 1 → 0 (the current vm is not part of the check)
      { ...ok, cpl: 3, itlb_ar: 0 }, // cpl ≠ 0 beats the page check → Privileged Operation
      { ...ok, itlb_ar: 6, psr_vm: 1 }, // not an ar = 7 page → Virtualization, vm stays 1
      { ...ok, psr_it: 0 }, // translation off → Virtualization
      { ...ok, vmsw_disabled: 1 }, // firmware disabled vmsw → Virtualization
      { ...ok, valid: 0, psr_vm: 1, to_vm: 0 }, // no vmsw: nothing fires, vm unchanged
    ];
    // illegal_op, priv_op, virt_fault, commit, vm_next per row, from the spec's order.
    const want = [
      [0, 0, 0, 1, 1],
      [0, 0, 0, 1, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 1, 0, 1],
      [0, 0, 1, 0, 0],
      [0, 0, 1, 0, 0],
      [0, 0, 0, 0, 1],
    ];
    for (const e of [builtin!, verilator!]) {
      const out = await e.evalBatch(columnsOf(ports, rows), rows.length);
      const got = rows.map((_, i) =>
        ['illegal_op', 'priv_op', 'virt_fault', 'commit', 'vm_next'].map((k) => Number(valueAt(out[k]!, 1, i))),
      );
      expect(got, e.name).toEqual(want);
    }
  });

  it('agrees with the reference on every one of the 2^10 input combinations, VT on and off', async () => {
    await agree('vmsw', () => vtiDesign('vti_vmsw'), createBlockModel('vti_vmsw'), exhaustiveVmsw());
    await agree(
      'vmsw-novt',
      () => vtiDesign('vti_vmsw', { ...DEFAULT_CONFIG, vmImplemented: false }),
      createBlockModel('vti_vmsw', { vmImplemented: false }),
      exhaustiveVmsw(),
    );
    await agree('vmsw', () => vtiDesign('vti_vmsw'), createBlockModel('vti_vmsw'), directedVmsw());
  });
});

describe('vti_addr_check', () => {
  const ports = createBlockModel('vti_addr_check').inputs;
  it('implements §7 at the boundaries for the default IMPL_VA_MSB 60 / guest 59 / IMPL_PA_MSB 62', async () => {
    const [builtin, verilator] = await enginesFor('addr', () => bothEngines(vtiDesign('vti_addr_check')));
    const rows: Record<string, bigint | number>[] = [
      { addr: 0x0000_0000_0000_1000n, vm: 1 }, // low address: implemented for both
      { addr: 0x1000_0000_0000_0000n, vm: 0 }, // bit 60 set, bit 59 clear: fine for the VMM (M = 60)
      { addr: 0x1000_0000_0000_0000n, vm: 1 }, // … but for the guest (M = 59) bit 60 ≠ bit 59: unimplemented
      { addr: 0x1800_0000_0000_0000n, vm: 1 }, // bits 60 and 59 set: implemented for the guest
      { addr: 0xe800_0000_0000_0000n, vm: 1 }, // region 7, bit 60 = 0, bit 59 = 1: unimplemented for the guest
      { addr: 0x8000_0000_0000_0000n, vm: 1, phys: 1 }, // physical: bit 63 is the attribute
      { addr: 0x4000_0000_0000_0000n, vm: 0, phys: 1 }, // physical bit 62: implemented (IMPL_PA_MSB 62)
    ];
    const want = [
      [0, 0],
      [0, 1],
      [1, 1],
      [0, 0],
      [1, 1],
      [0, 0],
      [0, 0],
    ]; // [unimpl, monitor_only]
    for (const e of [builtin!, verilator!]) {
      const out = await e.evalBatch(columnsOf(ports, rows), rows.length);
      expect(
        rows.map((_, i) => [Number(valueAt(out.unimpl!, 1, i)), Number(valueAt(out.monitor_only!, 1, i))]),
        e.name,
      ).toEqual(want);
    }
  });

  const sweeps: Partial<VtiConfig>[] = [
    {},
    { implVaMsb: 55, guestShrink: 3 },
    { implVaMsb: 51, implPaMsb: 31 },
    { implVaMsb: 60, guestShrink: 10, implPaMsb: 47 },
  ];
  for (const s of sweeps) {
    it(`agrees with the reference on directed and random vectors for ${JSON.stringify(s)}`, async () => {
      const o = { ...DEFAULT_CONFIG, ...s };
      const mo = { implVaMsb: o.implVaMsb, implPaMsb: o.implPaMsb, guestShrink: o.guestShrink };
      const key = `addr-${JSON.stringify(s)}`;
      await agree(
        key,
        () => vtiDesign('vti_addr_check', o),
        createBlockModel('vti_addr_check', mo),
        directedAddrCheck(mo),
      );
      await agree(
        key,
        () => vtiDesign('vti_addr_check', o),
        createBlockModel('vti_addr_check', mo),
        randomAddrCheck(20_000, { seed: 7, options: mo }),
      );
    });
  }

  it('rejects generator options out of range with a clear message', () => {
    expect(() => vtiDesign('vti_addr_check', { ...DEFAULT_CONFIG, implVaMsb: 61 })).toThrow(
      'vti_addr_check: IMPL_VA_MSB 61 is out of range: allowed 50..60',
    );
    expect(() => vtiDesign('vti_addr_check', { ...DEFAULT_CONFIG, implVaMsb: 51, guestShrink: 2 })).toThrow(
      'vti_addr_check: no room for a guest: IMPL_VA_MSB 51 - guestShrink 2 = 49 is below 50',
    );
    expect(() => vtiDesign('vti_addr_check', { ...DEFAULT_CONFIG, implPaMsb: 63 })).toThrow(
      'vti_addr_check: IMPL_PA_MSB 63 is out of range: allowed 31..62',
    );
  });
});

describe('vti_fault_prio', () => {
  const ports = createBlockModel('vti_fault_prio').inputs;
  const rank = (name: string) => PRIORITY_TABLE.findIndex((r) => r.name === name);
  it('picks the highest-priority row (hand-written pairs from §6)', async () => {
    const [builtin, verilator] = await enginesFor('prio', () => bothEngines(vtiDesign('vti_fault_prio')));
    const bit = (name: string) => 1n << BigInt(rank(name));
    const rows = [
      { pending: 0n },
      { pending: bit('illegal_op') | bit('virtualization') }, // rank 25 beats rank 35
      { pending: bit('virtualization') },
      { pending: bit('reg_nat') | bit('reserved_reg_field') | bit('unimpl_data_addr') }, // 31 > 32 > 33
      { pending: bit('ext_int') | bit('single_step_trap') },
      { pending: bit('single_step_trap') },
    ];
    // [valid, index, iva_offset, isr_code, kind] from the table of §6
    const want = [
      [0, 0, 0, 0, 0],
      [1, 24, 0x5400, 0x00, 1],
      [1, 34, 0x6100, 0, 1],
      [1, 30, 0x5600, 0x10, 1],
      [1, 0, 0x3000, 0, 0],
      [1, 55, 0x6000, 0x08, 2],
    ];
    for (const e of [builtin!, verilator!]) {
      const out = await e.evalBatch(columnsOf(ports, rows), rows.length);
      const got = rows.map((_, i) =>
        [
          valueAt(out.valid!, 1, i),
          valueAt(out.index!, 6, i),
          valueAt(out.iva_offset!, 15, i),
          valueAt(out.isr_code!, 16, i),
          valueAt(out.kind!, 2, i),
        ].map(Number),
      );
      expect(got, e.name).toEqual(want);
      expect(valueAt(out.onehot!, 56, 1), e.name).toBe(1n << 24n);
    }
  });

  it('agrees with the reference on every row alone, every pair, and random vectors', async () => {
    await agree('prio', () => vtiDesign('vti_fault_prio'), createBlockModel('vti_fault_prio'), directedFaultPrio());
    await agree(
      'prio',
      () => vtiDesign('vti_fault_prio'),
      createBlockModel('vti_fault_prio'),
      randomFaultPrio(20_000, { seed: 11 }),
    );
  });

  it('regenerates from an edited table (a reordered subset) and still agrees', async () => {
    const table = [PRIORITY_TABLE[34]!, ...PRIORITY_TABLE.slice(20, 33), PRIORITY_TABLE[0]!];
    const design = () => elaborate(vtiFaultPrio({ table })).design;
    await agree('prio-subset', design, createBlockModel('vti_fault_prio', { table }), directedFaultPrio({ table }));
  });

  it('rejects an empty table and duplicate rows', () => {
    expect(() => vtiFaultPrio({ table: [] })).toThrow('vti_fault_prio: the priority table is empty');
    expect(() => vtiFaultPrio({ table: [PRIORITY_TABLE[0]!, PRIORITY_TABLE[5]!, PRIORITY_TABLE[0]!] })).toThrow(
      "vti_fault_prio: row 3 ('ext_int') duplicates row 1",
    );
  });
});
