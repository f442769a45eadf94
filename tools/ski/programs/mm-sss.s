// Signed-saturating parallel add/subtract (.sss): each element clipped to the signed limits.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x80007fff0001fffe
	movl r3=0x0001ffff80000002
	;;
	padd1.sss r4=r2,r3
	padd2.sss r5=r2,r3
	psub1.sss r6=r2,r3
	;;
	psub2.sss r7=r2,r3
	padd2.sss r8=r2,r2
	psub2.sss r9=r3,r2
	;;
	break.i 0
	;;
