// config: fr=31
// Parallel (two-single) FP forms: fpma/fpms/fpnma and fpmpy/fpnmpy, fpmerge.s/ns/se and the
// fpabs/fpneg/fpnegabs pseudo-ops, fpmin/fpmax/fpamin/fpamax, with an inexact pair and a
// single denormal (D flag); status flags read back from ar.fpsr.
	.include "lib/ivt.inc"
	.include "lib/fp.inc"
	.text
	.global _start
_start:
	START
	FPSR_LINUX 0x3fc00000c0200000	// (1.5, -2.5)
	movl r4=0x3eaaaaab00000001	// (0.33333334, single denormal)
	movl r5=0x4040000041200000	// (3.0, 10.0)
	;;
	setf.sig f6=r3
	setf.sig f7=r4
	setf.sig f8=r5
	;;
	fpma.s0 f10=f6,f7,f8
	fpms.s0 f11=f6,f8,f7
	fpnma.s0 f12=f8,f7,f6
	;;
	getf.sig r8=f10
	getf.sig r9=f11
	getf.sig r10=f12
	fpmpy.s0 f13=f6,f8
	fpnmpy.s1 f14=f7,f7
	;;
	getf.sig r11=f13
	getf.sig r12=f14
	getf.exp r13=f14
	fpmerge.s f10=f6,f8
	fpmerge.ns f11=f6,f8
	fpmerge.se f12=f7,f8
	;;
	getf.sig r14=f10
	getf.sig r15=f11
	getf.sig r16=f12
	fpabs f13=f6
	fpneg f14=f6
	fpnegabs f15=f8
	;;
	getf.sig r17=f13
	getf.sig r18=f14
	getf.sig r19=f15
	fpmin.s0 f10=f6,f8
	fpmax.s0 f11=f6,f8
	fpamin.s0 f12=f6,f8
	fpamax.s0 f13=f6,f7
	;;
	getf.sig r20=f10
	getf.sig r21=f11
	getf.sig r22=f12
	getf.sig r8=f13
	mov r9=ar.fpsr
	;;
	break.i 0
	;;
