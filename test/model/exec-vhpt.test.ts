// The VHPT walker (model/exec/vhpt.ts) on the model alone: a hot loop whose every load misses
// the TLB and is translated by a walk (so the inserts happen inside compiled regions, and the
// 64-entry TC keeps evicting), checked against its sum and against a slot-by-slot run; and
// the short-format thash against the SDM formula. The Ski programs tools/ski/programs/vhpt-*
// check the walker's faults and formats against Ski.
import { afterAll, describe, expect, it } from 'vitest';
import { Emulator } from '../../model/emulator.js';
import { REGION_AFTER } from '../../model/exec/region.js';
import { TC_CAPACITY } from '../../model/exec/tlb.js';
import { disposeWorkdir, gr, runAsm, workdir } from './harness.js';

afterAll(disposeWorkdir);

const PAGES = 100;
const PASSES = 2;
const PAGE = 0x4000n;
/** Region 1: region id 0x99, 16 KiB pages, walker enabled (ve). */
const RR1 = (0x99n << 8n) | (14n << 2n) | 1n;
const PTE_RW = 1n | (1n << 5n) | (1n << 6n) | (2n << 9n);

// Page k of region 1 maps (through its short-format VHPT entry at 0x800000 + 8k) to physical
// 0x400000 + 16 KiB * k, which holds k. The VHPT is mapped by DTR 0; the loop loads every page
// PASSES times with PSR.dt = PSR.ic = 1.
const WALK_LOOP = `
	movl r2=0x2000000000000000
	movl r3=${RR1}
	;;
	mov rr[r2]=r3
	movl r10=0x800000
	movl r11=${0x400000n | PTE_RW}
	movl r12=0x400000
	movl r15=${PAGE}
	mov r13=0
	mov r14=${PAGES}
	;;
fill:
	st8 [r10]=r11,8
	st8 [r12]=r13
	add r11=r11,r15
	add r12=r12,r15
	adds r13=1,r13
	adds r14=-1,r14
	;;
	cmp.ne p7,p0=r0,r14
(p7)	br.cond.sptk.few fill
	;;
	movl r4=0x2000000000800000
	mov r5=(16 << 2)
	movl r6=${0x800000n | PTE_RW}
	mov r7=0
	movl r8=${0x800000n | (15n << 2n) | 1n}
	;;
	mov cr.pta=r8
	mov cr.ifa=r4
	mov cr.itir=r5
	;;
	srlz.d
	;;
	itr.d dtr[r7]=r6
	;;
	ssm psr.dt|psr.ic
	;;
	srlz.d
	;;
	mov r21=0
	mov r24=${PASSES}
	;;
pass:
	movl r20=0x2000000000000000
	mov r22=${PAGES}
	;;
loop:
	ld8 r23=[r20]
	;;
	add r21=r21,r23
	add r20=r20,r15
	adds r22=-1,r22
	;;
	cmp.ne p7,p0=r0,r22
(p7)	br.cond.sptk.few loop
	;;
	adds r24=-1,r24
	;;
	cmp.ne p7,p0=r0,r24
(p7)	br.cond.sptk.few pass
	;;`;

describe('VHPT walker', () => {
  it('translates every load of a hot loop by walks, inside compiled regions', () => {
    expect(PAGES).toBeGreaterThan(TC_CAPACITY); // the TC evicts: the second pass walks again
    expect(PAGES).toBeGreaterThan(4 * REGION_AFTER); // the loop runs as a region
    const { st, emu } = runAsm(WALK_LOOP);
    expect(st.halted).toBe(true);
    expect(st.events).toEqual([]);
    const sumOfPages = BigInt((PAGES * (PAGES - 1)) / 2);
    expect(gr(st, 21)).toBe(BigInt(PASSES) * sumOfPages);
    // The data TC is full of walker inserts: the last pages of region 1, 16 KiB each.
    const tc = emu.machine.dtlb.tc;
    expect(tc.length).toBe(TC_CAPACITY);
    expect(tc.every((e) => e.rid === 0x99 && e.ps === 14)).toBe(true);
    expect(tc.at(-1)!.vpn).toBe(BigInt(PAGES - 1) * PAGE);
  });

  it('gives the same state slot by slot as in compiled regions', () => {
    const { st, elf } = runAsm(WALK_LOOP);
    const stepped = new Emulator({ keepEvents: true });
    stepped.loadElf(workdir().read(elf));
    while (!stepped.machine.halted && stepped.machine.steps < 100000) stepped.step();
    const one = stepped.recordedState();
    expect(one.steps).toBe(st.steps);
    expect(one.gr).toEqual(st.gr);
    expect(one.events).toEqual(st.events);
  });

  it('short-format thash: region of the address, PTA base above the size, 8 bytes per page', () => {
    const va = 0x2000000012345678n;
    const base = 0xa00000n,
      size = 16n;
    const { st } = runAsm(`
	movl r2=0x2000000000000000
	movl r3=${RR1}
	movl r4=${base | (size << 2n) | 1n}
	;;
	mov rr[r2]=r3
	mov cr.pta=r4
	movl r5=${va}
	;;
	srlz.d
	;;
	thash r8=r5
	;;`);
    // SDM vol 2, short-format VHPT hash: (va{63:61} << 61) | (PTA.base & ~mask) | ((va >> RR.ps) << 3 & mask).
    const mask = (1n << size) - 1n;
    const expected = (va & (7n << 61n)) | (base & ~mask) | ((((va & ((1n << 61n) - 1n)) >> 14n) << 3n) & mask);
    expect(gr(st, 8)).toBe(expected);
  });
});
