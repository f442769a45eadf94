// Two faults on one instruction at cpl 3, where the priority decides: a move to an
// interruption CR with PSR.ic = 1 (Privileged Operation before Illegal Operation), a reserved
// CR (Illegal Operation before Privileged Operation), mov psr.l with a reserved bit, and a
// privileged instruction predicated off (no fault).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	ENTER_CPL 3, user
	mov r4=1
	;;
	mov cr.ipsr=r4
	;;
	mov r5=2
	mov r6=cr100
	;;
	mov r7=3
	movl r8=0x40
	;;
	mov psr.l=r8
	;;
	srlz.d
	;;
	cmp.eq p6,p0=r0,r4
	;;
(p6)	ssm psr.i
	mov r9=4
	;;
	break.i 0
	;;
