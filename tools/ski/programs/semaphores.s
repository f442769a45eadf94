// cmpxchg (equal and not equal to ar.ccv, each size), xchg, fetchadd (each increment sign),
// and a misaligned cmpxchg (Unaligned Data Reference whatever PSR.ac).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	movl r3=0x8877665544332211
	;;
	st8 [r2]=r3
	mov r4=0x11
	;;
	mov ar.ccv=r4
	mov r5=0x99
	;;
	cmpxchg1.acq r6=[r2],r5,ar.ccv
	;;
	ld8 r7=[r2]
	;;
	cmpxchg1.rel r8=[r2],r5,ar.ccv
	mov r9=0x3399
	;;
	mov ar.ccv=r9
	;;
	cmpxchg2.acq r10=[r2],r0,ar.ccv
	;;
	ld8 r11=[r2]
	movl r12=0x44330000
	;;
	mov ar.ccv=r12
	;;
	cmpxchg4.acq r13=[r2],r3,ar.ccv
	;;
	ld8 r14=[r2]
	;;
	mov ar.ccv=r14
	;;
	cmpxchg8.rel r15=[r2],r4,ar.ccv
	;;
	xchg8 r16=[r2],r3
	;;
	fetchadd8.acq r17=[r2],16
	;;
	fetchadd4.rel r18=[r2],-1
	;;
	fetchadd4.acq r19=[r2],-8
	;;
	ld8 r20=[r2]
	adds r21=2,r2
	;;
	xchg4 r22=[r21],r0
	;;
	cmpxchg8.acq r28=[r21],r0,ar.ccv
	;;
	mov r29=1
	break.i 0
	;;
