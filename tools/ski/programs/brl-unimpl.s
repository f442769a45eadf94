// config: palen=40
// brl to an unimplemented physical address (bit 40 set, palen 40) with translation off: the
// Unimplemented Instruction Address trap, taken on the brl, with IIP = the target.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r23=back
	;;
	{ .mlx
	nop.m 0
	brl.sptk.many _start+0x10000000000
	}
	;;
back:
	mov r3=1
	;;
	break.i 0
	;;
