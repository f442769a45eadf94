// c. paravirt: the same workload through the VMM's vmsw page: no interruption on the hot path;
// then a vmsw outside the ar = 7 page, which the hardware turns into a Virtualization fault.
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../demo/run.js';
import { BN, DT, I, IC, IT, VM, dump, evTuples, gr } from './helpers.js';

const N = 4n;

describe('paravirt (vmsw.0 / vmsw.1 hot path)', () => {
  it('takes no interruption in the workload, only the exit hypercall', async () => {
    const r = await runProgram('paravirt', { vt: true, extras: 0 });
    expect(r.state.halted).toBe(true);
    // guest_done is the exit bundle, reached by the branch right after the workload
    expect(evTuples(r.state)).toEqual([[0x2c00n, 0n, r.sym('guest_done'), 0n]]);
  });

  it('gives the guest the same results as trap-and-emulate', async () => {
    const r = await runProgram('paravirt', { vt: true, extras: 0 });
    const s = r.state;
    expect(gr(s, 8)).toBe(N);
    expect(gr(s, 9)).toBe(N * 1000n);
    expect(gr(s, 11)).toBe(IT | DT | I | IC);
    expect(gr(s, 12)).toBe(N);
    // r3: pv_set_psr_l's PV_RETURN left the emulation counter in it
    expect(gr(s, 3)).toBe(6n * N);
    // b0: return address of the last br.call, the bundle after the sixth call
    expect(BigInt(s.br[0]!)).toBe(r.sym('workload_loop') + 0x60n);
    const d = dump(s);
    expect(d.err).toBe(0n);
    expect(d.vpsr).toBe(BN | IT | DT | I | IC);
    expect(d.vitm).toBe(N * 1000n);
    expect(d.emulated).toBe(6n * N);
  });

  it('refuses a vmsw.0 on an ordinary page: Virtualization fault, reflected as Illegal Operation', async () => {
    const r = await runProgram('paravirt', { vt: true });
    const s = r.state;
    const h = r.sym('guest_ivt') + 0x5400n;
    expect(evTuples(s)).toEqual([
      [0x6100n, 0n, r.sym('guest_vmsw') - 0x10n, 0n], // mov cr.iva = r9
      [0x6100n, 0n, r.sym('guest_vmsw'), 0n], // vmsw.0 (ITLB ar = 3): Virtualization
      [0x5400n, 0n, h, 0n], // mov r12 = cr.isr
      [0x5400n, 0n, h, 1n], // mov r13 = cr.iip
      [0x2c00n, 0n, h + 0x10n, 0n], // exit
    ]);
    // The vmsw did not execute: the guest was still at vm = 1 when it read its ISR.
    expect(BigInt(s.events[2]!.ipsr) & VM).toBe(VM);
    expect(gr(s, 12) & 0xffffn).toBe(0n); // the guest sees Illegal Operation
    expect(gr(s, 13)).toBe(r.sym('guest_vmsw'));
    expect(gr(s, 14)).toBe(0n); // "not reached" stayed so
    expect(dump(s).reflected).toBe(1n);
    expect(dump(s).emulated).toBe(6n * N + 3n); // workload + cr.iva, cr.isr, cr.iip
  });
});
