// xchg2 on an aligned halfword: returns the old halfword, zero-extended, and stores the new.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300004
	mov r3=0x1234
	;;
	st2 [r2]=r3
	mov r4=0x5678
	;;
	xchg2 r5=[r2],r4
	;;
	ld2 r6=[r2]
	;;
	break.i 0
	;;
