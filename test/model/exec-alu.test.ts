// Per-instruction semantics of the integer ALU, compare, shift/deposit, test-bit and move
// instructions. Expected values are computed by hand from the SDM definitions.
import { afterAll, describe, expect, it } from 'vitest';
import { disposeWorkdir, gr, prBit, runAsm } from './harness.js';

afterAll(disposeWorkdir);
const M64 = (1n << 64n) - 1n;

describe('integer ALU', () => {
  it('add, sub, adds, addl, shladd, logical ops with 64-bit carries and borrows', () => {
    const { st } = runAsm(`
	movl r3=0x00000000ffffffff
	movl r4=0x0000000000000001
	movl r5=0x8000000000000000
	;;
	add r8=r3,r4
	add r9=r3,r4,1
	sub r10=r4,r3
	sub r11=r4,r3,1
	adds r12=-5,r4
	addl r13=-2097152,r0
	;;
	shladd r14=r4,4,r3
	and r15=r3,r5
	or r16=r3,r5
	xor r17=r3,r3
	andcm r18=r3,r4
	sub r19=-1,r4
	and r20=0x7f,r3
	xor r21=-1,r5
	addp4 r22=r4,r3
	;;`);
    expect(st.halted).toBe(true);
    expect(gr(st, 8)).toBe(0x1_0000_0000n);
    expect(gr(st, 9)).toBe(0x1_0000_0001n);
    expect(gr(st, 10)).toBe((1n - 0xffffffffn) & M64);
    expect(gr(st, 11)).toBe((1n - 0xffffffffn - 1n) & M64);
    expect(gr(st, 12)).toBe((1n - 5n) & M64);
    expect(gr(st, 13)).toBe(-2097152n & M64);
    expect(gr(st, 14)).toBe((1n << 4n) + 0xffffffffn);
    expect(gr(st, 15)).toBe(0n);
    expect(gr(st, 16)).toBe(0x8000_0000_ffff_ffffn);
    expect(gr(st, 17)).toBe(0n);
    expect(gr(st, 18)).toBe(0xfffffffen);
    expect(gr(st, 19)).toBe((-1n - 1n) & M64);
    expect(gr(st, 20)).toBe(0x7fn);
    expect(gr(st, 21)).toBe(0x7fff_ffff_ffff_ffffn);
    // addp4 r22=r4,r3: 32-bit sum (wraps to 0), bits 62:61 from the r3 operand{31:30} = 0b11.
    expect(gr(st, 22)).toBe((3n << 61n) | 0n);
  });

  it('shifts, extract, deposit, zero/sign extension, shrp, movl', () => {
    const { st } = runAsm(`
	movl r3=0xf0000000000000ff
	mov r4=68
	mov r5=4
	;;
	shl r8=r3,4
	shr.u r9=r3,4
	shr r10=r3,4
	shr.u r11=r3,r4
	shr r12=r3,r4
	shl r13=r3,r5
	extr r14=r3,4,8
	extr.u r15=r3,60,4
	;;
	dep.z r16=r3,8,8
	dep r17=r0,r3,0,8
	dep r18=-1,r0,60,4
	dep.z r19=-2,0,4
	zxt1 r20=r3
	sxt1 r21=r3
	sxt4 r22=r3
	shrp r23=r3,r3,8
	movl r24=0x123456789abcdef0
	;;`);
    expect(gr(st, 8)).toBe(0x0000_0000_0000_0ff0n);
    expect(gr(st, 9)).toBe(0x0f00_0000_0000_000fn);
    expect(gr(st, 10)).toBe(0xff00_0000_0000_000fn);
    expect(gr(st, 11)).toBe(0n); // count > 63
    expect(gr(st, 12)).toBe(M64); // sign fill
    expect(gr(st, 13)).toBe(0x0000_0000_0000_0ff0n);
    expect(gr(st, 14)).toBe(0x0fn); // bits 11:4 = 0x0f, sign bit 0
    expect(gr(st, 15)).toBe(0xfn);
    expect(gr(st, 16)).toBe(0xff00n);
    expect(gr(st, 17)).toBe(0xf000_0000_0000_0000n);
    expect(gr(st, 18)).toBe(0xf000_0000_0000_0000n);
    expect(gr(st, 19)).toBe(0xen);
    expect(gr(st, 20)).toBe(0xffn);
    expect(gr(st, 21)).toBe(M64);
    expect(gr(st, 22)).toBe(0xffn);
    expect(gr(st, 23)).toBe(0xfff0_0000_0000_0000n);
    expect(gr(st, 24)).toBe(0x1234_5678_9abc_def0n);
  });
});

