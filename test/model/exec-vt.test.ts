// VT-i and privilege transitions: rfi into vm = 1, vmsw (architecture.md §3.1), epc (§3.2),
// bsw, cover and rfi frame restore, and --vt off.
import { afterAll, describe, expect, it } from 'vitest';
import { IVA, PSR, TEXT, disposeWorkdir, enter, ev, gr, hex, runAsm } from './harness.js';

afterAll(disposeWorkdir);
const GE = 0x5400,
  VIRT = 0x6100;

/**
 * Inserts an instruction translation register mapping the text (64 KiB page at TEXT,
 * identity) with access rights `ar` and privilege level `pl`; needs PSR.ic = 0.
 */
function mapText(ar: number, pl: number): string {
  const pte = 1n | (1n << 5n) | (1n << 6n) | (BigInt(pl) << 7n) | (BigInt(ar) << 9n) | TEXT;
  return `
	movl r2=${hex(TEXT)}
	mov r3=${16 << 2}
	movl r4=${hex(pte)}
	;;
	mov cr.ifa=r2
	mov cr.itir=r3
	;;
	itr.i itr[r0]=r4
	;;
	srlz.i
	;;`;
}

describe('rfi into the guest', () => {
  it('loads the whole IPSR, vm included: the guest runs with vm = 1', () => {
    const { st } = runAsm(enter(PSR.vm, 'guest') + '\tmov r8=1\n');
    expect(st.halted).toBe(true);
    expect(BigInt(st.psr) & PSR.vm).toBe(PSR.vm);
    expect(gr(st, 8)).toBe(1n);
  });

  it('with --vt off, IPSR.vm loads as 0', () => {
    const { st } = runAsm(enter(PSR.vm, 'guest') + '\tmov r8=1\n', { vt: false });
    expect(BigInt(st.psr) & PSR.vm).toBe(0n);
  });

  it('mov r1=psr does not show vm, bn or ri (reads PSR{36:35} and {31:0})', () => {
    const { st } = runAsm('\tssm 0x2000\n\t;;\n\tbsw.1\n\t;;\n\tmov r8=psr\n\t;;');
    expect(gr(st, 8)).toBe(PSR.ic);
  });

  it('an interruption from the guest sets vm = 0 and records vm = 1 in IPSR', () => {
    const { st } = runAsm(enter(PSR.vm | PSR.ic, 'guest') + '\tmov r8=cr.dcr\n');
    expect(ev(st).vector).toBe(VIRT);
    expect(ev(st).ipsr & PSR.vm).toBe(PSR.vm);
    expect(BigInt(st.psr) & PSR.vm).toBe(0n);
    expect(BigInt(st.ip)).toBe(IVA + BigInt(VIRT));
  });
});

describe('vmsw (§3.1)', () => {
  it('on a page with ar = 7 and PSR.it = 1, vmsw.1 / vmsw.0 switch vm without an interruption', () => {
    const one = runAsm(mapText(7, 0) + enter(PSR.it, 'paged') + '\tvmsw.1\n\t;;\n').st;
    expect(one.events).toEqual([]);
    expect(BigInt(one.psr) & PSR.vm).toBe(PSR.vm);
    // The current vm is not part of the check: the guest can switch back.
    const back = runAsm(mapText(7, 0) + enter(PSR.it | PSR.vm, 'paged') + '\tvmsw.0\n\t;;\n').st;
    expect(back.events).toEqual([]);
    expect(BigInt(back.psr) & PSR.vm).toBe(0n);
  });

  it('is a Virtualization fault on a page whose ar is not 7, or with PSR.it = 0', () => {
    const ar3 = runAsm(mapText(3, 0) + enter(PSR.it, 'paged') + '\tvmsw.1\n\t;;\n').st;
    expect(ev(ar3).vector).toBe(VIRT);
    const phys = runAsm('\tvmsw.1\n\t;;\n').st;
    expect(ev(phys).vector).toBe(VIRT);
  });

  it('is Privileged Operation at cpl 3 even on an ar = 7 page; Illegal Operation with VT off', () => {
    const user = runAsm(mapText(7, 0) + enter(PSR.it | PSR.cpl3, 'paged') + '\tvmsw.1\n\t;;\n').st;
    expect([ev(user).vector, ev(user).code]).toEqual([GE, 0x10]);
    const off = runAsm(mapText(7, 0) + enter(PSR.it, 'paged') + '\tvmsw.1\n\t;;\n', { vt: false }).st;
    expect([ev(off).vector, ev(off).code]).toEqual([GE, 0x00]);
  });
});

describe('epc (§3.2)', () => {
  it('with PSR.it = 0 promotes to cpl 0; PFS.ppl < cpl is Illegal Operation', () => {
    const setPpl3 = '\tmovl r9=0xc000000000000000\n\t;;\n\tmov ar.pfs=r9\n\t;;\n';
    const ok = runAsm(setPpl3 + enter(PSR.cpl3, 'user') + '\tepc\n\t;;\n').st;
    expect(ok.events).toEqual([]);
    expect(BigInt(ok.psr) & PSR.cpl3).toBe(0n);
    const bad = runAsm(enter(PSR.cpl3, 'user') + '\tepc\n\t;;\n').st;
    expect([ev(bad).vector, ev(bad).code]).toEqual([GE, 0x00]);
  });

  it('with PSR.it = 1 promotes to the page pl only on an ar = 7 page with pl < cpl', () => {
    const setPpl3 = '\tmovl r9=0xc000000000000000\n\t;;\n\tmov ar.pfs=r9\n\t;;\n';
    const promote = runAsm(setPpl3 + mapText(7, 1) + enter(PSR.it | PSR.cpl3, 'paged') + '\tepc\n\t;;\n').st;
    expect(Number((BigInt(promote.psr) >> 32n) & 3n)).toBe(1);
    const none = runAsm(setPpl3 + mapText(3, 3) + enter(PSR.it | PSR.cpl3, 'paged') + '\tepc\n\t;;\n').st;
    expect(Number((BigInt(none.psr) >> 32n) & 3n)).toBe(3);
  });
});

