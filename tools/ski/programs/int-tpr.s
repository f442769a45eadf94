// TPR (SDM vol 2 §5.8.3.3): mic 7:4 and mmi 16 are kept, bits 3:0 and 63:17 are ignored (read
// back as 0), bits 15:8 are reserved (a write setting one is a Reserved Register/Field fault,
// TPR unchanged). IVR stays spurious whatever the mask.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x10000
	;;
	mov cr.itv=r2
	;;
	movl r3=0xfffffffffffe00ff
	;;
	mov cr.tpr=r3
	;;
	srlz.d
	;;
	mov r8=cr.tpr
	movl r3=0x100f0
	;;
	srlz.d
	;;
	mov cr.tpr=r3
	;;
	srlz.d
	;;
	mov r9=cr.tpr
	mov r10=cr.ivr
	movl r3=0x1100
	;;
	srlz.d
	;;
	mov cr.tpr=r3
	;;
	srlz.d
	;;
	mov r11=cr.tpr
	movl r3=0x8020
	;;
	srlz.d
	;;
	mov cr.tpr=r3
	;;
	srlz.d
	;;
	mov r12=cr.tpr
	mov cr.tpr=r0
	;;
	srlz.d
	;;
	mov r13=cr.tpr
	;;
	srlz.d
	;;
	break.i 0
	;;
