// NaT propagation of the multimedia instructions: the target's NaT is the OR of the sources read.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r3=0x0102030405060708
	;;
	ld8.s r20=[r0]
	;;
	padd1 r4=r20,r3
	popcnt r5=r20
	mux1 r6=r3,@rev
	;;
	pshr2 r7=r3,r20
	pshl2 r8=r20,1
	mix1.l r9=r3,r20
	;;
	czx1.l r10=r20
	pmpy2.r r11=r3,r3
	;;
	break.i 0
	;;
