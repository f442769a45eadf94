// config: fr=31
// FP arithmetic in the register format: fma/fms/fnma and their pseudo-ops in the three
// precisions, rounding modes through fsetc on sf2/sf3, overflow, underflow to a denormal,
// status flags (mov from ar.fpsr, fclrf), fcmp in every relation with NaNs, fmin/fmax/famin/
// famax, frcpa/frsqrta and their special cases, fcvt.fx/fxu. Results are read with getf.
	.include "lib/ivt.inc"
	.include "lib/fp.inc"
	.text
	.global _start
_start:
	START
	FPSR_LINUX 0x3fb999999999999a	// 0.1
	movl r4=0x4008000000000000	// 3.0
	movl r5=0x7fe1ccf385ebc8a0	// 1e308
	;;
	movl r6=0x0010000000000000	// DBL_MIN
	movl r7=0x7ff0000000000001	// SNaN
	;;
	setf.d f6=r3
	setf.d f7=r4
	;;
	setf.d f8=r5
	setf.d f9=r6
	;;
	setf.d f15=r7
	fma.s0 f10=f6,f7,f6
	fma.d.s0 f11=f6,f7,f6
	fma.s.s0 f12=f6,f7,f6
	;;
	getf.sig r8=f10
	getf.exp r9=f10
	getf.sig r10=f11
	getf.exp r11=f11
	getf.sig r12=f12
	getf.exp r13=f12
	fsetc.s2 0x0,0x1c
	fsetc.s3 0x0,0x2c
	;;
	fmpy.d.s2 f13=f6,f7
	fmpy.d.s3 f14=f6,f7
	;;
	getf.sig r14=f13
	getf.sig r15=f14
	fmpy.d.s0 f16=f8,f8
	fmpy.s0 f17=f8,f8
	fmpy.d.s0 f18=f9,f6
	;;
	getf.sig r16=f16
	getf.exp r17=f16
	getf.sig r18=f17
	getf.exp r19=f17
	getf.sig r20=f18
	getf.exp r21=f18
	mov r22=ar.fpsr
	fclrf.s0
	;;
	fms.d.s0 f10=f6,f7,f1
	fnma.s.s0 f11=f6,f7,f1
	fnorm.s.s0 f12=f6
	;;
	getf.sig r8=f10
	getf.exp r9=f10
	getf.sig r10=f11
	getf.exp r11=f11
	getf.sig r12=f12
	getf.exp r13=f12
	fadd.s0 f13=f6,f7
	fsub.d.s0 f14=f6,f7
	;;
	getf.sig r14=f13
	getf.exp r15=f14
	fcmp.lt.s0 p6,p7=f6,f7
	fcmp.eq.s0 p8,p9=f6,f6
	fcmp.le.s0 p10,p11=f7,f6
	;;
	fcmp.unord.s0 p12,p13=f6,f15
	fcmp.eq.unc.s0 p14,p15=f15,f15
	fcmp.lt.s1 p16,p17=f15,f6
	;;
	fmin.s0 f10=f6,f7
	fmax.s0 f11=f6,f7
	famin.s0 f12=f7,f6
	famax.s0 f13=f15,f6
	;;
	getf.sig r16=f10
	getf.sig r17=f11
	getf.sig r18=f12
	getf.sig r19=f13
	mov r20=ar.fpsr
	frcpa.s0 f10,p18=f6,f7
	;;
	frsqrta.s0 f11,p19=f7
	frcpa.s0 f12,p20=f7,f0
	frcpa.s0 f13,p21=f0,f0
	;;
	getf.sig r8=f10
	getf.exp r9=f10
	getf.sig r10=f11
	getf.exp r11=f11
	getf.sig r12=f12
	getf.exp r13=f12
	getf.sig r14=f13
	getf.exp r15=f13
	fnma.s0 f16=f7,f8,f0
	;;
	fcvt.fx.s0 f10=f16
	fcvt.fx.s0 f11=f6
	fcvt.fxu.s3 f12=f7
	fcvt.fx.trunc.s2 f13=f16
	;;
	getf.sig r16=f10
	getf.sig r17=f11
	getf.sig r18=f12
	getf.sig r19=f13
	mov r21=ar.fpsr
	;;
	break.i 0
	;;
