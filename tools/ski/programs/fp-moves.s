// config: fr=127
// FP moves and bit operations: fmerge.s/ns/se and their pseudo-ops (mov, fneg, fabs,
// fnegabs), fmix.l/r/lr, fsxt.l/r, fswap(.nl/.nr), fpack, fand/fandcm/for/fxor, fselect,
// fclass.m(.unc), xma.l/h/hu with an addend, setf.exp/getf.exp, getf.s/getf.d, fcvt.xf of a
// negative integer, and PSR.mfl/mfh (f2-f31 and f32-f127 written).
	.include "lib/ivt.inc"
	.include "lib/fp.inc"
	.text
	.global _start
_start:
	START
	FPSR_LINUX 0xc00921fb54442d18	// -pi
	movl r4=0x89abcdef01234567
	movl r5=0x3fe0000000000000	// 0.5
	;;
	setf.d f6=r3
	setf.sig f7=r4
	setf.d f8=r5
	;;
	fmerge.s f10=f8,f6
	fmerge.ns f11=f6,f8
	fmerge.se f12=f6,f7
	;;
	getf.d r8=f10
	getf.d r9=f11
	getf.sig r10=f12
	getf.exp r11=f12
	mov f13=f6
	fneg f14=f6
	;;
	fabs f15=f6
	fnegabs f16=f8
	;;
	getf.d r12=f13
	getf.d r13=f14
	getf.d r14=f15
	getf.d r15=f16
	fmix.l f10=f6,f7
	fmix.r f11=f6,f7
	;;
	fmix.lr f12=f6,f7
	fsxt.l f13=f6,f7
	fsxt.r f14=f7,f6
	;;
	getf.sig r8=f10
	getf.sig r9=f11
	getf.sig r10=f12
	getf.sig r11=f13
	getf.sig r12=f14
	getf.exp r13=f14
	fswap f10=f6,f7
	fswap.nl f11=f6,f7
	;;
	fswap.nr f12=f6,f7
	fpack f13=f8,f6
	fand f14=f6,f7
	;;
	getf.sig r8=f10
	getf.sig r9=f11
	getf.sig r10=f12
	getf.sig r11=f13
	getf.sig r12=f14
	fandcm f10=f6,f7
	for f11=f6,f7
	;;
	fxor f12=f6,f7
	fselect f13=f6,f7,f8
	xma.l f14=f6,f7,f8
	;;
	getf.sig r8=f10
	getf.sig r9=f11
	getf.sig r10=f12
	getf.sig r11=f13
	getf.sig r12=f14
	xma.h f10=f7,f7,f6
	;;
	xma.hu f11=f7,f7,f6
	fclass.m p6,p7=f6,0x12
	fclass.m.unc p8,p9=f7,0x11
	;;
	fclass.m p10,p11=f0,0x7
	fclass.m p12,p13=f8,0x1e1
	;;
	getf.sig r13=f10
	getf.sig r14=f11
	movl r15=0x2abcd
	;;
	setf.exp f40=r15
	movl r16=-12345
	;;
	setf.sig f41=r16
	setf.s f42=r16
	;;
	getf.exp r17=f40
	getf.sig r18=f40
	getf.s r19=f42
	fcvt.xf f43=f41
	;;
	getf.sig r20=f43
	getf.exp r21=f43
	mov r22=psr
	;;
	break.i 0
	;;
