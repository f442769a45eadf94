// ALU edge cases: shift counts of 63 and 64 and more, extr/dep at the top bits, shrp by 0 and
// 63, compares against immediates, tbit/tnat with and/or types, and mov from ip.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x8000000000000001
	mov r3=63
	mov r4=64
	;;
	shl r5=r2,r3
	shr r6=r2,r3
	shr.u r7=r2,r4
	;;
	shl r8=r2,r4
	extr r9=r2,60,4
	extr.u r10=r2,63,1
	;;
	dep r11=r2,r0,63,1
	shrp r12=r2,r2,63
	dep.z r13=r2,60,4
	;;
	cmp.lt p1,p2=-1,r2
	cmp.gtu p3,p4=r2,r3
	cmp4.eq p5,p6=1,r2
	;;
	tbit.nz.and p1,p2=r2,63
	tnat.z p7,p8=r2
	cmp.ne.or.andcm p9,p10=r0,r2
	;;
	mov r14=ip
	sub r15=r3,r4
	shladd r16=r2,4,r2
	;;
	break.i 0
	;;
