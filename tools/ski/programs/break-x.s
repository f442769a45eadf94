// break.x with a 62-bit immediate: a Break Instruction fault; which bits IIM holds is listed
// in known-divergences.ts (Ski: the low 21).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	{ .mlx
	nop.m 0
	break.x 0x3fffffffffffffff
	}
	;;
	mov r3=2
	break.i 0
	;;
