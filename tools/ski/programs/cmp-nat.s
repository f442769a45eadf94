// Compares with a NaT source (ld8.s deferred in physical mode): the normal and .unc forms
// clear both targets, the parallel forms too; tbit on a NaT clears both as well.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	;;
	ld8.s r3=[r2]
	cmp.eq p1,p2=r0,r0
	cmp.eq p3,p4=r0,r0
	;;
	cmp.eq p5,p6=r0,r0
	cmp.eq p7,p8=r0,r0
	;;
	cmp.eq p1,p2=r3,r0
	cmp.lt.unc p9,p10=r3,r2
	;;
	cmp.eq.and p3,p4=r3,r0
	cmp.ne.or p5,p6=r3,r0
	;;
	cmp.eq.or.andcm p7,p8=r3,r0
	cmp4.eq p11,p12=5,r3
	;;
	tbit.z p13,p14=r3,0
	;;
	break.i 0
	;;
