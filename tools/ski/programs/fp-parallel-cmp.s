// config: fr=31
// Parallel compares and conversions: fpcmp in all eight relations (with a QNaN half) and
// fpcvt.fx/fxu(.trunc) of singles, including an out-of-range half (integer indefinite, V).
	.include "lib/ivt.inc"
	.include "lib/fp.inc"
	.text
	.global _start
_start:
	START
	FPSR_LINUX 0x3fc00000c0200000	// (1.5, -2.5)
	movl r4=0x7fc0000040000000	// (QNaN, 2.0)
	movl r5=0x4f80000042f6e979	// (2^32, 123.456)
	;;
	setf.sig f6=r3
	setf.sig f7=r4
	setf.sig f8=r5
	;;
	fpcmp.eq.s0 f10=f6,f7
	fpcmp.lt.s0 f11=f6,f7
	fpcmp.le.s1 f12=f6,f7
	fpcmp.unord.s0 f13=f6,f7
	;;
	getf.sig r8=f10
	getf.sig r9=f11
	getf.sig r10=f12
	getf.sig r11=f13
	fpcmp.neq.s0 f10=f6,f7
	fpcmp.nlt.s0 f11=f6,f6
	;;
	fpcmp.nle.s2 f12=f6,f7
	fpcmp.ord.s0 f13=f6,f7
	;;
	getf.sig r12=f10
	getf.sig r13=f11
	getf.sig r14=f12
	getf.sig r15=f13
	fpcvt.fx.s0 f10=f6
	fpcvt.fxu.s0 f11=f8
	;;
	fpcvt.fx.trunc.s0 f12=f6
	fpcvt.fxu.trunc.s3 f13=f6
	;;
	getf.sig r16=f10
	getf.sig r17=f11
	getf.sig r18=f12
	getf.sig r19=f13
	mov r20=ar.fpsr
	;;
	break.i 0
	;;
