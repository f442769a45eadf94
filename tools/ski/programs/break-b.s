// A Break Instruction fault from the B unit: the SDM puts 0 in IIM for break.b (the
// immediate is ignored), unlike the M, I and F forms.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	{ .mib
	nop.m 0
	mov r5=4
	break.b 0x1ffff
	}
	;;
	mov r30=cr.iim
	mov r6=5
	;;
	break.i 0
	;;
