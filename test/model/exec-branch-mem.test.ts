// Loads/stores, branches, calls with register-stack frames, counted loops, ar.itc as a
// step counter, break as halt, and the PAL_VM_SUMMARY call convention.
import { afterAll, describe, expect, it } from 'vitest';
import { DATA, disposeWorkdir, gr, runAsm } from './harness.js';

afterAll(disposeWorkdir);

describe('loads and stores', () => {
  it('stores and loads 1, 2, 4, 8 bytes little-endian, with post-increment', () => {
    const { st } = runAsm(`
	movl r3=${DATA}
	movl r4=0x1122334455667788
	;;
	st8 [r3]=r4
	;;
	ld1 r8=[r3]
	ld2 r9=[r3]
	ld4 r10=[r3]
	ld8 r11=[r3]
	;;
	adds r5=8,r3
	;;
	st1 [r5]=r4,1
	;;
	st2 [r5]=r4,2
	;;
	st4 [r5]=r4
	mov r6=r3
	;;
	ld8 r12=[r6],8
	;;
	ld8 r13=[r6]
	;;`);
    expect(gr(st, 8)).toBe(0x88n);
    expect(gr(st, 9)).toBe(0x7788n);
    expect(gr(st, 10)).toBe(0x55667788n);
    expect(gr(st, 11)).toBe(0x1122334455667788n);
    expect(gr(st, 5)).toBe(DATA + 8n + 3n);
    expect(gr(st, 12)).toBe(0x1122334455667788n);
    expect(gr(st, 6)).toBe(DATA + 8n);
    // bytes at DATA+8: 88 | 88 77 | 88 77 66 55, then zero.
    expect(gr(st, 13)).toBe(0x0055667788778888n);
  });

  it('loads initialised data from the ELF image', () => {
    const { st } = runAsm(
      `
	movl r3=${DATA}
	;;
	ld8 r8=[r3]
	;;`,
      { data: '\tdata8 0xdeadbeefcafef00d' },
    );
    expect(gr(st, 8)).toBe(0xdeadbeefcafef00dn);
  });
});

describe('branches', () => {
  it('br.cond loop, br.cloop with ar.lc, indirect branch', () => {
    const { st } = runAsm(`
	mov r8=0
	mov r9=10
	;;
1:	adds r8=3,r8
	adds r9=-1,r9
	;;
	cmp.ne p6,p0=r0,r9
	(p6) br.cond.sptk.few 1b
	;;
	mov ar.lc=4
	mov r10=0
	;;
2:	adds r10=1,r10
	br.cloop.sptk.few 2b
	;;
	movl r11=3f
	;;
	mov b6=r11
	;;
	br.sptk.few b6
	;;
	mov r12=99
	;;
3:	mov r13=7
	;;`);
    expect(gr(st, 8)).toBe(30n);
    expect(gr(st, 10)).toBe(5n); // lc = 4 → 5 iterations
    expect(gr(st, 12)).toBe(0n);
    expect(gr(st, 13)).toBe(7n);
  });

  it('br.call / br.ret with alloc: outputs become inputs, locals are preserved, PFS and BSP follow', () => {
    const { st } = runAsm(
      `
	alloc r32=ar.pfs,0,3,2,0
	mov r33=11
	mov r34=22
	mov r35=5
	mov r36=6
	mov r20=ar.bsp
	;;
	br.call.sptk.many b0=callee
	;;
	mov r21=ar.bsp
	mov r8=r33
	mov r9=r34
	mov r10=r35
	br.sptk.few done
	;;
callee:
	alloc r36=ar.pfs,2,3,0,0
	;;
	add r8=r32,r33
	mov r35=ar.bsp
	mov r32=77
	;;
	mov r17=r35
	mov r18=r8
	mov ar.pfs=r36
	;;
	br.ret.sptk.many b0
	;;
done:
	mov r16=r0
	;;`,
      { bare: true },
    );
    // Caller frame: sof 5, sol 3 (r32 holds the old PFS, r33/r34 locals, r35/r36 outputs).
    expect(gr(st, 18)).toBe(11n); // callee saw r32 = 5, r33 = 6: 5 + 6
    expect(gr(st, 8)).toBe(11n);
    expect(gr(st, 9)).toBe(22n);
    expect(gr(st, 10)).toBe(77n); // r35 is the callee's r32
    // The callee's BSP is 3 registers (sol) above the caller's.
    expect(gr(st, 17) - gr(st, 20)).toBe(24n);
    expect(gr(st, 21)).toBe(gr(st, 20));
  });

  it('ar.itc counts steps', () => {
    const { st } = runAsm(
      `
	{ .mii
	mov r8=ar.itc
	nop.i 0
	nop.i 0 ;; }
	{ .mii
	nop.m 0
	nop.i 0
	nop.i 0 ;; }
	{ .mii
	mov r9=ar.itc
	nop.i 0
	nop.i 0 ;; }`,
      { bare: true },
    );
    // r8 is read at step 0; r9 two bundles (six slots) later.
    expect(gr(st, 8)).toBe(0n);
    expect(gr(st, 9)).toBe(6n);
  });
});

describe('break and firmware', () => {
  it('break 0 halts at the break; the step count includes it', () => {
    const { st } = runAsm(`mov r8=1`, { bare: true });
    expect(st.halted).toBe(true);
    expect(BigInt(st.ip) & 0xfn).toBe(0n);
    expect(st.events).toEqual([]);
  });

  it('--max-steps stops a run without halting', () => {
    const { st } = runAsm(`1:	br.few 1b\n\t;;`, { bare: true, maxSteps: 50 });
    expect(st.halted).toBe(false);
    expect(st.steps).toBe(50);
  });

  it('PAL_VM_SUMMARY via break 0xca11 reports IMPL_VA_MSB in GR10{7:0}', () => {
    const body = `
	mov r28=8
	;;
	break.m 0xca11
	;;`;
    expect(gr(runAsm(body, { bare: true }).st, 10) & 0xffn).toBe(60n);
    const r = runAsm(body, { bare: true, valen: 55 }).st;
    expect(gr(r, 10) & 0xffn).toBe(54n);
    expect(gr(r, 8)).toBe(0n);
    const u = runAsm(`\tmov r28=99\n\t;;\n\tbreak.m 0xca11\n\t;;`, { bare: true }).st;
    expect(gr(u, 8)).toBe((1n << 64n) - 1n);
  });
});
