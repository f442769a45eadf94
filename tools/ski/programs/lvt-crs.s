// The interrupt CRs of the local vector table: ITV, PMV, CMCV, LRR0 and LRR1 written (masked,
// with a vector) and read back, plus TPR.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x10000 | 0x20
	movl r3=0x10000 | 0x31
	;;
	mov cr.itv=r2
	;;
	mov cr.pmv=r3
	;;
	mov cr.cmcv=r2
	;;
	mov cr.lrr0=r3
	;;
	mov cr.lrr1=r2
	;;
	srlz.d
	;;
	mov r4=cr.itv
	;;
	mov r5=cr.pmv
	;;
	mov r6=cr.cmcv
	;;
	mov r7=cr.lrr0
	;;
	mov r8=cr.lrr1
	;;
	break.i 0
	;;
