// Faults, their priority when several apply (arch/priority.ts order), and the registers the
// interruption dispatch writes (architecture.md §4, §6, §8). Each interruption halts the run
// at IVA + vector (see harness.ts), so the state is the one right after dispatch.
import { afterAll, describe, expect, it } from 'vitest';
import { Emulator } from '../../model/emulator.js';
import { IVA, PSR, disposeWorkdir, enter, ev, gr, makeNat, runAsm, workdir } from './harness.js';

afterAll(disposeWorkdir);
const GE = 0x5400,
  NAT = 0x5600,
  VIRT = 0x6100;

describe('fault classes and simultaneous faults', () => {
  it('ssm with a reserved bit at cpl 3 is a Privileged Operation, not Reserved Register/Field', () => {
    const { st } = runAsm(enter(PSR.cpl3, 'user') + '\tssm 0x1\n');
    expect(ev(st).vector).toBe(GE);
    expect(ev(st).code).toBe(0x10);
    expect(BigInt(st.ip)).toBe(IVA + BigInt(GE));
  });

  it('ssm with a reserved bit at cpl 0, vm 1 is Reserved Register/Field, not Virtualization', () => {
    const { st } = runAsm(enter(PSR.vm, 'guest') + '\tssm 0x1\n');
    expect(ev(st).vector).toBe(GE);
    expect(ev(st).code).toBe(0x30);
  });

  it('a valid ssm at cpl 0, vm 1 is a Virtualization fault with ISR.code 0; at vm 0 it executes', () => {
    const v = runAsm(enter(PSR.vm, 'guest') + '\tssm 0x4000\n').st;
    expect(ev(v).vector).toBe(VIRT);
    expect(ev(v).code).toBe(0);
    const ok = runAsm('\tssm 0x4000\n\t;;\n').st;
    expect(ok.events).toEqual([]);
    expect(BigInt(ok.psr) & PSR.i).toBe(PSR.i);
  });

  it('mov from CR: Privileged Operation at cpl 3, Virtualization at cpl 0 vm 1, and it does not complete', () => {
    const p = runAsm(enter(PSR.cpl3, 'user') + '\tmov r8=cr.iva\n').st;
    expect([ev(p).vector, ev(p).code]).toEqual([GE, 0x10]);
    const v = runAsm(enter(PSR.vm, 'guest') + '\tmov r8=cr.iva\n').st;
    expect([ev(v).vector, ev(v).code]).toEqual([VIRT, 0]);
    expect(gr(v, 8)).toBe(0n);
  });

  it('an interruption-CR access with PSR.ic = 1 is Illegal Operation even at cpl 3', () => {
    const { st } = runAsm(enter(PSR.cpl3 | PSR.ic, 'user') + '\tmov r8=cr.ipsr\n');
    expect([ev(st).vector, ev(st).code]).toEqual([GE, 0x00]);
  });

  it('mov to CR with a NaT source at cpl 0 vm 1 is Register NaT Consumption, not Virtualization', () => {
    const { st } = runAsm(makeNat(5) + enter(PSR.vm, 'guest') + '\tmov cr.dcr=r5\n', { valen: 52 });
    expect([ev(st).vector, ev(st).code]).toEqual([NAT, 0x10]);
  });

  it('mov to CR with a reserved field at cpl 0 vm 1 is Reserved Register/Field, not Virtualization', () => {
    const { st } = runAsm('\tmov r5=8\n\t;;\n' + enter(PSR.vm, 'guest') + '\tmov cr.dcr=r5\n');
    expect([ev(st).vector, ev(st).code]).toEqual([GE, 0x30]);
  });

  it('a reserved CR number and a write to a read-only CR are Illegal Operation', () => {
    // cr.irr0 is read-only.
    const { st } = runAsm('\tmov cr.irr0=r0\n');
    expect([ev(st).vector, ev(st).code]).toEqual([GE, 0x00]);
  });

  it('break with a nonzero immediate is a Break Instruction fault with IIM (PSR.ic = 1)', () => {
    const { st } = runAsm('\tssm 0x2000\n\t;;\n\tsrlz.d\n\t;;\n\tbreak.m 0x1234\n');
    expect(ev(st).vector).toBe(0x2c00);
    expect(BigInt(st.cr.iim)).toBe(0x1234n);
  });

  it('a load through a NaT address register is Register NaT Consumption', () => {
    const { st } = runAsm(makeNat(5) + '\tld8 r8=[r5]\n', { valen: 52 });
    expect([ev(st).vector, ev(st).code]).toEqual([NAT, 0x10]);
  });

  it('a compare naming the same predicate twice is Illegal Operation', () => {
    const { st } = runAsm('\tcmp.eq p1,p1=r2,r3\n');
    expect([ev(st).vector, ev(st).code]).toEqual([GE, 0x00]);
  });

  it('a register outside the current frame is Illegal Operation', () => {
    const { st } = runAsm('\tmov r40=r0\n');
    expect([ev(st).vector, ev(st).code]).toEqual([GE, 0x00]);
  });

  it('vmsw with VT off is Illegal Operation even at cpl 3; at cpl 3 with VT on, Privileged Operation', () => {
    const off = runAsm(enter(PSR.cpl3, 'user') + '\tvmsw.1\n', { vt: false }).st;
    expect([ev(off).vector, ev(off).code]).toEqual([GE, 0x00]);
    const on = runAsm(enter(PSR.cpl3, 'user') + '\tvmsw.1\n').st;
    expect([ev(on).vector, ev(on).code]).toEqual([GE, 0x10]);
  });

  it('thash at cpl 3 vm 1 is a Virtualization fault; tpa there is Privileged Operation', () => {
    const t = runAsm(enter(PSR.cpl3 | PSR.vm, 'g') + '\tthash r8=r0\n').st;
    expect(ev(t).vector).toBe(VIRT);
    const p = runAsm(enter(PSR.cpl3 | PSR.vm, 'g') + '\ttpa r8=r0\n').st;
    expect([ev(p).vector, ev(p).code]).toEqual([GE, 0x10]);
  });
});

