// RSC.pl written with a more privileged level than cpl: at cpl 3 the write keeps pl = 3.
// Also the mode bits and a kernel register at cpl 3 (write: Privileged Register fault).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	ENTER_CPL 3, user
	mov r4=0x3
	;;
	mov ar.rsc=r4
	;;
	mov r5=ar.rsc
	mov r6=0xc
	;;
	mov ar.rsc=r6
	;;
	mov r7=ar.rsc
	;;
	mov ar.k1=r7
	;;
	mov r8=ar.k1
	mov r9=1
	;;
	break.i 0
	;;
