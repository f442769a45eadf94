// PSR.ss = 1 (entered by rfi; ssm cannot reach bit 40): every instruction that completes
// raises the Single Step trap (0x6000) with IIP/ri = the next instruction and ISR.ei = the
// trapped slot. The handler resumes after IIP's instruction, so the instructions alternate:
// one runs and traps, the next is skipped, until a break 0 runs.
	.include "lib/ivt.inc"
	.section .ivt,"ax"
	VEC 0x6000		// lib/ivt.inc's table stops at 0x5f00
	.text
	.global _start
_start:
	START
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=ss
	mov r3=psr
	;;
	dep r3=-1,r3,40,1
	;;
	dep r3=-1,r3,13,1
	;;
	mov cr.iip=r2
	mov cr.ipsr=r3
	mov cr.ifs=r0
	;;
	rfi
	;;
ss:
	mov r4=1		// runs, traps (ei 0)
	mov r5=2		// skipped
	mov r6=3		// runs, traps (ei 2)
	;;
	mov r7=4		// skipped
	mov r8=5		// runs, traps (ei 1)
	mov r9=6		// skipped
	;;
	break.m 0		// runs: the halt
	nop.i 0
	nop.i 0
	;;