describe('interruption dispatch', () => {
  it('writes IPSR (ri = slot), IIP, IIPA, ISR (ei, ni) and sets the interruption PSR', () => {
    const { st } = runAsm(`
	mov r2=3
	;;
	mov cr.dcr=r2
	;;
	sum 0x4
	ssm 0x6000
	;;
	srlz.d
	;;
	bsw.1
	;;
	mov r16=7
	;;
	{ .mii
	nop.m 0
	mov r15=8
	break.i 0x77 ;; }`);
    const e = ev(st);
    expect(e.vector).toBe(0x2c00);
    // Fault in slot 2 of the last bundle, taken with PSR.ic = 1.
    expect(Number((e.ipsr >> 41n) & 3n)).toBe(2);
    expect(Number((e.isr >> 41n) & 3n)).toBe(2);
    expect((e.isr >> 39n) & 1n).toBe(0n);
    expect(e.ipsr & (PSR.ic | PSR.i | PSR.up | PSR.bn)).toBe(PSR.ic | PSR.i | PSR.up | PSR.bn);
    // IIP: the faulting bundle; IIPA: the same bundle (slot 1 completed there with ic = 1).
    expect(e.iip).toBe(e.iipa);
    expect(BigInt(st.cr.iip)).toBe(e.iip);
    // PSR after dispatch: kept bits (up), be/pp from DCR, everything else 0 (ic, i, bn).
    expect(BigInt(st.psr)).toBe(PSR.up | PSR.be | PSR.pp);
    // Bank 0 visible again: r16 was written in bank 1.
    expect(gr(st, 16)).toBe(0n);
    expect(gr(st, 15)).toBe(8n);
  });

  it('with PSR.ic = 0 only ISR is written (ni = 1)', () => {
    const { st } = runAsm('\tbreak.m 0x55\n');
    const e = ev(st);
    expect(e.vector).toBe(0x2c00);
    expect((e.isr >> 39n) & 1n).toBe(1n);
    expect(BigInt(st.cr.iip)).toBe(0n);
    expect(BigInt(st.cr.iim)).toBe(0n);
  });

  it('a data TLB miss with PSR.ic = 0 becomes a Data Nested TLB fault; with ic = 1 an Alternate Data TLB fault', () => {
    const nested = runAsm('\tssm 0x20000\n\t;;\n\tsrlz.d\n\t;;\n\tld8 r8=[r0]\n').st;
    expect(ev(nested).vector).toBe(0x1400);
    const alt = runAsm('\tmovl r5=0x2000000000001238\n\tssm 0x22000\n\t;;\n\tsrlz.d\n\t;;\n\tld8 r8=[r5]\n').st;
    expect(ev(alt).vector).toBe(0x1000);
    expect(BigInt(alt.cr.ifa)).toBe(0x2000000000001238n);
    expect((ev(alt).isr >> 34n) & 1n).toBe(1n); // ISR.r
  });
});

