// System-register moves and their checks (architecture.md §2, §8 and the AR rules), the user
// mask instructions, CPUID, RR/PKR reserved fields, TLB-insert preconditions, alignment, and
// the code cache following self-modifying code.
import { afterAll, describe, expect, it } from 'vitest';
import { PSR, disposeWorkdir, enter, ev, gr, makeNat, runAsm } from './harness.js';

afterAll(disposeWorkdir);
const GE = 0x5400,
  NAT = 0x5600;

describe('user mask', () => {
  it('sum/rum/mov psr.um change PSR{5:1} at any cpl; mov r1=psr.um reads PSR{5:0}', () => {
    const { st } = runAsm(
      enter(PSR.cpl3, 'user') +
        `
	sum 0x3e
	;;
	mov r8=psr.um
	rum 0x10
	;;
	mov r9=psr.um
	mov r3=0x6
	;;
	mov psr.um=r3
	;;
	mov r10=psr.um
	;;`,
    );
    expect([gr(st, 8), gr(st, 9), gr(st, 10)]).toEqual([0x3en, 0x2en, 0x6n]);
  });

  it('a reserved user-mask bit is Reserved Register/Field; a NaT source is NaT Consumption', () => {
    const r = runAsm(enter(PSR.cpl3, 'user') + '\tsum 0x1\n').st;
    expect([ev(r).vector, ev(r).code]).toEqual([GE, 0x30]);
    const n = runAsm(makeNat(5) + '\tmov psr.um=r5\n', { valen: 52 }).st;
    expect([ev(n).vector, ev(n).code]).toEqual([NAT, 0x10]);
  });

  it('mov psr.l sets PSR{31:0}; with a reserved bit it is Reserved Register/Field', () => {
    const ok = runAsm('\tmov r3=0x6004\n\t;;\n\tmov psr.l=r3\n\t;;\n').st;
    expect(BigInt(ok.psr)).toBe(0x6004n);
    const bad = runAsm('\tmovl r3=0x10000000\n\t;;\n\tmov psr.l=r3\n\t;;\n').st; // bit 28 reserved
    expect([ev(bad).vector, ev(bad).code]).toEqual([GE, 0x30]);
  });
});

describe('application registers', () => {
  it('kr writes need cpl 0 (Privileged Register); reads are allowed; ar.bsp writes are Illegal Operation', () => {
    const w = runAsm(
      '\tmov r3=9\n\t;;\n\tmov ar.k2=r3\n\t;;\n' + enter(PSR.cpl3, 'user') + '\tmov r8=ar.k2\n\t;;\n\tmov ar.k2=r0\n',
    ).st;
    expect(gr(w, 8)).toBe(9n);
    expect([ev(w).vector, ev(w).code]).toEqual([GE, 0x20]);
    const b = runAsm('\tmov ar.bsp=r0\n').st;
    expect([ev(b).vector, ev(b).code]).toEqual([GE, 0x00]);
  });

  it('an I-unit AR accessed from the M unit is Illegal Operation; reserved AR fields are Reserved Register/Field', () => {
    // gas refuses mov.m ar.lc, so the bundle is built by hand: MII, slot 0 = M-unit opcode 1,
    // x6 0x2a (mov to AR), ar3 = 65 (ar.lc); slots 1 and 2 = nop.i.
    const m29 = (1n << 37n) | (0x2an << 27n) | (65n << 20n),
      nopI = 1n << 27n;
    const bundle = (nopI << 87n) | (nopI << 46n) | (m29 << 5n);
    const words = [bundle & ((1n << 64n) - 1n), bundle >> 64n].map((w) => `\tdata8 0x${w.toString(16)}`).join('\n');
    const u = runAsm(`\t;;\n\t.align 16\n${words}\n`).st;
    expect([ev(u).vector, ev(u).code]).toEqual([GE, 0x00]);
    const r = runAsm('\tmov r3=0x20\n\t;;\n\tmov ar.rsc=r3\n').st; // RSC{15:5} reserved
    expect([ev(r).vector, ev(r).code]).toEqual([GE, 0x30]);
  });

  it('writing ar.itc sets the counter, which keeps counting steps', () => {
    const { st } = runAsm(
      `
	{ .mii
	mov r3=1000
	nop.i 0
	nop.i 0 ;; }
	{ .mii
	mov ar.itc=r3
	nop.i 0
	nop.i 0 ;; }
	{ .mii
	mov r8=ar.itc
	nop.i 0
	nop.i 0 ;; }`,
      { bare: true },
    );
    expect(gr(st, 8)).toBe(1003n);
  });
});

