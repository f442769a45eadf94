// pshl2/4 and pshr2/4 (.u): immediate counts, register counts, counts beyond the element width.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x800140000001ffff
	mov r3=200
	mov r20=3
	;;
	pshl2 r4=r2,1
	pshr2 r5=r2,1
	pshr2.u r6=r2,1
	;;
	pshr2 r7=r2,r3
	pshl2 r8=r2,r3
	pshr2.u r9=r2,r3
	;;
	pshl4 r10=r2,31
	pshr4 r11=r2,31
	pshr4.u r12=r2,r20
	;;
	pshl4 r13=r2,r20
	pshr4 r14=r2,r20
	pshl2 r15=r2,15
	;;
	break.i 0
	;;
