// Privileged Operation faults at cpl 3: the program drops to cpl 3 with rfi, then tries
// privileged instructions; the handler skips each one and returns to cpl 3.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	ENTER_CPL 3, user
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
