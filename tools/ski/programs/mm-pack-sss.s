// pack2.sss / pack4.sss: signed elements narrowed to signed halves with saturation.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x0080ff7f0005fffb
	movl r3=0x7fff800000010000
	;;
	pack2.sss r4=r2,r3
	pack2.sss r5=r3,r2
	movl r6=0x00008000fffffffe
	movl r7=0xffff000000000003
	;;
	pack4.sss r8=r6,r7
	pack4.sss r9=r7,r6
	;;
	break.i 0
	;;
