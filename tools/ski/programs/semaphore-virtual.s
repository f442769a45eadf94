// Semaphores through translation registers: on a read-only page cmpxchg, xchg and fetchadd
// take the Data Access Rights fault with ISR.r and ISR.w; on a page with the dirty bit clear
// the Dirty Bit fault; on a read-write page they work.
	.include "lib/ivt.inc"
	.include "lib/vm.inc"

	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	ITIR16K
	MAP16K 1, 0, (1 | (1 << 5) | (1 << 6) | (2 << 9))
	MAP16K 2, 1, (1 | (1 << 5) | (1 << 6) | (0 << 9))
	MAP16K 3, 2, (1 | (1 << 5) | (2 << 9))
	DT_ON
	movl r8=0x2000000000600000
	movl r9=0x2000000000604000
	movl r10=0x2000000000608000
	mov r11=5
	;;
	st8 [r8]=r11
	mov ar.ccv=r11
	;;
	cmpxchg8.acq r12=[r8],r10,ar.ccv
	;;
	fetchadd8.rel r13=[r8],-4
	;;
	xchg8 r14=[r9],r11
	;;
	cmpxchg4.acq r15=[r9],r11,ar.ccv
	;;
	fetchadd4.acq r16=[r10],8
	;;
	mov r17=1
	ld8 r18=[r8]
	;;
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