describe('indirect registers, CPUID, TLB inserts', () => {
  it('CPUID[3] reports 4 as the highest index, CPUID[4] bit 0 = VT-i; index 5 is Reserved Register/Field', () => {
    const { st } = runAsm('\tmov r3=3\n\tmov r4=4\n\t;;\n\tmov r8=cpuid[r3]\n\tmov r9=cpuid[r4]\n\t;;\n');
    expect([gr(st, 8) & 0xffn, gr(st, 9) & 1n]).toEqual([4n, 1n]);
    const off = runAsm('\tmov r4=4\n\t;;\n\tmov r9=cpuid[r4]\n\t;;\n', { vt: false }).st;
    expect(gr(off, 9) & 1n).toBe(0n);
    const bad = runAsm('\tmov r3=5\n\t;;\n\tmov r8=cpuid[r3]\n').st;
    expect([ev(bad).vector, ev(bad).code]).toEqual([GE, 0x30]);
  });

  it('RR and PKR writes with reserved fields, and a PKR index beyond 15, are Reserved Register/Field', () => {
    const rr = runAsm('\tmov r3=2\n\t;;\n\tmov rr[r0]=r3\n').st; // bit 1 reserved
    expect([ev(rr).vector, ev(rr).code]).toEqual([GE, 0x30]);
    const pk = runAsm('\tmov r3=16\n\t;;\n\tmov pkr[r3]=r0\n').st;
    expect([ev(pk).vector, ev(pk).code]).toEqual([GE, 0x30]);
    const ok = runAsm('\tmov r3=0x130\n\t;;\n\tmov rr[r0]=r3\n\t;;\n\tmov r8=rr[r0]\n\t;;\n').st;
    expect(gr(ok, 8)).toBe(0x130n);
  });

  it('itc with PSR.ic = 1 is Illegal Operation; itr to slot 8 is Reserved Register/Field', () => {
    const ic = runAsm('\tmov r3=0x30\n\t;;\n\tmov cr.itir=r3\n\tssm 0x2000\n\t;;\n\tsrlz.d\n\t;;\n\titc.d r0\n').st;
    expect([ev(ic).vector, ev(ic).code]).toEqual([GE, 0x00]);
    const tr = runAsm('\tmov r3=0x30\n\tmov r4=8\n\t;;\n\tmov cr.itir=r3\n\t;;\n\titr.d dtr[r4]=r0\n').st;
    expect([ev(tr).vector, ev(tr).code]).toEqual([GE, 0x30]);
  });

  it('bsw at cpl 3 is Privileged Operation', () => {
    const { st } = runAsm(enter(PSR.cpl3, 'user') + '\tbsw.1\n\t;;\n');
    expect([ev(st).vector, ev(st).code]).toEqual([GE, 0x10]);
  });
});

describe('memory rules', () => {
  it('a store of a NaT value is Register NaT Consumption', () => {
    const { st } = runAsm(makeNat(5) + '\tmovl r3=0x300000\n\t;;\n\tst8 [r3]=r5\n', { valen: 52 });
    expect([ev(st).vector, ev(st).code]).toEqual([NAT, 0x10]);
  });

  it('misaligned accesses work with PSR.ac = 0 and fault (Unaligned Data Reference) with ac = 1', () => {
    const body = '\tmovl r3=0x300001\n\tmovl r4=0x1122334455667788\n\t;;\n\tst8 [r3]=r4\n\t;;\n\tld8 r8=[r3]\n\t;;\n';
    expect(gr(runAsm(body).st, 8)).toBe(0x1122334455667788n);
    const { st } = runAsm('\tsum 0x8\n\t;;\n' + body);
    expect(ev(st).vector).toBe(0x5a00);
  });

  it('code rewritten by a store is executed in its new form (the code cache follows stores)', () => {
    const { st } = runAsm(`
	mov r8=0
	mov r9=2
	movl r5=patch
	movl r6=target
	;;
again:
target:
	{ .mii
	adds r8=1,r8
	nop.i 0
	nop.i 0 ;; }
	ld8 r10=[r5],8
	;;
	ld8 r11=[r5]
	;;
	st8 [r6]=r10,8
	;;
	st8 [r6]=r11
	adds r6=-8,r6
	adds r5=-8,r5
	adds r9=-1,r9
	;;
	cmp.ne p6,p0=r0,r9
	(p6) br.cond.sptk.few again
	;;
	br.few out
	;;
patch:
	{ .mii
	adds r8=100,r8
	nop.i 0
	nop.i 0 ;; }
out:`);
    expect(gr(st, 8)).toBe(101n); // 1 (original) + 100 (patched)
  });
});
