// Reserved fields of AR writes: EC and PFS written with all ones read back without their
// reserved bits (or fault); RSC with a reserved bit set.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=-1
	;;
	mov ar.ec=r2
	;;
	mov r3=ar.ec
	;;
	mov ar.pfs=r2
	;;
	mov r4=ar.pfs
	mov r5=0x20
	;;
	mov ar.rsc=r5
	;;
	mov r6=ar.rsc
	mov r7=1
	;;
	break.i 0
	;;
