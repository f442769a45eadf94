// Block compilation (model/exec/region.ts): once a loop is hot it runs as one generated
// function; these loops run far more often than REGION_AFTER, so they run in regions, and each
// checks an architectural effect the region must keep: self-modifying code, a trap on every
// taken branch, and a run cut into small step budgets that end inside blocks.
import { afterAll, describe, expect, it } from 'vitest';
import { Emulator } from '../../model/emulator.js';
import { REGION_AFTER } from '../../model/exec/region.js';
import { PSR, disposeWorkdir, enter, gr, runAsm, workdir } from './harness.js';

afterAll(disposeWorkdir);

const ITERATIONS = 100;

describe('block compilation', () => {
  it('runs loops long enough to be compiled as regions', () => {
    expect(ITERATIONS).toBeGreaterThan(4 * REGION_AFTER);
  });

  it('sees a store into its own loop body (self-modifying code)', () => {
    // At r9 = 50 the loop overwrites its `adds r8=1` bundle with `adds r8=100`: 50 passes
    // add 1, the other 50 add 100.
    const { st } = runAsm(`
	movl r10=body
	movl r11=new_code
	mov r8=0
	mov r9=${ITERATIONS}
	;;
	adds r14=8,r10
	ld8 r12=[r11]
	adds r11=8,r11
	;;
	ld8 r13=[r11]
	;;
loop:
	{ .mii
	cmp.eq p6,p0=50,r9
	nop.i 0
	nop.i 0 ;; }
	{ .mmi
	(p6) st8 [r10]=r12
	(p6) st8 [r14]=r13
	nop.i 0 ;; }
body:
	{ .mii
	adds r8=1,r8
	nop.i 0
	nop.i 0 ;; }
	{ .mib
	adds r9=-1,r9
	nop.i 0
	nop.b 0 ;; }
	{ .mib
	cmp.ne p7,p0=r0,r9
	nop.i 0
	(p7) br.cond.sptk.few loop ;; }
	br.few done
	;;
	.align 16
new_code:
	{ .mii
	adds r8=100,r8
	nop.i 0
	nop.i 0 ;; }
done:
`);
    expect(st.halted).toBe(true);
    expect(st.events).toEqual([]);
    expect(gr(st, 8)).toBe(50n * 1n + 50n * 100n);
  });

  it('takes the Taken Branch trap (PSR.tb) on every taken branch of a hot loop', () => {
    // Handler at IVA + 0x5f00 counts in r21 and returns to the branch target with rfi.
    const { st } = runAsm(`
	movl r2=ivt
	;;
	mov cr.iva=r2
	mov r8=0
	mov r9=${ITERATIONS}
	mov r21=0
	;;
${enter(PSR.ic | (1n << 26n), 'traced')}
loop:
	{ .mii
	adds r8=1,r8
	adds r9=-1,r9
	nop.i 0 ;; }
	{ .mib
	cmp.ne p6,p0=r0,r9
	nop.i 0
	(p6) br.cond.sptk.few loop ;; }
	break.i 0
	;;
	.align 32768
ivt:
	.skip 0x5f00
	adds r21=1,r21
	;;
	rfi
	;;
`);
    expect(st.halted).toBe(true);
    expect(gr(st, 8)).toBe(BigInt(ITERATIONS));
    expect(gr(st, 21)).toBe(BigInt(ITERATIONS - 1));
    expect(st.events).toHaveLength(ITERATIONS - 1);
    expect(new Set(st.events.map((e) => e.vector))).toEqual(new Set(['0x5f00']));
  });

  it('stops in any slot when the step budget ends inside a region, and resumes exactly', () => {
    // A loop with a break fault and its handler each round (the bench's interruption loop,
    // small): one run to the end against runs of 1-7 steps at a time.
    const src = `
	movl r2=ivt
	;;
	mov cr.iva=r2
	;;
	ssm psr.ic
	;;
	srlz.d
	mov r20=${ITERATIONS}
	mov r8=0
	mov r10=3
	;;
outer:
	mov r9=4
	;;
1:
	{ .mii
	add r8=r8,r10
	adds r9=-1,r9
	shladd r11=r10,2,r11 ;; }
	{ .mib
	xor r12=r12,r8
	cmp.ne p6,p0=r0,r9
	(p6) br.cond.sptk.few 1b ;; }
	{ .mii
	adds r20=-1,r20
	nop.i 0
	break.i 1 ;; }
	{ .mib
	nop.m 0
	cmp.ne p7,p0=r0,r20
	(p7) br.cond.sptk.few outer ;; }
	break.i 0
	;;
	.align 32768
ivt:
	.skip 0x2c00
	mov r16=cr.iip
	mov r17=cr.ipsr
	;;
	adds r16=16,r16
	dep r17=0,r17,41,2
	adds r21=1,r21
	;;
	mov cr.iip=r16
	mov cr.ipsr=r17
	;;
	rfi
	;;
`;
    const { st, elf } = runAsm(src, { maxSteps: 1_000_000 });
    expect(st.halted).toBe(true);
    expect(gr(st, 8)).toBe(BigInt(ITERATIONS * 4 * 3));
    expect(gr(st, 21)).toBe(BigInt(ITERATIONS));
    const chunked = new Emulator({ keepEvents: true });
    chunked.loadElf(workdir().read(elf));
    for (let k = 0; !chunked.machine.halted && chunked.machine.steps < 1_000_000; k++)
      chunked.run(chunked.machine.steps + 1 + (k % 7));
    expect(chunked.recordedState()).toEqual(st);
  });
});
