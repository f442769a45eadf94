// Parallel average (pavg, pavg.raz) and average difference (pavgsub), 1- and 2-byte elements.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x0001fffe03800002
	movl r3=0x0101ffff047f0005
	;;
	pavg1 r4=r2,r3
	pavg1.raz r5=r2,r3
	pavgsub1 r6=r2,r3
	;;
	pavg2 r7=r2,r3
	pavg2.raz r8=r2,r3
	pavgsub2 r9=r2,r3
	;;
	pavgsub1 r10=r3,r2
	pavgsub2 r11=r3,r2
	;;
	break.i 0
	;;
