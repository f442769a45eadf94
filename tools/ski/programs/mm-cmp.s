// Parallel compare (pcmp eq/gt), minimum/maximum (pmin1.u, pmax1.u, pmin2, pmax2), psad1.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x800000017fff0000
	movl r3=0x7fff000080000000
	;;
	pcmp1.eq r4=r2,r3
	pcmp2.eq r5=r2,r3
	pcmp4.eq r6=r2,r2
	;;
	pcmp1.gt r7=r2,r3
	pcmp2.gt r8=r2,r3
	pcmp4.gt r9=r3,r2
	;;
	pmin1.u r10=r2,r3
	pmax1.u r11=r2,r3
	pmin2 r12=r2,r3
	;;
	pmax2 r13=r2,r3
	psad1 r14=r2,r3
	psad1 r15=r3,r2
	;;
	break.i 0
	;;
