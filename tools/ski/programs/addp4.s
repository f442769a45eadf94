// 32-bit pointer arithmetic: addp4 and shladdp4 copy bits 31:30 of the 32-bit result into the
// region bits 62:61.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0xffffffffc0001000
	mov r3=0x10
	;;
	addp4 r4=r3,r2
	addp4 r5=0x7f,r2
	shladdp4 r6=r3,2,r2
	;;
	movl r7=0x0000000080000000
	;;
	addp4 r8=r3,r7
	shladdp4 r9=r3,4,r7
	;;
	break.i 0
	;;
