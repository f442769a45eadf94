// IVR and IRR0-3 are read-only (SDM vol 2 §5.8.3): a mov to one is an Illegal Operation fault
// (whatever the value, reserved bits included); reads at cpl > 0 are Privileged Operation
// faults. PSR.i set with nothing pending takes no interruption (the user code runs with it).
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
	mov cr.ivr=r0
	;;
	srlz.d
	;;
	movl r3=0xffffffffffffffff
	;;
	mov cr.ivr=r3
	;;
	srlz.d
	;;
	mov cr.irr0=r0
	;;
	mov cr.irr1=r3
	;;
	mov cr.irr2=r0
	;;
	mov cr.irr3=r0
	;;
	ssm psr.i
	;;
	srlz.d
	;;
	mov r8=cr.ivr
	nop.m 0
	nop.i 0
	;;
	srlz.d
	;;
	ENTER_CPL 3, user
	mov r9=cr.ivr
	;;
	srlz.d
	;;
	mov r10=cr.irr0
	;;
	mov cr.eoi=r0
	;;
	srlz.d
	;;
	break.i 0
	;;
