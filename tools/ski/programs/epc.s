// epc at cpl 3 with instruction translation off, then a privileged instruction at the
// resulting level (a Privileged Operation fault if epc did not promote).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=user
	mov r3=psr
	;;
	dep r3=-1,r3,32,2
	;;
	dep r3=-1,r3,13,1
	;;
	mov cr.iip=r2
	mov cr.ipsr=r3
	mov cr.ifs=r0
	;;
	rfi
	;;
user:
	mov r4=1
	epc
	;;
	mov r5=psr
	;;
	mov r6=2
	break.i 0
	;;
