// Break Instruction faults from each unit with nonzero immediates: IIM is the immediate
// (break.m, break.i, break.f), and 0 for break.b (break.x: break-x.s).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	break.m 0x1fffff
	;;
	mov r2=1
	break.i 0x12345
	;;
	{ .mfi
	nop.m 0
	break.f 0x54321
	nop.i 0
	}
	;;
	{ .mib
	nop.m 0
	nop.i 0
	break.b 0x1abcd
	}
	;;
	mov r3=2
	break.i 0
	;;
