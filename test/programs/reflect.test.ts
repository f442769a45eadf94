// b. reflect: an application's privileged instruction is reflected to the guest kernel's IVT.
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../demo/run.js';
import { BN, CPL, DT, IC, IT, KEPT, RI, dump, evTuples, gr } from './helpers.js';

const APP_PSR = CPL(3n) | BN | IT | DT | IC;

describe('reflect (Privileged Operation from cpl 3 to the guest kernel)', () => {
  it('takes the interruptions the program text implies, in order', async () => {
    const r = await runProgram('reflect', { vt: true });
    expect(r.state.halted).toBe(true);
    const k = r.sym('guest_kernel'),
      app = r.sym('guest_app'),
      h = r.sym('guest_ivt') + 0x5400n;
    expect(evTuples(r.state)).toEqual([
      [0x6100n, 0n, k + 0x10n, 0n], // mov cr.iva = r9       Virtualization
      [0x6100n, 0n, k + 0x10n, 1n], // rsm psr.ic            Virtualization
      [0x5400n, 0n, k + 0x30n, 0n], // mov cr.ipsr = r10     Illegal Operation (real ic = 1)
      [0x5400n, 0n, k + 0x40n, 0n], // mov cr.iip = r11      Illegal Operation
      [0x5400n, 0n, k + 0x40n, 1n], // mov cr.ifs = r0       Illegal Operation
      [0x6100n, 0n, k + 0x50n, 2n], // rfi                   Virtualization
      [0x5400n, 0x10n, app, 1n], // rsm psr.i at cpl 3    Privileged Operation -> reflected
      [0x5400n, 0n, h, 0n], // mov r12 = cr.isr      Illegal Operation (virtual ic = 0)
      [0x5400n, 0n, h, 1n], // mov r13 = cr.iip
      [0x5400n, 0n, h + 0x10n, 0n], // mov r15 = cr.ipsr
      [0x2c00n, 0n, h + 0x20n, 0n], // exit hypercall
    ]);
    // The application really ran at cpl 3 with vm = 1: the IPSR saved by its fault.
    const appFault = r.state.events[6]!;
    expect(BigInt(appFault.ipsr) & (CPL(3n) | (1n << 46n))).toBe(CPL(3n) | (1n << 46n));
  });

  it('hands the guest kernel its virtual ISR, IIP and IPSR', async () => {
    const r = await runProgram('reflect', { vt: true });
    const s = r.state;
    expect(gr(s, 14)).toBe(42n); // the application ran up to its rsm
    expect(gr(s, 12) & 0xffffn).toBe(0x10n); // ISR.code: Privileged Operation
    expect((gr(s, 12) >> 41n) & 3n).toBe(1n); // ISR.ei: slot 1
    expect(gr(s, 13)).toBe(r.sym('guest_app')); // IIP: the rsm's bundle
    expect(gr(s, 15)).toBe(APP_PSR | RI(1n)); // IPSR: the application's PSR, ri = 1
    const d = dump(s);
    expect(d.err).toBe(0n);
    expect(d.viva).toBe(r.sym('guest_ivt'));
    expect(d.vpsr).toBe(APP_PSR & KEPT); // interruption state of the virtual PSR
    expect(d.emulated).toBe(9n); // all but the reflected fault and the exit
    expect(d.reflected).toBe(1n);
  });
});
