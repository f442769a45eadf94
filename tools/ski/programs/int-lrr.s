// LRR0 and LRR1 (SDM vol 2 §5.8.3.8): vector 7:0, dm 10:8, ipp 13, tm 15 and m 16 are kept;
// bit 12 and bits 63:17 are ignored; bits 11 and 14 are reserved, and so are the delivery
// modes 1, 3 and 6 (a write of one is a Reserved Register/Field fault, LRR unchanged).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x10000
	;;
	mov cr.itv=r2
	;;
	movl r3=0xffffffffffffb7ff
	;;
	mov cr.lrr0=r3
	;;
	srlz.d
	;;
	mov r8=cr.lrr0
	movl r3=0x10210
	;;
	mov cr.lrr1=r3
	;;
	srlz.d
	;;
	mov r9=cr.lrr1
	movl r3=0x0100
	;;
	mov cr.lrr0=r3
	;;
	srlz.d
	;;
	mov r10=cr.lrr0
	movl r3=0x0300
	;;
	mov cr.lrr1=r3
	;;
	movl r3=0x0600
	;;
	mov cr.lrr1=r3
	;;
	movl r3=0x0800
	;;
	mov cr.lrr0=r3
	;;
	movl r3=0x4000
	;;
	mov cr.lrr1=r3
	;;
	srlz.d
	;;
	mov r11=cr.lrr1
	movl r3=0x0400
	;;
	mov cr.lrr0=r3
	;;
	movl r3=0x0700
	;;
	mov cr.lrr1=r3
	;;
	srlz.d
	;;
	mov r12=cr.lrr0
	mov r13=cr.lrr1
	;;
	break.i 0
	;;
