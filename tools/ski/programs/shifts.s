// Shifts by register counts at and beyond 63, shrp, extr/extr.u/dep/dep.z at the field edges,
// shladd and shladdp4.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0xf0f0f0f0f0f0f0f1
	mov r3=63
	mov r4=64
	mov r5=200
	;;
	shl r6=r2,r3
	shr r7=r2,r3
	shr.u r8=r2,r4
	;;
	shr r9=r2,r5
	shl r10=r2,r4
	shrp r11=r2,r3,60
	;;
	extr r12=r2,60,4
	extr.u r13=r2,1,63
	dep r14=r3,r2,62,2
	;;
	dep.z r15=r2,0,1
	dep.z r16=r3,58,6
	shladd r17=r2,4,r3
	;;
	shladdp4 r18=r2,2,r3
	dep r19=-1,r2,8,16
	dep.z r20=-1,32,32
	;;
	break.i 0
	;;
