// e. palvm: the virtualized PAL_VM_SUMMARY (with the guest IMPL_VA_MSB the VMM measured at
// boot), and a guest access to a monitor-only address. Derived from architecture.md §7 and
// programs/palvm.s, lib/pal.inc.
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../demo/run.js';
import { VMM_BASE, dump, ev, evTuples, gr } from './helpers.js';

type Tuple = [bigint, bigint, bigint, bigint];

/** The boot-time probe, downwards from b = 60: b > guest IMPL_VA_MSB (60 - k) is unimplemented
 * (k faults, 0x5400 code 0x30 | 2: a probe reports its non-access code{3:0}, as Ski does), then
 * b = 60 - k is implemented but unmapped (Alternate Data TLB, code 2). */
function probeEvents(probe: bigint, k: number): Tuple[] {
  return [...Array.from({ length: k }, (): Tuple => [0x5400n, 0x32n, probe, 0n]), [0x1000n, 2n, probe, 0n]];
}

describe('palvm (guest IMPL_VA_MSB and monitor-only addresses)', () => {
  for (const k of [1, 2, 3]) {
    it(`reports IMPL_VA_MSB - guestShrink = 60 - ${k} to the guest (valen 61, guestShrink ${k})`, async () => {
      const r = await runProgram('palvm', { vt: true, valen: 61, guestShrink: k });
      const s = r.state;
      expect(s.halted).toBe(true);
      expect(gr(s, 8)).toBe(0n); // PAL status: success
      expect(gr(s, 14) & 0xffn).toBe(BigInt(60 - k)); // para-virtual call (pv_pal)
      expect(gr(s, 10) & 0xffn).toBe(BigInt(60 - k)); // unmodified PAL call, trapped
      expect(evTuples(s).slice(0, k + 1)).toEqual(probeEvents(r.sym('probe_insn'), k));
    });
  }

  it('faults the guest load of the VMM page: Unimplemented Data Address, IFA = the address', async () => {
    const r = await runProgram('palvm', { vt: true });
    const s = r.state;
    const h = r.sym('guest_ivt') + 0x5400n;
    expect(evTuples(s)).toEqual([
      ...probeEvents(r.sym('probe_insn'), 1),
      [0x6100n, 0n, r.sym('guest_kernel') + 0x10n, 0n], // mov cr.iva = r9
      [0x2c00n, 0n, r.sym('guest_pal_trap'), 0n], // break 0xca11 at vm = 1
      [0x5400n, 0x30n, r.sym('guest_touch'), 0n], // ld8 r2 = [VMM_BASE] at vm = 1
      [0x5400n, 0n, h, 0n], // mov r12 = cr.isr (virtual ic = 0)
      [0x5400n, 0n, h, 1n], // mov r13 = cr.ifa
      [0x2c00n, 0n, h + 0x10n, 0n], // exit hypercall
    ]);
    expect(ev(s.events[4]!).ifa).toBe(VMM_BASE);
    expect(gr(s, 12) & 0xffffn).toBe(0x30n); // the guest's virtual ISR
    expect(gr(s, 13)).toBe(VMM_BASE); // the guest's virtual IFA
    const d = dump(s);
    expect(d.err).toBe(0n);
    expect(d.vifa).toBe(VMM_BASE);
    expect(d.emulated).toBe(4n); // cr.iva, the PAL call, cr.isr, cr.ifa
    expect(d.reflected).toBe(1n);
  });
});
