// Parallel compares: cmp.and/or/or.andcm with both outcomes, cmp4 forms, .unc with a false
// qualifying predicate (both targets cleared), and compares against r0 with immediates.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=5
	mov r3=-7
	;;
	cmp.eq p1,p2=r0,r0
	cmp.eq p3,p4=r0,r0
	;;
	cmp.eq.and p1,p2=r2,r3
	cmp.ne.or p3,p4=r2,r3
	;;
	cmp.gt.or.andcm p5,p6=r2,r0
	cmp4.lt.unc p7,p8=r3,r2
	;;
(p2)	cmp.eq.unc p9,p10=r2,r2
(p0)	cmp.ltu p11,p12=r2,r3
	;;
	cmp4.ltu p13,p14=r2,r3
	cmp.lt.and p15,p16=r0,r3
	;;
	cmp.ge p17,p18=5,r2
	cmp4.eq p19,p20=-7,r3
	;;
	break.i 0
	;;
