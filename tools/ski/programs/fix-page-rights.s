// Page access rights of TLB.ar 4-6 (SDM vol 2 Table 4-3 "Page Access Rights"), checked with
// the regular probe at every privilege level (probe uses max(cpl, r2{1:0})): ar 4 gives R at
// cpl = pl and RW below it and at cpl 0 (so RW at pl 0); ar 5 RX at every level up to pl, RWX
// at cpl 0 only; ar 6 RWX at cpl = pl, RW below it. r10 collects probe.w, r12 probe.r, four
// bits per page (levels 0-3). Then st8 with PSR.dt = 1 to an ar 4, pl 0 page at cpl 0 whose
// dirty bit is 0: the rights allow the write, so the fault is Data Dirty Bit (0x2000), not
// Data Access Rights. Found by the random differential test (seed 5326).
	.include "lib/ivt.inc"
	.include "lib/vm.inc"

	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	ITIR16K
	MAP16K 0, 0, (1 | (1 << 5) | (1 << 6) | (0 << 7) | (4 << 9))
	MAP16K 1, 1, (1 | (1 << 5) | (1 << 6) | (2 << 7) | (4 << 9))
	MAP16K 2, 2, (1 | (1 << 5) | (1 << 6) | (2 << 7) | (5 << 9))
	MAP16K 3, 3, (1 | (1 << 5) | (1 << 6) | (2 << 7) | (6 << 9))
	MAP16K 4, 4, (1 | (1 << 5) | (0 << 7) | (4 << 9))
	ssm psr.ic
	;;
	srlz.d
	;;
	mov r10=0
	mov r12=0
	;;
	movl r8=0x2000000000600000 + 0 * 0x4000 + 0x40
	;;
	mov r9=0
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,0,1
	dep r12=r13,r12,0,1
	;;
	mov r9=1
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,1,1
	dep r12=r13,r12,1,1
	;;
	mov r9=2
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,2,1
	dep r12=r13,r12,2,1
	;;
	mov r9=3
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,3,1
	dep r12=r13,r12,3,1
	;;
	movl r8=0x2000000000600000 + 1 * 0x4000 + 0x40
	;;
	mov r9=0
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,4,1
	dep r12=r13,r12,4,1
	;;
	mov r9=1
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,5,1
	dep r12=r13,r12,5,1
	;;
	mov r9=2
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,6,1
	dep r12=r13,r12,6,1
	;;
	mov r9=3
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,7,1
	dep r12=r13,r12,7,1
	;;
	movl r8=0x2000000000600000 + 2 * 0x4000 + 0x40
	;;
	mov r9=0
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,8,1
	dep r12=r13,r12,8,1
	;;
	mov r9=1
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,9,1
	dep r12=r13,r12,9,1
	;;
	mov r9=2
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,10,1
	dep r12=r13,r12,10,1
	;;
	mov r9=3
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,11,1
	dep r12=r13,r12,11,1
	;;
	movl r8=0x2000000000600000 + 3 * 0x4000 + 0x40
	;;
	mov r9=0
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,12,1
	dep r12=r13,r12,12,1
	;;
	mov r9=1
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,13,1
	dep r12=r13,r12,13,1
	;;
	mov r9=2
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,14,1
	dep r12=r13,r12,14,1
	;;
	mov r9=3
	;;
	probe.w r11=r8,r9
	probe.r r13=r8,r9
	;;
	dep r10=r11,r10,15,1
	dep r12=r13,r12,15,1
	;;
	DT_ON
	movl r8=0x2000000000600000 + 4 * 0x4000 + 0x80
	mov r14=5
	;;
	st8 [r8]=r14
	;;
	mov r15=r24
	mov r3=2
	break.i 0
	;;
