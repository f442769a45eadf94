// Privileged Operation faults at cpl 3: the program drops to cpl 3 with rfi, then tries
// privileged instructions; the handler skips each one and returns to cpl 3.
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
	ssm psr.i
	;;
	mov r5=2
	mov r6=cr.iva
	;;
	mov r7=3
	rsm psr.ic
	;;
	mov r8=psr
	;;
	mov r9=4
	break.i 0
	;;
