// Semaphores through translation registers: on a read-only page cmpxchg, xchg and fetchadd
// take the Data Access Rights fault with ISR.r and ISR.w; on a page with the dirty bit clear
// the Dirty Bit fault; on a read-write page they work.
	.include "lib/ivt.inc"

	.macro MAP slot, k, bits
	movl r4=0x2000000000600000 + \k * 0x4000
	movl r6=(0x600000 + \k * 0x4000) | \bits
	mov r7=\slot
	;;
	mov cr.ifa=r4
	;;
	srlz.d
	;;
	itr.d dtr[r7]=r6
	;;
	.endm

	.text
	.global _start
_start:
	START
	movl r2=0x2000000000000000
	mov r3=(0x99 << 8) | (14 << 2)
	;;
	mov rr[r2]=r3
	;;
	srlz.d
	;;
	rsm psr.ic
	;;
	srlz.d
	;;
	mov r5=(14 << 2)
	;;
	mov cr.itir=r5
	;;
	MAP 1, 0, (1 | (1 << 5) | (1 << 6) | (2 << 9))
	MAP 2, 1, (1 | (1 << 5) | (1 << 6) | (0 << 9))
	MAP 3, 2, (1 | (1 << 5) | (2 << 9))
	ssm psr.ic|psr.dt
	;;
	srlz.d
	;;
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
