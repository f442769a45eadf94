// config: fr=31
// FP unit as compiled integer code uses it: setf.sig, xma.l/xma.h/xma.hu, getf.sig, the
// reset FPSR, fcvt.xf / fcvt.fx.trunc, and the libgcc unsigned 64-bit division sequence
// (frcpa + fma refinement in sf1).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r8=ar.fpsr
	movl r2=0x0009804c0270033f
	;;
	mov ar.fpsr=r2
	movl r3=0xfedcba9876543210
	movl r4=0x0123456789abcdef
	;;
	setf.sig f6=r3
	setf.sig f7=r4
	;;
	xma.l f8=f6,f7,f0
	xma.hu f9=f6,f7,f0
	xma.h f10=f6,f7,f0
	;;
	getf.sig r9=f8
	getf.sig r10=f9
	getf.sig r11=f10
	getf.exp r12=f8
	;;
	fcvt.xf f11=f6
	;;
	getf.sig r13=f11
	getf.exp r14=f11
	fcvt.fx.trunc.s1 f12=f11
	;;
	getf.sig r15=f12
	// r16 = r3 / r4 (unsigned), the __udivdi3 sequence.
	setf.sig f8=r3
	setf.sig f9=r4
	;;
	fcvt.xuf.s1 f8=f8
	fcvt.xuf.s1 f9=f9
	;;
	frcpa.s1 f10,p6=f8,f9
	;;
(p6)	fmpy.s1 f11=f8,f10
(p6)	fnma.s1 f12=f9,f10,f1
	;;
(p6)	fma.s1 f11=f12,f11,f11
(p6)	fmpy.s1 f13=f12,f12
	;;
(p6)	fma.s1 f10=f12,f10,f10
(p6)	fma.s1 f11=f13,f11,f11
	;;
(p6)	fma.s1 f10=f13,f10,f10
(p6)	fnma.s1 f12=f9,f11,f8
	;;
(p6)	fma.s1 f8=f12,f10,f11
	;;
	fcvt.fxu.trunc.s1 f8=f8
	;;
	getf.sig r16=f8
	getf.sig r17=f10
	getf.exp r18=f10
	mov r19=ar.fpsr
	;;
	break.i 0
	;;
