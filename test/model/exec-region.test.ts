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
  it('computes the inline instructions as their closures do (carries, signs, NaT, predicates, closures between)', () => {
    // Every instruction the region writes out inline (region-inline.ts), on values that cross
    // the 32-bit and sign boundaries, with a NaT operand part of the time, predicated, and with
    // closures (extr, thash, st8/ld8) that read and write the same registers between them. The
    // run with regions must end in the same state as a run in one-step budgets (closures only).
    const src = `
	movl r14=0x7ffffffffffffff0
	movl r15=0xfffffffffffffffe
	movl r5=data
	mov r16=1
	mov r17=-5
	mov r9=${ITERATIONS}
	;;
loop:
	shladd r16=r16,2,r16 ;;
	adds r16=0x1235,r16 ;;
	shladd r17=r17,1,r16 ;;
	xor r17=r17,r14 ;;
	add r14=r14,r16 ;;
	sub r15=r15,r17 ;;
	shladd r6=r16,3,r17 ;;
	shladd r7=r17,4,r16 ;;
	add r6=r6,r7 ;;
	and r18=r14,r15 ;;
	andcm r19=r14,r15 ;;
	or r20=r18,r19 ;;
	xor r21=r20,r17 ;;
	and r22=0x7f,r21 ;;
	or r23=-8,r22 ;;
	xor r24=5,r23 ;;
	andcm r25=3,r24 ;;
	shladd r26=r14,1,r15 ;;
	shladd r27=r15,4,r14 ;;
	movl r28=0x8000000000000001 ;;
	add r29=r28,r14 ;;
	sub r3=r3,r14 ;;
	add r4=r4,r4 ;;
	adds r4=1,r4 ;;
	cmp.eq p14,p0=${ITERATIONS - 40},r9 ;;
	cmp.eq p15,p0=${ITERATIONS - 70},r9 ;;
	(p14) movl r2=0x0800000000000000 ;;
	(p14) thash r13=r2 ;;
	(p15) adds r13=7,r0 ;;
	add r12=r16,r13 ;;
	cmp.lt p6,p7=r12,r16 ;;
	(p6) adds r30=1,r30 ;;
	(p7) adds r31=1,r31 ;;
	cmp.lt p6,p7=r14,r15 ;;
	(p6) shladd r30=r30,1,r4 ;;
	(p7) adds r31=3,r31 ;;
	cmp.ltu p8,p9=r14,r15 ;;
	(p8) add r30=r30,r21 ;;
	(p9) sub r31=r31,r22 ;;
	cmp4.lt p10,p11=r14,r15 ;;
	(p10) xor r30=r30,r26 ;;
	(p11) xor r31=r31,r27 ;;
	cmp.lt p12,p13=5,r21 ;;
	(p12) adds r30=7,r30 ;;
	(p13) adds r31=9,r31 ;;
	cmp4.ltu p12,p13=-3,r17 ;;
	(p12) adds r30=11,r30 ;;
	(p13) adds r31=13,r31 ;;
	cmp4.eq p12,p13=r22,r23 ;;
	(p12) adds r30=17,r30 ;;
	(p13) adds r31=19,r31 ;;
	extr r7=r16,0,40 ;;
	add r6=r6,r7 ;;
	st8 [r5]=r14 ;;
	ld8 r11=[r5] ;;
	xor r10=r11,r29 ;;
	adds r9=-1,r9 ;;
	cmp.ne p1,p0=r0,r9 ;;
	(p1) br.cond.sptk.few loop ;;
`;
    const { st, elf } = runAsm(src, { maxSteps: 1_000_000, data: '\t.skip 64', valen: 52 });
    expect(st.halted).toBe(true);
    expect(gr(st, 9)).toBe(0n);
    // The loop's values moved (not a program that computes nothing).
    expect(gr(st, 30)).not.toBe(0n);
    expect(gr(st, 31)).not.toBe(0n);
    const stepped = new Emulator({ keepEvents: true, valen: 52 });
    stepped.loadElf(workdir().read(elf));
    while (!stepped.machine.halted && stepped.machine.steps < 1_000_000) stepped.run(stepped.machine.steps + 1);
    expect(stepped.recordedState()).toEqual(st);
  });
  it('keeps nested loops, an if/else inside a loop and a branch into a loop body exact', () => {
    // Structured regions (region-shape.ts): an inner loop in an outer one, a forward branch
    // inside the inner loop (a block), and once a branch from outside into the inner loop's
    // middle (no structured form: the region leaves there). Run whole, in one-step budgets (no
    // region) and in budgets of 1-7 steps (regions stopped anywhere): the same end state, and
    // r8 as the loop computes it.
    const src = `
	mov r8=1
	mov r9=${ITERATIONS}
	;;
outer:
	mov r10=4
	;;
inner:
	and r11=1,r10 ;;
	cmp.eq p6,p7=0,r11 ;;
	(p6) br.cond.sptk.few even ;;
	adds r8=3,r8 ;;
	(p7) br.cond.sptk.few join ;;
even:
	shladd r8=r8,1,r0 ;;
join:
	adds r10=-1,r10 ;;
	cmp.ne p8,p0=r0,r10 ;;
	(p8) br.cond.sptk.few inner ;;
	adds r9=-1,r9 ;;
	cmp.eq p9,p0=50,r9 ;;
	(p9) mov r10=2 ;;
	(p9) br.cond.sptk.few join ;;
	cmp.ne p10,p0=r0,r9 ;;
	(p10) br.cond.sptk.few outer ;;
`;
    let r8 = 1n;
    for (let r9 = ITERATIONS; r9 !== 0; ) {
      let r10 = 4,
        skip = false;
      for (;;) {
        if (!skip) r8 = r10 % 2 === 0 ? BigInt.asUintN(64, r8 << 1n) : r8 + 3n;
        skip = false;
        if (--r10 !== 0) continue;
        if (--r9 === 50) {
          r10 = 2;
          skip = true;
          continue;
        }
        break;
      }
    }
    const { st, elf } = runAsm(src, { maxSteps: 1_000_000 });
    expect(st.halted).toBe(true);
    expect(gr(st, 8)).toBe(r8);
    const stepped = new Emulator({ keepEvents: true });
    stepped.loadElf(workdir().read(elf));
    while (!stepped.machine.halted && stepped.machine.steps < 1_000_000) stepped.run(stepped.machine.steps + 1);
    expect(stepped.recordedState()).toEqual(st);
    const chunked = new Emulator({ keepEvents: true });
    chunked.loadElf(workdir().read(elf));
    for (let k = 0; !chunked.machine.halted && chunked.machine.steps < 1_000_000; k++)
      chunked.run(chunked.machine.steps + 1 + (k % 7));
    expect(chunked.recordedState()).toEqual(st);
  });
});
