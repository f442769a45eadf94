// pack2.uss: signed halfwords narrowed to unsigned bytes with saturation, r2 into the low half.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x0080ff7f0005fffb
	movl r3=0x7fff800000010000
	;;
	pack2.uss r7=r2,r3
	;;
	pack2.uss r10=r3,r2
	;;
	break.i 0
	;;
