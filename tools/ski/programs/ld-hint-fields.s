// Loads and stores whose hint bits name the completers objdump prints as .d1-.d7 (bit 19 of
// the unused register field above the 2-bit hint) or whose unused field holds other bits (gas
// never writes them, so the bundles are data): they execute as the plain access.
	.include "lib/ivt.inc"
	.data
	.align 16
buf:	data8 0, 0
	.text
	.global _start
_start:
	START
	movl r2=buf
	movl r9=0x1122334455667788
	;;
	.align 16
	data8 0x119a04261809, 0x4000000000200
	data8 0x3860101c05142809, 0x4000000203008
	;;
	break.i 0
	;;
