// Parallel subtract (psub1/2/4 modulo, .uuu, .uus): borrows stay inside each element.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x017f80ff1020fe00
	movl r3=0x01018001f0100300
	;;
	psub1 r4=r2,r3
	psub1.uuu r5=r2,r3
	psub1.uus r6=r2,r3
	;;
	psub2 r7=r2,r3
	psub2.uuu r8=r2,r3
	psub2.uus r9=r2,r3
	;;
	psub4 r10=r2,r3
	psub1.uus r11=r3,r2
	psub2.uuu r12=r3,r2
	;;
	break.i 0
	;;
