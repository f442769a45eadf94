// Moves to and from control registers with PSR.ic = 0 (the interruption CRs are writable
// then): IVA, DCR, IIM, IIP, IFS, IIPA, ITIR, IHA, TPR.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=0x1234567890
	mov r3=0x7f00
	;;
	mov cr.iim=r2
	mov cr.iip=r2
	;;
	mov cr.iipa=r2
	mov cr.iha=r2
	;;
	mov cr.dcr=r3
	mov cr.itir=r0
	;;
	srlz.d
	;;
	mov r4=cr.iim
	mov r5=cr.iip
	;;
	mov r6=cr.iipa
	mov r7=cr.iha
	;;
	mov r8=cr.dcr
	mov r9=cr.iva
	;;
	mov r10=cr.tpr
	mov cr.tpr=r0
	;;
	mov r11=cr.itir
	mov r12=cr.ifs
	;;
	break.i 0
	;;
