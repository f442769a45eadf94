// P1-P6 proved by induction on the generated core (defaults and VT off), and each antecedent
// reachable from reset (non-vacuity), with a cover trace that is a case of the property.
import { beforeAll, describe, expect, it } from 'vitest';
import { ICLASS } from '../../../arch/iclass.js';
import { PSR_BIT } from '../../../arch/psr.js';
import { PROP_NAMES, runProperties, type PropertyResult } from '../../../formal/props/index.js';
import { lastEvent, naCode, psrField } from './trace-helpers.js';

const byName = (rs: PropertyResult[], n: string) => rs.find((r) => r.name === n)!;

describe('P1-P6 on the generated core, default options', () => {
  let rs: PropertyResult[];
  beforeAll(async () => {
    rs = await runProperties();
  });

  for (const n of PROP_NAMES) {
    it(`${n} is proven by induction and its antecedent is reachable`, () => {
      const r = byName(rs, n);
      expect(r.verdict, r.counterexample?.table).toBe('proven');
      expect(r.method).toMatch(/temporal induction from reset \(k = \d\)/);
      expect(r.cover?.reachable, r.cover?.table).toBe(true);
      expect(r.cover!.table).toContain(`<-- cov_${n.toLowerCase()}`);
      console.log(`${n} cover (${r.title}):\n${r.cover!.table}`);
      // The cover trace starts with the reset cycle and keeps reset low afterwards.
      const steps = r.cover!.steps!;
      expect(steps[0]!.signals.rst!.bin).toBe('1');
      for (const s of steps.slice(1)) expect(s.signals.rst!.bin).toBe('0');
    });
  }

  it('P1 cover: vm 1 -> 0 by a vmsw.0 at cpl 0, it = 1, on an ar = 7 page, without interruption', () => {
    const e = lastEvent(byName(rs, 'P1').cover!.steps!);
    expect(e.cls).toBe('VMSW');
    expect(e.get('variant')).toBe(0n);
    expect(e.get('page_ar')).toBe(7n);
    expect([e.get('vm_disabled'), e.get('vmsw_disabled')]).toEqual([0n, 0n]);
    expect([e.before('o_vm'), e.before('o_cpl'), e.before('o_it')]).toEqual([1n, 0n, 1n]);
    expect([e.after('o_vm'), e.after('o_taken'), e.after('o_completed')]).toEqual([0n, 0n, 1n]);
  });

  it('P2 cover: a guest data access to a monitor-only address (bit 60 != bit 59) is interrupted', () => {
    const e = lastEvent(byName(rs, 'P2').cover!.steps!);
    expect(['LOAD', 'STORE', 'PRIV_OTHER']).toContain(e.cls);
    const a = e.get('addr');
    expect(psrField(a, 60)).not.toBe(psrField(a, 59));
    expect([e.before('o_vm'), e.before('o_dt')]).toEqual([1n, 1n]);
    expect([e.after('o_taken'), e.after('o_completed')]).toEqual([1n, 0n]);
  });

  it('P3 cover: a Virtualization fault (0x6100) is taken', () => {
    const e = lastEvent(byName(rs, 'P3').cover!.steps!);
    expect([e.after('o_taken'), e.after('o_intr_vector')]).toEqual([1n, 0x6100n]);
  });

  it('P4 cover: an interruption from a guest (vm = 1) at cpl != 0 lands at cpl 0, vm 0', () => {
    const e = lastEvent(byName(rs, 'P4').cover!.steps!);
    expect(e.before('o_vm')).toBe(1n);
    expect(e.before('o_cpl')).not.toBe(0n);
    expect([e.after('o_taken'), e.after('o_vm'), e.after('o_cpl')]).toEqual([1n, 0n, 0n]);
  });

  it('P5 cover: cpl decreases without interruption only by epc', () => {
    const e = lastEvent(byName(rs, 'P5').cover!.steps!);
    expect(e.cls).toBe('EPC');
    expect(e.after('o_cpl')).toBeLessThan(e.before('o_cpl'));
    expect(e.get('pfs_ppl')).toBeGreaterThanOrEqual(e.before('o_cpl'));
  });

  it('P6 cover: a privileged instruction at cpl != 0 takes Privileged Operation', () => {
    const e = lastEvent(byName(rs, 'P6').cover!.steps!);
    expect(ICLASS[e.cls].privileged || e.cls === 'VMSW').toBe(true);
    expect(e.before('o_cpl')).not.toBe(0n);
    expect(e.after('o_intr_vector')).toBe(0x5400n);
    // ISR.code 0x10, plus code{3:0} when the event is a non-access instruction (tak: 3).
    expect(psrField(e.after('o_isr'), 0, 16)).toBe(0x10n | naCode(e));
    expect(psrField(e.after('o_psr'), PSR_BIT.cpl!, 2)).toBe(0n);
  });
});

describe('P1-P6 on the core generated without VT', () => {
  it("all six are proven; vm = 1 (so P1's vmsw.0 case) is unreachable", async () => {
    const rs = await runProperties({ gen: { vmImplemented: false }, cover: false });
    for (const r of rs) expect(r.verdict, `${r.name}\n${r.counterexample?.table}`).toBe('proven');
    const [p1] = await runProperties({ gen: { vmImplemented: false }, properties: ['P1'], coverSteps: 5 });
    expect(p1!.cover!.reachable).toBe(false);
  });
});
