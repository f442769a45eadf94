// Parallel multiply (pmpy2.l/.r) and multiply-shift-right (pmpyshr2, .u) with every count.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x0003fffe0002ffff
	movl r3=0x0004000500068000
	;;
	pmpy2.r r4=r2,r3
	pmpy2.l r5=r2,r3
	pmpyshr2 r6=r2,r3,0
	;;
	pmpyshr2 r7=r2,r3,7
	pmpyshr2 r8=r2,r3,15
	pmpyshr2 r9=r2,r3,16
	;;
	pmpyshr2.u r10=r2,r3,0
	pmpyshr2.u r11=r2,r3,7
	pmpyshr2.u r12=r2,r3,15
	;;
	pmpyshr2.u r13=r2,r3,16
	;;
	break.i 0
	;;
