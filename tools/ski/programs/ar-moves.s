// Application-register moves: kernel registers, UNAT, CCV, LC, EC, PFS, RSC, BSPSTORE.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0xfedcba9876543210
	;;
	mov ar.k0=r2
	mov ar.k7=r2
	;;
	mov ar.unat=r2
	mov ar.ccv=r2
	;;
	mov ar.lc=r2
	mov ar.ec=r0
	;;
	mov r3=ar.k0
	mov r4=ar.k7
	;;
	mov r5=ar.unat
	mov r6=ar.ccv
	;;
	mov r7=ar.lc
	mov r8=ar.ec
	;;
	mov r9=ar.pfs
	mov r10=ar.rsc
	;;
	mov r11=ar.bsp
	mov r12=ar.bspstore
	;;
	break.i 0
	;;
