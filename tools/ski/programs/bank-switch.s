// bsw: banked registers r16-r31 switch with PSR.bn; the other bank keeps its values.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r16=1
	mov r31=2
	mov r15=3
	;;
	bsw.1
	;;
	mov r2=r16
	mov r16=4
	;;
	mov r30=5
	;;
	bsw.0
	;;
	mov r3=r16
	mov r4=r30
	;;
	bsw.1
	;;
	mov r5=r16
	bsw.0
	;;
	break.i 0
	;;
