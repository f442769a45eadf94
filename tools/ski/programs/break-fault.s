// A Break Instruction fault (vector 0x2c00) in each slot of a bundle; the handler reads IIM
// and resumes after the break with rfi.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=1
	;;
	{ .mii
	break.m 0x1234
	mov r3=2
	nop.i 0
	}
	;;
	mov r28=cr.iim
	;;
	{ .mii
	nop.m 0
	break.i 0x55
	mov r4=3
	}
	;;
	mov r29=cr.iim
	;;
	mov r30=cr.iim
	mov r6=5
	;;
	break.i 0
	;;
