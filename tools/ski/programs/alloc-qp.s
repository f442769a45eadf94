// alloc whose qp field is not zero (p6 = 0 here; gas never writes one, so the bundle is
// data): objdump prints it without a predicate.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	cmp.ne p6,p7=r0,r0
	;;
	.align 16
	data8 0x580061110c1, 0x4000000000200
	mov r5=ar.pfs
	;;
	mov r34=7
	;;
	break.i 0
	;;
