// e. palvm: the virtualized PAL_VM_SUMMARY, and a guest access to a monitor-only address.
import { describe, expect, it } from 'vitest';
import { emulatorAvailable } from '../../model/demo/emu.js';
import { runProgram } from '../../model/demo/run.js';
import { VMM_BASE, dump, ev, evTuples, gr } from './helpers.js';

describe.skipIf(!emulatorAvailable())('palvm (guest IMPL_VA_MSB and monitor-only addresses)', () => {
  it('reports IMPL_VA_MSB - guestShrink = 60 - 1 to the guest (valen 61)', async () => {
    const { state: s } = await runProgram('palvm', { vt: true, valen: 61, guestShrink: 1 });
    expect(s.halted).toBe(true);
    expect(gr(s, 8)).toBe(0n);                   // PAL status: success
    expect(gr(s, 14) & 0xffn).toBe(59n);         // para-virtual call (pv_pal)
    expect(gr(s, 10) & 0xffn).toBe(59n);         // unmodified PAL call, trapped and virtualized
  });

  it('faults the guest load of the VMM page: Unimplemented Data Address, IFA = the address', async () => {
    const r = await runProgram('palvm', { vt: true });
    const s = r.state;
    const h = r.sym('guest_ivt') + 0x5400n;
    expect(evTuples(s)).toEqual([
      [0x6100n, 0n, r.sym('guest_kernel') + 0x10n, 0n],  // mov cr.iva = r9
      [0x2c00n, 0n, r.sym('guest_pal_trap'), 0n],        // break 0xca11 at vm = 1
      [0x5400n, 0x30n, r.sym('guest_touch'), 0n],        // ld8 r14 = [VMM_BASE] at vm = 1
      [0x5400n, 0n, h, 0n],                              // mov r12 = cr.isr (virtual ic = 0)
      [0x5400n, 0n, h, 1n],                              // mov r13 = cr.ifa
      [0x2c00n, 0n, h + 0x10n, 0n],                      // exit hypercall
    ]);
    expect(ev(s.events[2]!).ifa).toBe(VMM_BASE);
    expect(gr(s, 12) & 0xffffn).toBe(0x30n);     // the guest's virtual ISR
    expect(gr(s, 13)).toBe(VMM_BASE);            // the guest's virtual IFA
    const d = dump(s);
    expect(d.err).toBe(0n);
    expect(d.vifa).toBe(VMM_BASE);
    expect(d.emulated).toBe(4n);                 // cr.iva, the PAL call, cr.isr, cr.ifa
    expect(d.reflected).toBe(1n);
  });
});
