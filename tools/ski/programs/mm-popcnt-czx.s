// popcnt and czx1/czx2 (.l/.r): population count, first zero element from either side.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0xf0f0000000000001
	movl r3=0x1200340000000000
	mov r20=-1
	;;
	popcnt r4=r2
	popcnt r5=r20
	popcnt r6=r0
	;;
	czx1.l r7=r3
	czx1.r r8=r3
	czx2.l r9=r2
	;;
	czx2.r r10=r3
	czx1.l r11=r20
	czx2.r r12=r20
	;;
	czx1.r r13=r2
	;;
	break.i 0
	;;
