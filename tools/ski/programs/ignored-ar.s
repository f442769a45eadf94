// Application registers 48-63 are ignored (from the M or the I unit): a read returns 0 and a
// write is dropped.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=-1
	;;
	mov.m ar48=r2
	;;
	mov.m r3=ar48
	mov r4=1
	;;
	mov.i r5=ar48
	;;
	mov r6=2
	break.i 0
	;;
