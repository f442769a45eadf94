// ld16/st16 (plain, .acq, .rel): 16 aligned bytes between a GR (low 8 bytes) and ar.csd (high 8).
	.include "lib/ivt.inc"
	.data
	.align 16
buf:	data8 0x1111111111111111, 0x2222222222222222, 0, 0
	.text
	.global _start
_start:
	START
	movl r2=buf
	movl r5=0xaaaaaaaaaaaaaaaa
	movl r6=0xbbbbbbbbbbbbbbbb
	;;
	ld16 r4,ar.csd=[r2]
	;;
	mov r7=ar.csd
	mov ar.csd=r6
	adds r3=16,r2
	;;
	st16.rel [r3]=r5,ar.csd
	;;
	ld8 r8=[r3],8
	;;
	ld8 r9=[r3]
	adds r3=-8,r3
	;;
	ld16.acq r10,ar.csd=[r3]
	;;
	mov r11=ar.csd
	st16 [r2]=r0,ar.csd
	;;
	ld8 r12=[r2],8
	;;
	ld8 r13=[r2]
	;;
	break.i 0
	;;
