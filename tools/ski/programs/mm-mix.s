// mix1/2/4 (.l/.r) and unpack1/2/4 (.h/.l): element interleaving of r2 and r3.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x8877665544332211
	movl r3=0xffeeddccbbaa9988
	;;
	mix1.l r4=r2,r3
	mix1.r r5=r2,r3
	mix2.l r6=r2,r3
	;;
	mix2.r r7=r2,r3
	mix4.l r8=r2,r3
	mix4.r r9=r2,r3
	;;
	unpack1.h r10=r2,r3
	unpack1.l r11=r2,r3
	unpack2.h r12=r2,r3
	;;
	unpack2.l r13=r2,r3
	unpack4.h r14=r2,r3
	unpack4.l r15=r2,r3
	;;
	break.i 0
	;;
