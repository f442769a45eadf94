// tbit and tnat in all relations and parallel forms, on values and on a NaT (ld8.s in physical
// mode is deferred).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x8000000000000005
	movl r9=0x300000
	;;
	ld8.s r3=[r9]
	;;
	tbit.nz p1,p2=r2,63
	tbit.z p3,p4=r2,1
	;;
	tbit.z.unc p5,p6=r2,0
	cmp.eq p7,p8=r0,r0
	;;
	tbit.nz.and p7,p8=r2,2
	tbit.z.or p9,p10=r2,62
	;;
	tnat.nz.unc p11,p12=r3
	tnat.z p13,p14=r2
	;;
	tnat.z.and p7,p8=r3
	tbit.nz.or.andcm p15,p16=r2,0
	;;
	tbit.nz p17,p18=r3,0
	;;
	break.i 0
	;;
