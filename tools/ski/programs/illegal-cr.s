// Illegal Operation faults from control-register accesses: an interruption CR read while
// PSR.ic = 1, a write to the read-only IVR, a write to ar.bsp, and a GR target r0.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=1
	;;
	mov r3=cr.iipa
	;;
	mov r4=2
	;;
	mov cr.ivr=r2
	;;
	mov r5=3
	;;
	mov ar.bsp=r2
	;;
	mov r6=4
	;;
	mov cr.ipsr=r2
	;;
	mov r7=5
	break.i 0
	;;
