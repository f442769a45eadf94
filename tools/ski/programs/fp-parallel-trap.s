// config: fr=31
// Parallel FP with the overflow and underflow traps enabled (FPSR.traps od = ud = 0): fpmpy of
// two singles 2^127 · 2^127 overflows in both halves and fpmpy of 2^-100 · 2^-100 underflows;
// each takes the FP Trap (0x5d00) after writing f6/f9, whose halves hold the results with
// the exponent wrapped (compared as FRs after every step).
	.include "lib/ivt.inc"
	.include "lib/fp.inc"
	.text
	.global _start
_start:
	START
	FPSR_LINUX data
	;;
	mov r8=ar.fpsr
	;;
	dep r8=0,r8,3,2
	;;
	mov ar.fpsr=r8
	ldf8 f7=[r3],8
	;;
	ldf8 f8=[r3],8
	movl r23=after1
	;;
	fpmpy.s0 f6=f7,f7
	;;
after1:
	movl r23=after2
	;;
	fpmpy.s0 f9=f8,f8
	;;
after2:
	mov r9=ar.fpsr
	;;
	break.i 0
	;;
	.data
	.align 16
data:
	data8 0x7f0000007f400000	// 2^127, 1.5 · 2^127
	data8 0x0d8000000dc00000	// 2^-100, 1.5 · 2^-100
