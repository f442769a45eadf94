// PSR.be: big-endian loads and stores of 1-8 bytes (with post-increment); the same memory read
// back little-endian. Instruction fetch stays little-endian.
	.include "lib/ivt.inc"
	.data
	.align 16
buf:	data8 0x0807060504030201, 0x100f0e0d0c0b0a09, 0, 0
	.text
	.global _start
_start:
	START
	movl r2=buf
	movl r3=0x1122334455667788
	;;
	sum psr.be
	;;
	ld8 r4=[r2]
	ld4 r5=[r2]
	ld2 r6=[r2]
	;;
	ld1 r7=[r2]
	adds r20=16,r2
	;;
	st8 [r20]=r3,8
	;;
	st4 [r20]=r3,4
	;;
	st2 [r20]=r3,2
	;;
	st1 [r20]=r3
	;;
	rum psr.be
	;;
	adds r21=16,r2
	;;
	ld8 r8=[r21],8
	;;
	ld8 r9=[r21]
	;;
	break.i 0
	;;
