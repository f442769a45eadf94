// Semaphore edge values: ar.ccv with bits above the compared size never matches a smaller
// cmpxchg; fetchadd4 wraps at 32 bits and returns the old value zero-extended; xchg1 stores
// only the low byte.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	mov r3=-1
	;;
	st8 [r2]=r3
	movl r4=0x1ffffffff
	;;
	mov ar.ccv=r4
	;;
	cmpxchg4.acq r5=[r2],r0,ar.ccv
	;;
	ld8 r6=[r2]
	fetchadd4.acq r7=[r2],1
	;;
	ld8 r8=[r2]
	movl r9=0xabcd
	;;
	xchg1 r10=[r2],r9
	;;
	ld8 r11=[r2]
	mov r12=0xcd
	;;
	mov ar.ccv=r12
	;;
	cmpxchg1.rel r13=[r2],r3,ar.ccv
	;;
	ld8 r14=[r2]
	fetchadd8.rel r15=[r2],-16
	;;
	ld8 r16=[r2]
	;;
	break.i 0
	;;
