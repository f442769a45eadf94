// ITM (SDM vol 2 §3.3.4.2) holds any 64-bit value; with ITV.m = 1 a match pends nothing (Ski's
// ITC runs on host time, so the timer is masked before ITM is written and ar.itc is not read).
// ITV's vector can change while it stays masked, and PSR.i may be on: nothing is delivered.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x10000
	;;
	mov cr.itv=r2
	;;
	srlz.d
	;;
	movl r3=0xfedcba9876543210
	;;
	mov cr.itm=r3
	;;
	srlz.d
	;;
	mov r8=cr.itm
	mov cr.itm=r0
	;;
	srlz.d
	;;
	mov r9=cr.itm
	movl r2=0x100ff
	;;
	mov cr.itv=r2
	;;
	srlz.d
	;;
	ssm psr.i
	;;
	srlz.d
	;;
	mov r10=cr.itv
	mov r11=cr.irr3
	;;
	mov r12=cr.ivr
	;;
	srlz.d
	;;
	rsm psr.i
	;;
	break.i 0
	;;
