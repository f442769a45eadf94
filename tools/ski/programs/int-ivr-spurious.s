// External-interrupt CRs with nothing pending (SDM vol 2 §5.8.3): IVR reads the spurious
// vector 15, IRR0-3 read 0, EOI reads 0 and a write to it is ignored; reading IVR has no
// effect when nothing is pending. The interval timer is masked first (ITV.m) so that Ski's
// host-time ITC cannot pend a vector.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x10000
	;;
	mov cr.itv=r2
	;;
	srlz.d
	;;
	mov r8=cr.ivr
	;;
	srlz.d
	;;
	mov r9=cr.ivr
	;;
	srlz.d
	;;
	mov r10=cr.irr1
	;;
	mov r11=cr.irr2
	;;
	mov r12=cr.irr3
	;;
	movl r3=0x1234
	;;
	mov cr.eoi=r3
	;;
	srlz.d
	;;
	mov r13=cr.eoi
	;;
	srlz.d
	;;
	mov r14=cr.itv
	;;
	break.i 0
	;;
