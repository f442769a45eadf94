// epc at cpl 3 with instruction translation off, then a privileged instruction at the
// resulting level (a Privileged Operation fault if epc did not promote).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	ENTER_CPL 3, user
	mov r4=1
	epc
	;;
	mov r5=psr
	;;
	mov r6=2
	break.i 0
	;;
