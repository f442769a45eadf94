// ITV, PMV and CMCV (SDM vol 2 §5.8.3.5-7): vector 7:0 and m 16 are kept; bit 12 and bits 63:17
// are ignored (read back as 0); bits 11:8 and 15:13 are reserved (Reserved Register/Field
// fault, the register unchanged). ITV keeps m = 1 throughout (Ski's ITC runs on host time).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r3=0xfffffffffffe10ff
	;;
	mov cr.pmv=r3
	;;
	srlz.d
	;;
	mov r8=cr.pmv
	movl r3=0xffffffffffff1045
	;;
	mov cr.itv=r3
	;;
	srlz.d
	;;
	mov r9=cr.itv
	mov cr.cmcv=r3
	;;
	srlz.d
	;;
	mov r10=cr.cmcv
	movl r3=0x10100
	;;
	mov cr.itv=r3
	;;
	srlz.d
	;;
	mov r11=cr.itv
	movl r3=0x2033
	;;
	mov cr.pmv=r3
	;;
	srlz.d
	;;
	mov r12=cr.pmv
	movl r3=0x8033
	;;
	mov cr.cmcv=r3
	;;
	srlz.d
	;;
	mov r13=cr.cmcv
	movl r3=0x0f00
	;;
	mov cr.pmv=r3
	;;
	srlz.d
	;;
	mov r14=cr.pmv
	;;
	break.i 0
	;;
