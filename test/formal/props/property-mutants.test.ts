// Negative tests: for each property a deliberately broken core (an eDSL fault injection into one
// named signal of a block, formal/props/property-mutants.ts) makes the proof FAIL, and the counterexample
// from reset is a case of exactly the rule that was broken. Each writes a VCD under out/formal/.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICLASS } from '../../../arch/iclass.js';
import { DEFAULT_CONFIG } from '../../../arch/config.js';
import { emitDesign } from '../../../gen/verilog/index.js';
import { runProperties, mutantFor, type PropName, type PropertyResult } from '../../../formal/props/index.js';
import { checkerDesign } from '../../../formal/props/sat.js';
import { lastEvent, naCode, psrField, type Event } from './trace-helpers.js';

async function failing(p: PropName, name?: string): Promise<{ r: PropertyResult; e: Event }> {
  const [r] = await runProperties({ variant: mutantFor(p, name), properties: [p], cover: false });
  expect(r!.verdict).toBe('failed');
  const cex = r!.counterexample!;
  expect(cex.table).toContain(`<-- ok_${p.toLowerCase()} = 0`);
  expect(existsSync(cex.vcdPath)).toBe(true);
  expect(readFileSync(cex.vcdPath, 'utf8')).toContain('$var wire 5 ');
  // From reset: the first step resets, and every earlier step satisfies the property.
  expect(cex.steps[0]!.signals.rst!.bin).toBe('1');
  console.log(`${p} broken by '${mutantFor(p, name).name}':\n${cex.table}`);
  return { r: r!, e: lastEvent(cex.steps) };
}

describe('broken variants make their property fail, with a counterexample of the broken rule', () => {
  it('a fault changes only what the faulted signal readers see, and a stale fault is an error', () => {
    const clean = emitDesign(checkerDesign(DEFAULT_CONFIG));
    const v = mutantFor('P1');
    const bad = emitDesign(checkerDesign(DEFAULT_CONFIG, v.faults));
    for (const f of Object.keys(clean)) if (f !== 'vti_vmsw.v') expect(bad[f], f).toBe(clean[f]);
    expect(bad['vti_vmsw.v']).not.toBe(clean['vti_vmsw.v']);
    // The wire keeps its driver; its readers (virt_fault, commit) no longer see the ar = 7 check.
    expect(bad['vti_vmsw.v']).toMatch(/assign switch_allowed = .*itlb_ar == 3'h7/);
    expect(() => checkerDesign(DEFAULT_CONFIG, [{ ...v.faults[0]!, signal: 'no_such_signal' }])).toThrow(
      /no signal 'no_such_signal'/,
    );
    expect(() => checkerDesign(DEFAULT_CONFIG, [{ ...v.faults[0]!, module: 'no_such_module' }])).toThrow(
      /no such module was built/,
    );
  });

  it('P1 / vmsw-without-ar7: vm 1 -> 0 by a vmsw.0 on a page with ar != 7', async () => {
    const { e } = await failing('P1');
    expect(e.cls).toBe('VMSW');
    expect(e.get('variant')).toBe(0n);
    expect(e.get('page_ar')).not.toBe(7n);
    expect([e.before('o_vm'), e.after('o_vm'), e.after('o_taken')]).toEqual([1n, 0n, 0n]);
  });

  it('P2 / guest-va-not-shrunk: a guest data access to a monitor-only address escapes Unimplemented Data Address', async () => {
    const { e } = await failing('P2');
    expect(['LOAD', 'STORE', 'PRIV_OTHER']).toContain(e.cls);
    const a = e.get('addr');
    expect(psrField(a, 60)).not.toBe(psrField(a, 59)); // unimplemented for the guest (IMPL_VA_MSB 59)
    expect([e.before('o_vm'), e.before('o_dt')]).toEqual([1n, 1n]);
    // Either it completes, or a lower-priority fault (e.g. an environment-reported TLB fault)
    // is taken in place of Unimplemented Data Address.
    const gotUnimpl =
      e.after('o_taken') === 1n &&
      e.after('o_intr_vector') === 0x5400n &&
      psrField(e.after('o_isr'), 0, 16) === (0x30n | naCode(e));
    expect(gotUnimpl).toBe(false);
  });

  it('P3 / nat-unchecked-in-guest: Virtualization taken although r2 is NaT', async () => {
    const { e } = await failing('P3');
    expect(e.get('r2_nat')).toBe(1n);
    // A NaT-checked class; the Virtualization fault comes from the class (mov psr.l / mov cr at
    // cpl 0) or from the environment's report of row 35.
    expect(['MOV_TO_PSR_L', 'MOV_TO_PSR_UM', 'MOV_TO_CR']).toContain(e.cls);
    expect(e.before('o_vm')).toBe(1n);
    expect(e.after('o_intr_vector')).toBe(0x6100n);
  });

  it('P4 / interrupt-keeps-vm: an interruption from vm = 1 leaves vm = 1', async () => {
    const { e } = await failing('P4');
    expect([e.before('o_vm'), e.after('o_taken'), e.after('o_vm')]).toEqual([1n, 1n, 1n]);
  });

  it('P4 / trap-psr-before: a trap after an instruction that changed a kept PSR bit loads the kept bits from before it', async () => {
    const { e } = await failing('P4', 'trap-psr-before');
    const KEPT = 0x1808028034n;
    expect(e.after('o_taken')).toBe(1n);
    expect([0x5d00n, 0x5e00n, 0x5f00n, 0x6000n]).toContain(e.after('o_intr_vector'));
    // The instruction changed a kept bit: IPSR (the PSR after it) and the PSR before it differ there.
    expect(e.after('o_ipsr') & KEPT).not.toBe(e.before('o_psr') & KEPT);
    expect(e.after('o_psr') & KEPT).toBe(e.before('o_psr') & KEPT);
  });

  it('P5 / epc-any-page: epc with it = 1 on an ar != 7 page lowers cpl', async () => {
    const { e } = await failing('P5');
    expect(e.cls).toBe('EPC');
    expect(e.before('o_it')).toBe(1n);
    expect(e.get('page_ar')).not.toBe(7n);
    expect(e.after('o_cpl')).toBeLessThan(e.before('o_cpl'));
    expect(e.after('o_taken')).toBe(0n);
  });

  it('P6 / bsw-not-privileged: bsw at cpl != 0 does not take Privileged Operation', async () => {
    const { e } = await failing('P6');
    expect(e.cls).toBe('BSW');
    expect(ICLASS.BSW.privileged).toBe(true);
    expect(e.before('o_cpl')).not.toBe(0n);
    // Either it completes, or a lower-priority interruption is taken instead.
    const gotPriv =
      e.after('o_taken') === 1n &&
      e.after('o_intr_vector') === 0x5400n &&
      psrField(e.after('o_isr'), 0, 16) === (0x10n | naCode(e));
    expect(gotPriv).toBe(false);
  });
});
