// Data breakpoints on writes and semaphores: a write-only pair leaves loads alone and stops
// stores (ISR.w) and semaphores (xchg, cmpxchg, fetchadd: ISR.r and w); a read-only pair
// stops the semaphores too. The stopped references write nothing.
	.include "lib/ivt.inc"
	.data
	.align 64
buf:	data8 1, 2, 3, 4, 5, 6, 7, 8
	.text
	.global _start
_start:
	START
	movl r10=buf
	movl r4=(1 << 62) | (1 << 56) | 0xffffffffffffff	// w, plm pl 0, exact
	movl r5=(1 << 63) | (1 << 56) | 0xffffffffffffff	// r, plm pl 0, exact
	;;
	adds r2=16,r10
	mov r3=0
	;;
	mov dbr[r3]=r2
	mov r3=1
	;;
	mov dbr[r3]=r4
	adds r2=32,r10
	mov r3=2
	;;
	mov dbr[r3]=r2
	mov r3=3
	;;
	mov dbr[r3]=r5
	mov r28=psr
	movl r29=1 << 24
	;;
	or r28=r28,r29
	mov r20=99
	;;
	mov psr.l=r28
	;;
	srlz.d
	adds r11=16,r10
	adds r12=32,r10
	;;
	ld8 r6=[r11]		// write-only pair: no match
	;;
	st8 [r11]=r20		// hit, ISR.w
	;;
	xchg8 r7=[r11],r20	// hit, ISR.r|w
	;;
	mov ar.ccv=r0
	;;
	cmpxchg8.acq r8=[r11],r20,ar.ccv	// hit
	;;
	fetchadd8.acq r9=[r11],1	// hit
	;;
	st8 [r12]=r20		// read-only pair: a store does not match
	;;
	xchg8 r13=[r12],r20	// read-only pair: a semaphore matches
	;;
	ld8 r14=[r11]
	ld8 r15=[r12]
	;;
	break.i 0
	;;
