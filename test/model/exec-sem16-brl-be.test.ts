// ld16/st16/cmp8xchg16 with ar.csd, brl.cond/brl.call, the hint instructions and PSR.be, with
// expected values worked out by hand from the SDM definitions.
import { afterAll, describe, expect, it } from 'vitest';
import { DATA, disposeWorkdir, ev, gr, runAsm, TEXT } from './harness.js';

afterAll(disposeWorkdir);

const DATA16 = `\tdata8 0x1111111111111111\n\tdata8 0x2222222222222222\n\tdata8 0x3333333333333333\n\tdata8 0x4444444444444444`;

describe('16-byte accesses', () => {
  it('ld16 loads r1 from the low 8 bytes and ar.csd from the high 8; st16 stores them back', () => {
    const { st } = runAsm(
      `movl r2=${DATA}
	movl r5=0xaaaaaaaaaaaaaaaa
	movl r6=0xbbbbbbbbbbbbbbbb
	;;
	ld16 r8,ar.csd=[r2]
	;;
	mov r9=ar.csd
	mov ar.csd=r6
	adds r3=16,r2
	;;
	st16.rel [r3]=r5,ar.csd
	;;
	ld8 r10=[r3],8
	;;
	ld8 r11=[r3]`,
      { data: DATA16 },
    );
    expect(st.eventCount).toBe(0);
    expect(gr(st, 8)).toBe(0x1111111111111111n);
    expect(gr(st, 9)).toBe(0x2222222222222222n);
    expect(gr(st, 10)).toBe(0xaaaaaaaaaaaaaaaan);
    expect(gr(st, 11)).toBe(0xbbbbbbbbbbbbbbbbn);
  });

  it('an address that is not 16-byte aligned is an Unaligned Data Reference fault whatever PSR.ac', () => {
    const { st } = runAsm(`movl r2=${DATA + 8n}\n\t;;\n\tld16 r8,ar.csd=[r2]`, { data: DATA16 });
    const e = ev(st);
    expect(e.vector).toBe(0x5a00);
    expect((e.isr >> 34n) & 1n).toBe(1n); // ISR.r
  });

  it('cmp8xchg16 stores r2 and ar.csd into the aligned 16 bytes only when the 8 bytes at r3 equal ar.ccv', () => {
    const { st } = runAsm(
      `movl r2=${DATA + 8n}
	movl r5=0x5555555555555555
	movl r6=0x6666666666666666
	movl r7=0x2222222222222222
	;;
	mov ar.ccv=r7
	mov ar.csd=r6
	;;
	cmp8xchg16.acq r8=[r2],r5,ar.csd,ar.ccv
	;;
	movl r3=${DATA}
	;;
	ld8 r9=[r3],8
	;;
	ld8 r10=[r3],8
	;;
	cmp8xchg16.rel r11=[r3],r5,ar.csd,ar.ccv
	;;
	ld8 r12=[r3]`,
      { data: DATA16 },
    );
    expect(st.eventCount).toBe(0);
    expect(gr(st, 8)).toBe(0x2222222222222222n); // the old 8 bytes at r2
    // Equal: r5 and ar.csd stored as st16 stores them at DATA (r3 aligned down to 16).
    expect(gr(st, 9)).toBe(0x5555555555555555n);
    expect(gr(st, 10)).toBe(0x6666666666666666n);
    expect(gr(st, 11)).toBe(0x3333333333333333n); // ≠ ar.ccv: returned, nothing stored
    expect(gr(st, 12)).toBe(0x3333333333333333n);
  });
});

