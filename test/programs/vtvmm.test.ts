// a. vtvmm: VT-i trap-and-emulate of the guest workload. Every expected value is derived from
// architecture.md and the program text (programs/lib/workload.inc, lib/vmm.inc), N = 4.
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../demo/run.js';
import { BN, DT, I, IC, IT, READ_MASK, VPSR_INIT, dump, evTuples, gr } from './helpers.js';

const N = 4n;

describe('vtvmm (VT-i trap-and-emulate)', () => {
  it('emulates every privileged operation of the guest kernel from a Virtualization fault', async () => {
    const r = await runProgram('vtvmm', { vt: true });
    const s = r.state;
    expect(s.halted).toBe(true);
    const loop = r.sym('workload_loop');
    // Per iteration, in program order: rsm psr.i (bundle 0 slot 0), mov r9 = cr.itm (0/1),
    // ssm psr.i (1/0), mov r11 = psr (1/1), mov cr.itm = r9 (2/0), mov psr.l = r11 (2/1).
    // Each is a Virtualization fault (0x6100, ISR.code 0) at its own bundle and slot.
    const one: [bigint, bigint, bigint, bigint][] = [
      [0x6100n, 0n, loop, 0n],
      [0x6100n, 0n, loop, 1n],
      [0x6100n, 0n, loop + 0x10n, 0n],
      [0x6100n, 0n, loop + 0x10n, 1n],
      [0x6100n, 0n, loop + 0x20n, 0n],
      [0x6100n, 0n, loop + 0x20n, 1n],
    ];
    const expected = [...one, ...one, ...one, ...one];
    // then the exit hypercall: break.m 0x100 at workload_end, slot 0 (Break, 0x2c00)
    expected.push([0x2c00n, 0n, r.sym('workload_end'), 0n]);
    expect(evTuples(s)).toEqual(expected);
    expect(BigInt(s.cr.iim!)).toBe(0x100n);
  });

  it('leaves the guest the results a native run would give', async () => {
    const { state: s } = await runProgram('vtvmm', { vt: true });
    expect(gr(s, 8)).toBe(N); // guest_iterations
    expect(gr(s, 10)).toBe(1000n); // timer step
    expect(gr(s, 9)).toBe(N * 1000n); // virtual ITM read back after N re-arms from 0
    expect(gr(s, 12)).toBe(N); // iterations done
    // mov r11 = psr after ssm psr.i: the virtual PSR with i set, seen through PSR{36:35,31:0}
    expect(gr(s, 11)).toBe((VPSR_INIT | I) & READ_MASK);
    expect(gr(s, 11)).toBe(IT | DT | I | IC);
  });

  it('keeps the virtual PSR/CRs in its monitor-only page and counts 6 emulations per iteration', async () => {
    const { state: s } = await runProgram('vtvmm', { vt: true });
    const d = dump(s);
    expect(d.err).toBe(0n);
    expect(d.vpsr).toBe(BN | IT | DT | I | IC); // mov psr.l wrote back what mov r11 = psr read
    expect(d.vitm).toBe(N * 1000n);
    expect(d.emulated).toBe(6n * N);
    expect(d.reflected).toBe(0n);
    // The halt is in the VMM's Break handler: interruption state of the guest's PSR (it, dt
    // kept; vm, cpl, ic, bn cleared).
    expect(BigInt(s.psr)).toBe(IT | DT);
  });

  it('scales with the iteration count', async () => {
    const { state: s } = await runProgram('vtvmm', { vt: true, iterations: 7 });
    expect(s.events.length).toBe(6 * 7 + 1);
    expect(gr(s, 9)).toBe(7000n);
    expect(dump(s).emulated).toBe(42n);
  });

  it('cannot start without VT-i: writing IPSR.vm is a Reserved Register/Field fault', async () => {
    // §8: with VT not implemented, IPSR bit 46 is reserved. The boot code's mov cr.ipsr runs with
    // PSR.ic = 0, so only ISR is written (ni = 1, code 0x30); the VMM's General Exception
    // handler sees vm = 0 -- not a guest -- and stops with VMM_ERR_FAULT (3).
    const { state: s } = await runProgram('vtvmm', { vt: false });
    expect(s.halted).toBe(true);
    expect(s.events.length).toBe(1);
    const e = s.events[0]!;
    expect(BigInt(e.vector)).toBe(0x5400n);
    expect(BigInt(e.isr) & 0xffffn).toBe(0x30n);
    expect((BigInt(e.isr) >> 39n) & 1n).toBe(1n);
    expect(dump(s).err).toBe(3n);
    expect(dump(s).emulated).toBe(0n);
  });
});
