// hint.b executes as a nop. gas refuses to assemble hint.b, so its bundle (nop.m 0, nop.i 0,
// hint.b 0x1234 in an MIB bundle) is written as data in the text section.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r4=1
	;;
	.align 16
	data8 0x0000000100000010, 0x2004024680000200
	mov r5=2
	;;
	break.i 0
	;;