describe('long branches and hints', () => {
  it('brl.cond jumps, brl.call links b1 to the next bundle and saves the frame in ar.pfs', () => {
    const { st } = runAsm(`
	alloc r34=ar.pfs,2,1,1,0
	mov r8=1
	;;
	{ .mlx
	nop.m 0
	brl.sptk.few over
	}
	;;
	mov r8=2
	;;
over:
	{ .mlx
	nop.m 0
	brl.call.sptk.many b1=callee
	}
back:
	mov r10=b1
	;;
	break.i 0
	;;
callee:
	movl r9=back
	mov r11=ar.pfs
	;;
	br.ret.sptk.many b1
	;;`);
    expect(st.eventCount).toBe(0);
    expect(gr(st, 8)).toBe(1n); // skipped by brl
    expect(gr(st, 10)).toBe(gr(st, 9)); // b1 = the bundle after brl.call
    expect(gr(st, 11) & 0x3ffffn).toBe(4n | (3n << 7n)); // PFS.pfm = the caller's CFM: sof 4, sol 3
  });

  it('a brl to an unimplemented address raises the Unimplemented Instruction Address trap', () => {
    // With 40 implemented physical address bits (PSR.it = 0), bit 40 is unimplemented.
    const { st } = runAsm(
      `
	ssm 0x2000
	;;
	srlz.d
	;;
	{ .mlx
	nop.m 0
	brl.sptk.few 0x10000000000
	}
	;;`,
      { palen: 40 },
    );
    const e = ev(st);
    expect([e.vector, e.code]).toEqual([0x5e00, 0x10]);
    // gas encodes a constant brl target as the displacement: the target is the brl bundle + 2^40.
    expect(e.iip).toBe((e.iipa & ~0xfn) + 0x10000000000n);
    expect(e.iipa & 0xfff00000n).toBe(TEXT);
  });

  it('brp, hint.{m,i,x} (gas refuses hint.b) and mov to br with hints execute as nops (the move still happens)', () => {
    const { st } = runAsm(`
	movl r5=${TEXT + 0x40n}
	;;
	{ .mib
	hint.m 0
	mov.ret.sptk.imp b2=r5,target
	brp.sptk.imp target,target
	}
	{ .mfb
	nop.m 0
	nop.f 0
	brp.ret.dptk b2,target
	}
	{ .mlx
	nop.m 0
	hint.x 0
	}
	{ .mib
	nop.m 0
	hint.i 0
	nop.b 0
	}
	;;
target:
	mov r8=b2
	;;`);
    expect(st.eventCount).toBe(0);
    expect(gr(st, 8)).toBe(TEXT + 0x40n);
  });
});

describe('PSR.be', () => {
  it('big-endian stores and loads reverse the bytes of each access; fetch stays little-endian', () => {
    const { st } = runAsm(
      `movl r2=${DATA}
	movl r5=0x0102030405060708
	;;
	sum 0x2
	;;
	st8 [r2]=r5
	ld4 r9=[r2]
	ld2 r10=[r2]
	;;
	rum 0x2
	;;
	ld8 r8=[r2]
	ld1 r11=[r2]`,
      { data: DATA16 },
    );
    expect(st.eventCount).toBe(0);
    expect(gr(st, 8)).toBe(0x0807060504030201n); // memory holds 01 02 03 … 08 from the lowest address
    expect(gr(st, 9)).toBe(0x01020304n); // big-endian: the lowest-addressed byte is the most significant
    expect(gr(st, 10)).toBe(0x0102n);
    expect(gr(st, 11)).toBe(0x01n);
  });

  it('ld16 in big-endian reverses each 8-byte half; r1 is still the lower-addressed half', () => {
    const { st } = runAsm(
      `movl r2=${DATA}
	movl r5=0x0102030405060708
	;;
	st8 [r2]=r5
	;;
	sum 0x2
	;;
	ld16 r8,ar.csd=[r2]
	;;
	mov r9=ar.csd
	rum 0x2`,
      { data: DATA16 },
    );
    expect(gr(st, 8)).toBe(0x0807060504030201n); // bytes 08 07 … 01 from the lowest address
    expect(gr(st, 9)).toBe(0x2222222222222222n);
  });
});
