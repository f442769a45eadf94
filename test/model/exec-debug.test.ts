// Debug breakpoints (SDM vol 2 §7.1): the parts the Ski fixtures (tools/ski/programs/dbg-*.s)
// cannot show — breakpoints that become live inside hot code (bundle functions and regions,
// which must give control back), mandatory RSE references, speculative loads (deferred with
// PSR.ic = 0, faulting with ISR.sp otherwise), lfetch.fault and probe.fault. Expected values
// are written from the SDM: the Debug vector is 0x5900, Data Debug reports IFA = the address
// and the reference's ISR bits, Instruction Debug ISR.x and ISR.ei = the slot.
import { afterAll, describe, expect, it } from 'vitest';
import { disposeWorkdir, DATA, enter, ev, gr, PSR, runAsm } from './harness.js';

afterAll(disposeWorkdir);

const DEBUG = 0x5900;
const ISR_X = 1n << 32n,
  ISR_W = 1n << 33n,
  ISR_R = 1n << 34n,
  ISR_NA = 1n << 35n,
  ISR_SP = 1n << 36n,
  ISR_RS = 1n << 37n;
const DB = 1n << 24n;
const EXACT = 0xff_ffff_ffff_ffffn;
const PLM0 = 1n << 56n;
const R = 1n << 63n,
  W = 1n << 62n,
  X = 1n << 63n;

/** Asm writing pair `pair` of `file` (dbr or ibr): address from `addr` (an asm expression), then `ctl`. */
function pairAsm(file: 'dbr' | 'ibr', pair: number, addr: string, ctl: bigint): string {
  return `
	movl r2=${addr}
	movl r4=0x${ctl.toString(16)}
	mov r3=${2 * pair}
	;;
	mov ${file}[r3]=r2
	mov r3=${2 * pair + 1}
	;;
	mov ${file}[r3]=r4
	;;`;
}

/** Asm turning PSR.ic on (the interruption registers are written) and PSR.db through mov psr.l (ssm reaches only bits 23:0). */
const DB_ON = `
	ssm psr.ic
	;;
	srlz.d
	;;
	mov r28=psr
	movl r29=0x${DB.toString(16)}
	;;
	or r28=r28,r29
	;;
	mov psr.l=r28
	;;
	srlz.d
	;;`;

describe('breakpoints in hot code', () => {
  it('an IBR armed by mov psr.l inside a loop that runs as a region stops at the bundle in that iteration', () => {
    const { st } = runAsm(
      `${pairAsm('ibr', 0, 'bp', X | PLM0 | EXACT)}
	mov r8=r0
	mov r9=200
	mov r28=psr
	movl r29=0x${DB.toString(16)}
	;;
	or r28=r28,r29
	;;
loop:
	adds r8=1,r8
	;;
	cmp.eq p6,p0=100,r8
	;;
(p6)	mov psr.l=r28
	;;
bp:
	adds r10=1,r10
	;;
	cmp.lt p7,p0=r8,r9
(p7)	br.cond.sptk.many loop
	;;`,
    );
    const e = ev(st);
    expect(e.vector).toBe(DEBUG);
    expect(gr(st, 8)).toBe(100n);
    expect(gr(st, 10)).toBe(99n); // the 100th pass stopped before bp's instruction
    expect(e.isr & ISR_X).toBe(ISR_X);
    expect(Number((e.isr >> 41n) & 3n)).toBe(0);
    expect(e.ifa).toBe(e.iip);
  });

  it('a DBR read pair stops a hot load loop at the matching element; with PSR.db = 0 the loop completes', () => {
    const loop = `${pairAsm('dbr', 0, `${DATA + 8n * 120n}`, R | PLM0 | EXACT)}
	movl r10=${DATA}
	mov r8=r0
	mov r9=200
	;;
loop:
	ld8 r11=[r10],8
	adds r8=1,r8
	;;
	cmp.lt p7,p0=r8,r9
(p7)	br.cond.sptk.many loop
	;;`;
    const on = runAsm(DB_ON + loop).st;
    const e = ev(on);
    expect(e.vector).toBe(DEBUG);
    expect(gr(on, 8)).toBe(120n);
    expect(e.ifa).toBe(DATA + 8n * 120n);
    expect(e.isr & (ISR_R | ISR_W | ISR_X)).toBe(ISR_R);
    const off = runAsm(loop).st;
    expect(off.events).toHaveLength(0);
    expect(gr(off, 8)).toBe(200n);
  });
});

