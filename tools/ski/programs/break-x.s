// break.x with a 62-bit immediate: a Break Instruction fault whose IIM holds only the low 21
// bits of imm62 (SDM vol 3, break: immediate = zero_ext(imm62, 21)).
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
