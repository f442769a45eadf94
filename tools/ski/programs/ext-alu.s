// zxt and sxt of each width, addp4 with the region bits, andcm/xor with immediates, add with
// the +1 form and sub with the -1 form.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x8899aabbccddeeff
	movl r3=0x1234567880000000
	;;
	zxt1 r4=r2
	zxt2 r5=r2
	zxt4 r6=r2
	;;
	sxt1 r7=r2
	sxt2 r8=r2
	sxt4 r9=r3
	;;
	addp4 r10=r3,r2
	addp4 r11=-1,r3
	andcm r12=0x7f,r2
	;;
	xor r13=-128,r2
	add r14=r2,r3,1
	sub r15=r2,r3,1
	;;
	sub r16=-5,r2
	and r17=r2,r3
	or r18=0x55,r3
	;;
	break.i 0
	;;
