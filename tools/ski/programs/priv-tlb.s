// TLB and register-file instructions at cpl 3: each is a Privileged Operation fault
// (ISR.code 0x10): itc.d, ptc.l, ptr.d, ptc.e, mov rr, mov pkr, tpa, tak, fc (not privileged).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r8=0x300000
	ENTER_CPL 3, user
	mov r4=(12 << 2)
	;;
	ptc.l r8,r4
	;;
	ptr.d r8,r4
	;;
	ptc.e r8
	;;
	mov rr[r8]=r4
	;;
	mov r5=rr[r8]
	;;
	mov pkr[r0]=r4
	;;
	srlz.d
	;;
	tpa r6=r8
	;;
	tak r7=r8
	;;
	fc r8
	;;
	mov r9=1
	break.i 0
	;;
