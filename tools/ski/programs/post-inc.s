// Load and store post-increment forms: register increment, immediate increments at the
// limits (-256, 248: aligned, see README), and store post-increment by -8 (gas refuses ld with r1 = r3).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300100
	movl r3=0x1122334455667788
	mov r4=16
	;;
	st8 [r2]=r3,-8
	;;
	st4 [r2]=r3,248
	;;
	adds r2=-248,r2
	;;
	ld8 r5=[r2],r4
	;;
	ld4 r6=[r2],-256
	;;
	ld2.acq r7=[r2],8
	;;
	ld1 r8=[r2],-2
	;;
	st2.rel [r2]=r3
	mov r9=r2
	;;
	mov r10=1
	break.i 0
	;;
