// A7 compares (cmp.lt.and, cmp.gt.or against r0) whose r2 field is not zero (5 here; gas
// always writes 0, so the bundle is data): objdump ignores the field and prints r0.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r5=100
	mov r7=3
	cmp.eq p6,p7=r0,r0
	;;
	cmp.eq p8,p9=r0,r5
	;;
	.align 16
	data8 0x2c60000100000000, 0xd824385100648e1c
	;;
	mov r10=pr
	;;
	break.i 0
	;;
