// config: fr=31
// FP load pairs: ldfps, ldfpd, ldfp8, plain and with post-increment, with a single and a
// double denormal (GNU as rejects a pair of two even registers, so that case is not here).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=data
	;;
	ldfpd f8,f9=[r2],16
	;;
	ldfps f6,f7=[r2],8
	;;
	adds r2=8,r2
	;;
	ldfp8 f10,f11=[r2]
	;;
	getf.sig r8=f6
	getf.exp r9=f6
	getf.sig r10=f7
	getf.sig r11=f8
	getf.exp r12=f9
	getf.sig r13=f10
	getf.sig r14=f11
	getf.exp r15=f11
	mov r18=psr
	;;
	break.i 0
	;;
	.data
	.align 16
data:
	data8 0x0000000000000001		// double denormal
	data8 0x400921fb54442d18		// pi
	data4 0x3f800000, 0xc0000000		// 1.0, -2.0
	data8 0
	data8 0x1111111111111111, 0x2222222222222222
