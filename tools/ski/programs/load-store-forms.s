// More load/store forms: immediate post-increment on stores, register post-increment on loads,
// ordered loads and stores (ld.acq, st.rel), and a load that writes r0's neighbour.
	.include "lib/ivt.inc"
	.data
buf:	.skip 64
	.text
	.global _start
_start:
	START
	movl r2=buf
	movl r3=0x0102030405060708
	;;
	st8 [r2]=r3,16
	;;
	st4.rel [r2]=r3,-8
	;;
	st2 [r2]=r3
	movl r4=buf
	mov r5=8
	;;
	ld8.acq r6=[r4],r5
	;;
	ld8 r7=[r4],r5
	;;
	ld4 r8=[r4]
	;;
	break.i 0
	;;
