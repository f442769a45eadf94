// Integer ALU: add/sub/logic, shifts, extract/deposit, movl, zero/sign extension.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=-7
	movl r3=0x0123456789abcdef
	;;
	add r4=r2,r3
	sub r5=r3,r2
	adds r6=-200,r3
	;;
	addl r7=0x12345,r0
	and r8=r3,r2
	or r9=r3,r2
	;;
	xor r10=r3,r2
	andcm r11=r3,r2
	shladd r12=r2,3,r3
	;;
	shl r13=r3,12
	shr r14=r2,4
	shr.u r15=r2,4
	;;
	extr r16=r3,8,20
	extr.u r17=r3,8,20
	dep r18=r2,r3,16,8
	;;
	dep.z r19=r3,4,12
	zxt1 r20=r2
	sxt2 r21=r3
	;;
	zxt4 r22=r2
	sxt4 r23=r3
	sub r24=r0,r3,1
	;;
	shrp r25=r3,r2,12
	mov r26=r3
	shl r27=r3,r2
	;;
	break.i 0
	;;
