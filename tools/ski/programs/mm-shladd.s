// Parallel shift left/right and add with signed saturation (pshladd2, pshradd2).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x2000fff001000001
	movl r3=0x000180007fff0001
	;;
	pshladd2 r4=r2,2,r3
	pshradd2 r5=r2,2,r3
	pshladd2 r6=r2,1,r3
	;;
	pshradd2 r7=r2,3,r3
	pshladd2 r8=r3,3,r2
	pshradd2 r9=r3,1,r2
	;;
	break.i 0
	;;
