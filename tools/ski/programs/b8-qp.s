// A B8 system instruction (cover) whose qp field is not zero (p6 = 0 here; gas never writes
// one, so the bundle is data): objdump prints it without a predicate.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	ENTER_CPL 0, go
	cmp.eq p6,p7=r0,r0
	mov r5=1
	;;
	cmp.ne p6,p7=r0,r0
	;;
	.align 16
	data8 0x100000011, 0x8000003000200
	mov r6=2
	;;
	break.i 0
	;;
