// cmp8xchg16.acq/.rel: compare the 8 bytes at r3 with ar.ccv; if equal store r2 there and
// ar.csd into the other half of the aligned 16 bytes; r1 always gets the old 8 bytes.
	.include "lib/ivt.inc"
	.data
	.align 16
buf:	data8 0x1111111111111111, 0x2222222222222222, 0x3333333333333333, 0x4444444444444444
	.text
	.global _start
_start:
	START
	movl r2=buf+8
	movl r5=0x5555555555555555
	movl r6=0x6666666666666666
	movl r7=0x2222222222222222
	;;
	mov ar.ccv=r7
	mov ar.csd=r6
	;;
	cmp8xchg16.acq r4=[r2],r5,ar.csd,ar.ccv
	;;
	movl r3=buf
	;;
	ld8 r8=[r3],8
	;;
	ld8 r9=[r3],8
	;;
	cmp8xchg16.rel r10=[r3],r5,ar.csd,ar.ccv
	;;
	ld8 r11=[r3]
	movl r12=0x3333333333333333
	;;
	mov ar.ccv=r12
	;;
	cmp8xchg16.rel r13=[r3],r5,ar.csd,ar.ccv
	;;
	ld8 r14=[r3],8
	;;
	ld8 r15=[r3]
	;;
	break.i 0
	;;
