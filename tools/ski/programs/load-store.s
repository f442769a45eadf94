// Loads and stores of 1 to 8 bytes in physical mode, with post-increment and sign/zero sizes.
	.include "lib/ivt.inc"
	.data
buf:	.skip 64
	.text
	.global _start
_start:
	START
	movl r2=buf
	movl r3=0x8877665544332211
	;;
	st8 [r2]=r3,8
	;;
	st4 [r2]=r3,4
	;;
	st2 [r2]=r3,2
	;;
	st1 [r2]=r3
	movl r4=buf
	;;
	ld8 r5=[r4],8
	;;
	ld4 r6=[r4],4
	;;
	ld2 r7=[r4],2
	;;
	ld1 r8=[r4]
	movl r9=buf+8
	;;
	ld8 r10=[r9]
	movl r11=buf
	;;
	ld1 r12=[r11],1
	;;
	ld1 r13=[r11],r2
	;;
	break.i 0
	;;