describe('compares and predication', () => {
  it('cmp relations (signed, unsigned, 32-bit) set p1 and its complement p2', () => {
    const { st } = runAsm(`
	mov r3=-1
	mov r4=1
	;;
	cmp.lt p1,p2=r3,r4
	cmp.ltu p3,p4=r3,r4
	cmp4.lt p5,p6=r3,r4
	cmp.eq p7,p8=r3,r3
	cmp.gt p9,p10=r3,r4
	cmp.le p11,p12=5,r4
	;;`);
    expect([prBit(st, 1), prBit(st, 2)]).toEqual([1, 0]); // -1 < 1 signed
    expect([prBit(st, 3), prBit(st, 4)]).toEqual([0, 1]); // 2^64-1 < 1 unsigned: false
    expect([prBit(st, 5), prBit(st, 6)]).toEqual([1, 0]);
    expect([prBit(st, 7), prBit(st, 8)]).toEqual([1, 0]);
    expect([prBit(st, 9), prBit(st, 10)]).toEqual([0, 1]);
    expect([prBit(st, 11), prBit(st, 12)]).toEqual([0, 1]); // 5 <= 1 false
    expect(prBit(st, 0)).toBe(1);
  });

  it('compare types: unc clears when predicated off, and/or/or.andcm update only on their condition', () => {
    const { st } = runAsm(`
	mov r3=1
	cmp.eq p1,p2=r0,r0
	cmp.eq p3,p4=r0,r0
	cmp.eq p5,p6=r0,r0
	;;
	cmp.eq p7,p8=r0,r3
	;;
	(p7) cmp.eq.unc p1,p2=r0,r0
	cmp.ne.and p3,p4=r0,r0
	cmp.eq p9,p10=r0,r3
	;;
	cmp.eq.or p9,p10=r3,r3
	cmp.eq.or.andcm p11,p12=r3,r3
	cmp.eq.or p13,p14=r0,r3
	;;`);
    expect([prBit(st, 1), prBit(st, 2)]).toEqual([0, 0]); // .unc with qp false
    expect([prBit(st, 3), prBit(st, 4)]).toEqual([0, 0]); // .and with false condition
    expect([prBit(st, 9), prBit(st, 10)]).toEqual([1, 1]); // .or with true condition
    expect([prBit(st, 11), prBit(st, 12)]).toEqual([1, 0]);
    expect([prBit(st, 13), prBit(st, 14)]).toEqual([0, 0]); // .or, false: untouched (were 0)
  });

  it('predicated-off instructions have no effect but count as steps', () => {
    const { st } = runAsm(
      `
	cmp.eq p6,p7=r0,r0
	;;
	(p7) mov r8=5
	(p6) mov r9=6
	;;`,
      { bare: true },
    );
    expect(gr(st, 8)).toBe(0n);
    expect(gr(st, 9)).toBe(6n);
    // cmp + 2 nops in the first bundle (MII with auto stops), ... every slot counts.
    expect(st.steps).toBeGreaterThanOrEqual(4);
  });

  it('tbit and tnat', () => {
    const { st } = runAsm(`
	movl r3=0x8000000000000001
	;;
	tbit.z p1,p2=r3,0
	tbit.nz p3,p4=r3,63
	tnat.z p5,p6=r3
	;;`);
    expect([prBit(st, 1), prBit(st, 2)]).toEqual([0, 1]);
    expect([prBit(st, 3), prBit(st, 4)]).toEqual([1, 0]);
    expect([prBit(st, 5), prBit(st, 6)]).toEqual([1, 0]);
  });

  it('moves to and from PR and BR, and mov r1=ip', () => {
    const { st } = runAsm(`
	movl r3=0xfffffffffffffff0
	;;
	mov pr=r3,0x1ffff
	mov b3=r3
	;;
	mov r8=pr
	mov r9=b3
	mov r10=ip
	;;`);
    // mask17 sign-extends: every predicate but p0..p3 set from r3, p0 stays 1.
    expect(BigInt(st.pr)).toBe(0xffff_ffff_ffff_fff1n);
    expect(gr(st, 8)).toBe(0xffff_ffff_ffff_fff1n);
    expect(gr(st, 9)).toBe(0xffff_ffff_ffff_fff0n);
    expect(gr(st, 10) & 0xfn).toBe(0n);
    expect(gr(st, 10) >= 0x100000n && gr(st, 10) < 0x100100n).toBe(true);
  });
});