describe('register banks and frames', () => {
  it('bsw switches GR16-31 between the two banks', () => {
    const { st } = runAsm(`
	mov r16=1
	mov r31=2
	;;
	bsw.1
	;;
	mov r16=3
	;;
	bsw.0
	;;
	mov r8=r16
	mov r9=r31
	;;
	bsw.1
	;;
	mov r10=r16
	;;`);
    expect([gr(st, 8), gr(st, 9), gr(st, 10), gr(st, 16)]).toEqual([1n, 2n, 3n, 3n]);
  });

  it('cover with PSR.ic = 0 saves CFM in IFS (v = 1); rfi with IFS.v restores the frame', () => {
    const { st } = runAsm(`
	alloc r32=ar.pfs,0,2,0,0
	mov r33=0x55
	;;
	cover
	;;
	mov r8=cr.ifs
	movl r2=back
	;;
	mov cr.iip=r2
	mov cr.ipsr=r0
	;;
	rfi
	;;
back:
	mov r9=r33
	;;`);
    expect(gr(st, 8)).toBe((1n << 63n) | 2n | (2n << 7n));
    expect(gr(st, 9)).toBe(0x55n);
  });

  it('cover at cpl 0 vm 1 is a Virtualization fault', () => {
    const { st } = runAsm(enter(PSR.vm, 'guest') + '\tcover\n\t;;\n');
    expect(ev(st).vector).toBe(VIRT);
  });
});

describe('traps', () => {
  it('PSR.ss: a Single Step trap after each instruction, IIP/ri at the next one, IIPA at the trapping one', () => {
    const ss = 1n << 40n;
    const { st } = runAsm(enter(ss | PSR.ic, 'stepping') + '\tmov r8=1\n\tmov r9=2\n');
    const e = ev(st);
    expect([e.vector, e.code]).toEqual([0x6000, 0x08]);
    // The trapping instruction is slot 0 of the bundle at 'stepping'; the next one is slot 1.
    expect(Number((e.ipsr >> 41n) & 3n)).toBe(1);
    expect(e.iip).toBe(e.iipa);
    expect(gr(st, 8)).toBe(1n);
    expect(gr(st, 9)).toBe(0n);
  });

  it('PSR.tb: a Taken Branch trap with IIP at the branch target', () => {
    const tb = 1n << 26n;
    const { st } = runAsm(
      enter(tb | PSR.ic, 'branching') + '\tbr.few target\n\t;;\n\tmov r8=1\n\t;;\ntarget:\n\tmov r9=2\n',
    );
    const e = ev(st);
    expect([e.vector, e.code]).toEqual([0x5f00, 0x04]);
    expect(gr(st, 8)).toBe(0n);
    expect(gr(st, 9)).toBe(0n);
    expect(BigInt(st.cr.iip)).not.toBe(e.iipa);
  });
});

describe('instruction fetch translation', () => {
  it('fetching without an ITLB entry is an Alternate Instruction TLB fault (IFA = IIP = the bundle, ISR.x)', () => {
    const { st } = runAsm(enter(PSR.it | PSR.ic, 'unmapped') + '\tmov r8=1\n');
    const e = ev(st);
    expect(e.vector).toBe(0x0c00);
    expect(e.ifa).toBe(e.iip);
    expect((e.isr >> 32n) & 1n).toBe(1n);
    expect(gr(st, 8)).toBe(0n);
    // The handler runs with PSR.it kept (1); IVA is unmapped too, so the next fetch faults
    // again: the run only ends at max steps. Each fetch fault counts as a step.
    expect(st.events.length).toBeGreaterThan(1);
  });

  it('fetching from a page without execute rights is an Instruction Access Rights fault', () => {
    const { st } = runAsm(mapText(2, 0) + enter(PSR.it | PSR.ic, 'paged') + '\tmov r8=1\n');
    expect(ev(st).vector).toBe(0x5200);
  });
});

describe('lower-privilege transfer', () => {
  it('br.ret to a less privileged level lowers cpl from PFS.ppl, with a trap when PSR.lp = 1', () => {
    const body = (lp: bigint) => `
	movl r2=${hex(3n << 62n)}
	movl r3=user
	;;
	mov ar.pfs=r2
	mov b0=r3
	${lp ? 'movl r4=0x2000000\n\t;;\n\tmov psr.l=r4\n\t;;\n\tssm 0x2000\n\t;;\n\tsrlz.d' : ''}
	;;
	br.ret.sptk.many b0
	;;
user:
	mov r8=1
	;;`;
    const plain = runAsm(body(0n)).st;
    expect(Number((BigInt(plain.psr) >> 32n) & 3n)).toBe(3);
    expect(gr(plain, 8)).toBe(1n);
    const trap = runAsm(body(1n)).st;
    expect([ev(trap).vector, ev(trap).code]).toEqual([0x5e00, 0x02]);
    expect(gr(trap, 8)).toBe(0n);
  });
});