describe('implemented addresses (§7)', () => {
  it('physical data addresses: bits 62..IMPL_PA_MSB+1 must be 0, bit 63 is the UC attribute', () => {
    const ld = (addr: string) => runAsm(`\tmovl r5=${addr}\n\t;;\n\tld8 r8=[r5]\n`, { palen: 40 }).st;
    expect(ld('0x000000fffffffff8').events).toEqual([]);
    expect(ld('0x8000000000000000').events).toEqual([]);
    const bad = ld('0x0000010000000000');
    expect([ev(bad).vector, ev(bad).code]).toEqual([GE, 0x30]);
  });

  it('virtual data addresses use the guest IMPL_VA_MSB when vm = 1 (monitor-only addresses)', () => {
    // valen 61: IMPL_VA_MSB 60 for the VMM, 59 for the guest. No TLB entries, so an
    // implemented address takes a TLB fault and an unimplemented one a General Exception.
    const run = (addr: string, psr: bigint) =>
      ev(runAsm(`\tmovl r5=${addr}\n\t;;\n` + enter(psr | PSR.dt | PSR.ic, 'x') + '\tld8 r8=[r5]\n').st);
    expect(run('0x1000000000000000', 0n).vector).toBe(0x1000);
    const g = run('0x1000000000000000', PSR.vm);
    expect([g.vector, g.code]).toEqual([GE, 0x30]);
    expect(g.ifa).toBe(0x1000000000000000n);
    expect(run('0x0800000000000000', PSR.vm).code).toBe(0x30);
    expect(run('0xf800000000000000', PSR.vm).vector).toBe(0x1000);
    expect(run('0x07fffffffffffff8', PSR.vm).vector).toBe(0x1000);
  });

  it('falling through off the last implemented bundle raises the trap with IIP at the next bundle', () => {
    // palen 32: the bundle at 0xfffffff0 is the last implemented one.
    const w = workdir();
    const src =
      `\t.text\n\t.global _start\n_start:\n\tmovl r2=${IVA}\n\tmovl r3=edge\n\t;;\n\tmov cr.iva=r2\n\tmov b6=r3\n` +
      `\tssm 0x2000\n\t;;\n\tsrlz.d\n\tbr.sptk.few b6\n\t;;\n` +
      `\t.section .edge,"ax"\nedge:\n\t{ .mii\n\tnop.m 0\n\tnop.i 0\n\tmov r8=1 ;; }\n`;
    const elf = w.build('edge', src, 0x100000n, ['--section-start=.edge=0xfffffff0']);
    const emu = new Emulator({ palen: 32, keepEvents: true });
    emu.loadElf(w.read(elf));
    emu.run(1000);
    const st = emu.recordedState();
    const e = ev(st);
    expect([e.vector, e.code]).toEqual([0x5e00, 0x10]);
    expect(e.iip).toBe(0x1_0000_0000n);
    expect(e.iipa).toBe(0xfffffff0n);
    expect(Number((e.ipsr >> 41n) & 3n)).toBe(0);
    expect(gr(st, 8)).toBe(1n);
  });

  it('a branch to an unimplemented address raises the Unimplemented Instruction Address trap', () => {
    const { st } = runAsm(
      `
	ssm 0x2000
	movl r5=0x0000010000000000
	;;
	srlz.d
	mov b6=r5
	;;
	br.sptk.few b6
	;;`,
      { palen: 40 },
    );
    const e = ev(st);
    expect([e.vector, e.code]).toEqual([0x5e00, 0x10]);
    expect(e.iip).toBe(0x0000010000000000n);
    expect(e.iipa & 0xfff00000n).toBe(0x100000n);
  });
});
