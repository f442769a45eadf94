// config: fr=31
// Parallel reciprocal approximations: fprcpa (ordinary halves, a zero divisor half with Z,
// a QNaN half) and fprsqrta (ordinary, +inf, +0 halves); the predicate is 1 only when both
// halves give a refinable approximation.
	.include "lib/ivt.inc"
	.include "lib/fp.inc"
	.text
	.global _start
_start:
	START
	FPSR_LINUX 0x3fc00000c0200000	// (1.5, -2.5)
	movl r4=0x4040000041200000	// (3.0, 10.0)
	movl r5=0x7f80000000000000	// (+inf, +0)
	;;
	setf.sig f6=r3
	setf.sig f7=r4
	setf.sig f8=r5
	movl r6=0x7fc0000040000000	// (QNaN, 2.0)
	;;
	setf.sig f9=r6
	fprcpa.s0 f10,p6=f6,f7
	;;
	fprcpa.s0 f11,p7=f7,f8
	;;
	fprcpa.s1 f12,p8=f9,f7
	;;
	fprsqrta.s0 f13,p9=f7
	;;
	fprsqrta.s0 f14,p10=f8
	;;
	getf.sig r8=f10
	getf.sig r9=f11
	getf.sig r10=f12
	getf.sig r11=f13
	getf.sig r12=f14
	mov r13=ar.fpsr
	;;
	break.i 0
	;;
