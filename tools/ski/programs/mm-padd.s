// Parallel add (padd1/2/4 modulo, .uuu, .uus): carries stay inside each element.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x017f80ff1020fe00
	movl r3=0x01018001f0100300
	;;
	padd1 r4=r2,r3
	padd1.uuu r5=r2,r3
	padd1.uus r6=r2,r3
	;;
	padd2 r7=r2,r3
	padd2.uuu r8=r2,r3
	padd2.uus r9=r2,r3
	;;
	padd4 r10=r2,r3
	padd1.uus r11=r3,r2
	padd2.uus r12=r3,r2
	;;
	break.i 0
	;;
