// The page is written first: a semaphore on a page Ski never allocated returns an undefined
// value there (a Ski defect, not compared).
// Semaphore faults: a NaT address or value (NaT Consumption with ISR.r and w), a misaligned
// fetchadd and xchg (Unaligned Data Reference whatever PSR.ac), a misaligned st8.spill.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	;;
	st8 [r2]=r0,8
	;;
	st8 [r2]=r0,-8
	;;
	ld8.s r3=[r2]
	adds r4=4,r2
	;;
	cmpxchg8.acq r5=[r3],r2,ar.ccv
	;;
	xchg8 r6=[r2],r3
	;;
	fetchadd8.acq r7=[r4],1
	;;
	xchg4 r8=[r4],r2
	;;
	fetchadd4.rel r9=[r4],4
	;;
	st8.spill [r4]=r2
	;;
	mov r10=1
	break.i 0
	;;
