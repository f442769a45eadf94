// d. classic: no VT-i, guest kernel at cpl 1, every privileged instruction a Privileged
// Operation fault; software re-checks of lower-priority faults; kernel vs application.
// Expected values derived from architecture.md and programs/classic.s, lib/vmm.inc (CLASSIC).
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../demo/run.js';
import { BN, CPL, DT, I, IC, IT, KEPT, dump, evTuples, gr } from './helpers.js';

const N = 4n;
const APP_PSR = CPL(3n) | BN | IT | DT | IC;
const P = 0x10n,
  ILL = 0n; // ISR.code: Privileged Operation, Illegal Operation
type Tuple = [bigint, bigint, bigint, bigint];

/** The events the program text implies; withNat: the thash gave a NaT (IMPL_VA_MSB < 60). */
function expectedEvents(sym: (n: string) => bigint, withNat: boolean): Tuple[] {
  const loop = sym('workload_loop'),
    h = sym('guest_ivt') + 0x5400n;
  const one: Tuple[] = [
    [0x5400n, P, loop, 0n],
    [0x5400n, P, loop, 1n],
    [0x5400n, P, loop + 0x10n, 0n],
    [0x5400n, P, loop + 0x10n, 1n],
    [0x5400n, P, loop + 0x20n, 0n],
    [0x5400n, P, loop + 0x20n, 1n],
  ];
  // the guest handler resuming its kernel: cr.isr, cr.ipsr, cr.iip (Illegal Operation: the real
  // PSR.ic is 1), mov cr.iip, mov cr.ipsr (likewise), then rfi (Privileged Operation)
  const handler: Tuple[] = [
    [0x5400n, ILL, h, 0n],
    [0x5400n, ILL, h, 1n],
    [0x5400n, ILL, h + 0x30n, 0n],
    [0x5400n, ILL, h + 0x40n, 1n],
    [0x5400n, ILL, h + 0x50n, 0n],
    [0x5400n, P, h + 0x60n, 2n],
  ];
  const after = sym('after_nat');
  return [
    ...one,
    ...one,
    ...one,
    ...one,
    [0x5400n, P, sym('check_rsvd') - 0x10n, 0n], // mov cr.iva = r9
    [0x5400n, P, sym('check_rsvd'), 0n], // ssm 0x40: reserved bit 6, reflected as 0x30
    ...handler,
    [0x5400n, P, sym('check_psr_l'), 0n], // mov psr.l = r15, bit 28: reflected as 0x30
    ...handler,
    ...(withNat ? [[0x5400n, P, sym('check_nat'), 0n] as Tuple, ...handler] : []), // NaT -> 0x5600
    [0x5400n, P, after, 0n], // rsm psr.ic
    [0x5400n, ILL, after + 0x20n, 0n], // mov cr.ipsr = r10
    [0x5400n, ILL, after + 0x30n, 0n], // mov cr.iip = r11
    [0x5400n, P, after + 0x40n, 2n], // rfi -> application
    [0x5400n, P, sym('guest_app'), 0n], // rsm psr.i at virtual cpl 3: reflected
    [0x5400n, ILL, h, 0n],
    [0x5400n, ILL, h, 1n],
    [0x2c00n, 0n, sym('guest_done'), 0n], // exit hypercall
  ];
}

describe('classic (trap-and-emulate without VT-i)', () => {
  it('runs the workload, the software checks and the application in the order of the text', async () => {
    const r = await runProgram('classic', { vt: false, valen: 60 });
    const s = r.state;
    expect(s.halted).toBe(true);
    expect(evTuples(s)).toEqual(expectedEvents(r.sym, true));
    // No interruption came from cpl 0 (the guest kernel runs at cpl 1) or with vm = 1.
    for (const e of s.events.slice(0, -1)) expect((BigInt(e.ipsr) >> 32n) & 3n).not.toBe(0n);
    for (const e of s.events) expect((BigInt(e.ipsr) >> 46n) & 1n).toBe(0n);
  });

  it('ends with the workload results and the checks reflected to the guest', async () => {
    const r = await runProgram('classic', { vt: false, valen: 60 });
    const s = r.state;
    expect(gr(s, 8)).toBe(N);
    expect(gr(s, 12) & 0xffffn).toBe(0x10n); // the last reflected: the application's rsm
    expect(gr(s, 13)).toBe(4n); // the guest kernel handled four reflections
    expect(gr(s, 14)).toBe(APP_PSR); // its virtual IPSR: cpl 3, ri 0
    expect(s.nat[15]).toBe(true); // thash of an unimplemented address
    expect(gr(s, 2)).toBe(r.sym('after_nat')); // where the handler last resumed the kernel
    const d = dump(s);
    expect(d.err).toBe(0n);
    expect(d.vitm).toBe(N * 1000n);
    expect(d.viva).toBe(r.sym('guest_ivt'));
    expect(d.vpsr).toBe(APP_PSR & KEPT);
    // 6N workload + mov cr.iva + 3 resuming handlers x 6 + rsm/ipsr/iip/rfi + 2 in the last one
    expect(d.emulated).toBe(6n * N + 1n + 18n + 4n + 2n);
    expect(d.reflected).toBe(4n);
    expect(d.viip).toBe(r.sym('guest_app'));
  });

  it('skips the NaT check where every address is implemented (--valen 61)', async () => {
    const r = await runProgram('classic', { vt: false });
    const s = r.state;
    expect(evTuples(s)).toEqual(expectedEvents(r.sym, false));
    expect(s.nat[15]).toBe(false);
    expect(gr(s, 13)).toBe(3n);
    expect(dump(s).reflected).toBe(3n);
  });

  it('needs nothing of VT-i: the same run on a VT-i processor (vm never set)', async () => {
    const r = await runProgram('classic', { vt: true });
    expect(evTuples(r.state)).toEqual(expectedEvents(r.sym, false));
    expect(dump(r.state).err).toBe(0n);
  });

  it('with guest_extras = 0 runs just the workload with the guest PSR of a native run', async () => {
    const r = await runProgram('classic', { vt: false, extras: 0 });
    const s = r.state;
    expect(s.events.length).toBe(6 * 4 + 1);
    expect(gr(s, 11)).toBe(IT | DT | I | IC);
    expect(dump(s).vpsr).toBe(BN | IT | DT | I | IC);
    expect(dump(s).emulated).toBe(6n * N);
  });
});
