// Compares and predication: every relation, unc/and/or types, tbit, predicated-off writes.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=5
	mov r3=-3
	;;
	cmp.eq p1,p2=r2,r3
	cmp.lt p3,p4=r3,r2
	cmp.ltu p5,p6=r3,r2
	;;
	cmp4.gt p7,p8=r2,r3
	cmp.ge p9,p10=2,r2
	cmp.ne.unc p11,p12=r2,r2
	;;
(p3)	mov r4=1
(p4)	mov r5=1
	tbit.nz p13,p14=r2,2
	;;
	cmp.eq.and p1,p2=r0,r0
	cmp.ne.or p15,p16=r2,r0
	tbit.z p17,p18=r3,0
	;;
(p1)	cmp.eq.unc p19,p20=r0,r0
(p2)	cmp.eq.unc p21,p22=r0,r0
	cmp.leu p23,p24=r2,r3
	;;
(p6)	add r6=r2,r3
(p5)	add r7=r2,r3
	cmp4.lt p25,p26=r3,r2
	;;
	break.i 0
	;;
