// Application registers 112-127 are ignored from the I unit (and 48-63 from the I unit too):
// reads give 0, writes are dropped.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=-1
	;;
	mov.i ar112=r2
	;;
	mov.i r3=ar112
	mov.i r4=ar127
	;;
	mov.i ar63=r2
	;;
	mov.i r5=ar63
	mov r6=1
	;;
	break.i 0
	;;