describe('instruction fetch', () => {
  it('a fetch with no translation takes its TLB fault before a matching IBR (Alternate ITLB, 0x0c00)', () => {
    const { st } = runAsm(`${pairAsm('ibr', 0, '0x4000000', X | PLM0 | EXACT)}
	movl r2=${PSR.ic | PSR.it | DB}
	movl r3=0x4000000
	;;
	mov cr.ipsr=r2
	mov cr.iip=r3
	mov cr.ifs=r0
	;;
	rfi
	;;`);
    const e = ev(st);
    expect(e.vector).toBe(0x0c00);
    expect(e.iip).toBe(0x4000000n);
  });
});

describe('other references', () => {
  it('flushrs: a mandatory RSE store matching a write pair takes Data Debug with ISR.rs and w', () => {
    const store = DATA + 0x100n;
    const { st } = runAsm(
      `
	mov ar.rsc=r0
	;;
	movl r2=${store}
	;;
	mov ar.bspstore=r2
	;;
	alloc r32=ar.pfs,0,4,0,0
	;;
	mov r32=7
	${pairAsm('dbr', 0, `${store + 8n}`, W | PLM0 | EXACT)}
	${DB_ON}
	br.call.sptk.many b0=sub
	;;
sub:
	flushrs
	;;`,
    );
    const e = ev(st);
    expect(e.vector).toBe(DEBUG);
    expect(e.ifa).toBe(store + 8n);
    expect(e.isr & (ISR_RS | ISR_W | ISR_R)).toBe(ISR_RS | ISR_W);
  });

  it('ld8.s: Data Debug with ISR.sp while PSR.ic = 1; deferred (NaT) with PSR.ic = 0', () => {
    const setup = `${pairAsm('dbr', 0, `${DATA}`, R | PLM0 | EXACT)}
	movl r10=${DATA}
	;;`;
    const faulting = runAsm(`${setup}${enter(PSR.ic | DB, 'on')}	ld8.s r11=[r10]\n\t;;`).st;
    const e = ev(faulting);
    expect(e.vector).toBe(DEBUG);
    expect(e.isr & (ISR_SP | ISR_R)).toBe(ISR_SP | ISR_R);
    const deferred = runAsm(`${setup}${enter(DB, 'on')}	ld8.s r11=[r10]\n\t;;`).st;
    expect(deferred.events).toHaveLength(0);
    expect(deferred.nat[11]).toBe(true);
  });

  it('lfetch.fault and probe.w.fault are stopped by a matching pair (ISR.na, their codes); plain lfetch is not', () => {
    const setup = `${pairAsm('dbr', 0, `${DATA}`, R | W | PLM0 | EXACT)}
	movl r10=${DATA}
	;;`;
    const plain = runAsm(`${setup}${enter(PSR.ic | DB, 'on')}	lfetch [r10]\n\t;;`).st;
    expect(plain.events).toHaveLength(0);
    const lf = ev(runAsm(`${setup}${enter(PSR.ic | DB, 'on')}	lfetch.fault [r10]\n\t;;`).st);
    expect(lf.vector).toBe(DEBUG);
    expect(lf.isr & 0xffffn).toBe(4n);
    expect(lf.isr & (ISR_NA | ISR_R | ISR_W)).toBe(ISR_NA | ISR_R);
    const pr = ev(runAsm(`${setup}${enter(PSR.ic | DB, 'on')}	probe.w.fault r10,0\n\t;;`).st);
    expect(pr.vector).toBe(DEBUG);
    expect(pr.isr & 0xffffn).toBe(5n);
    expect(pr.isr & (ISR_NA | ISR_R | ISR_W)).toBe(ISR_NA | ISR_W);
    expect(pr.ifa).toBe(DATA);
  });
});
