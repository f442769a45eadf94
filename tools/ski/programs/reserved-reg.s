// Reserved registers and fields: a reserved CR (Illegal Operation), a reserved PSR bit set by
// mov psr.l (Reserved Register/Field fault), a reserved RSC field, a reserved CR number
// beyond the architected range.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=1
	;;
	mov r3=cr3
	;;
	mov r4=2
	movl r5=0x40
	;;
	mov psr.l=r5
	;;
	srlz.d
	;;
	mov r6=3
	movl r7=0x40000
	;;
	mov ar.rsc=r7
	;;
	mov r8=4
	mov r9=cr100
	;;
	mov r10=5
	break.i 0
	;;
