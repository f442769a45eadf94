// Illegal Operation faults on a processor without VT-i: vmsw.0 and vmsw.1 at cpl 0.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=1
	;;
	vmsw.0
	;;
	mov r3=2
	;;
	vmsw.1
	;;
	mov r4=3
	break.i 0
	;;
