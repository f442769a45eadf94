// mux1 (@brcst, @mix, @shuf, @alt, @rev) and mux2 with several halfword selectors.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x8877665544332211
	;;
	mux1 r4=r2,@rev
	mux1 r5=r2,@brcst
	mux1 r6=r2,@mix
	;;
	mux1 r7=r2,@shuf
	mux1 r8=r2,@alt
	mux2 r9=r2,0x1b
	;;
	mux2 r10=r2,0x00
	mux2 r11=r2,0xe4
	mux2 r12=r2,0x8d
	;;
	break.i 0
	;;
