// PSR.tb = 1 (entered by rfi): a taken branch raises the Taken Branch trap (0x5f00) after it
// completes, with IIP = the branch target; a branch not taken does not trap.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=tb
	mov r3=psr
	;;
	dep r3=-1,r3,26,1
	;;
	dep r3=-1,r3,13,1
	;;
	mov cr.iip=r2
	mov cr.ipsr=r3
	mov cr.ifs=r0
	;;
	rfi
	;;
tb:
	mov r4=1
	cmp.eq p6,p7=r0,r0
	;;
(p7)	br.cond.sptk.many far
	;;
	movl r23=back
	;;
(p6)	br.cond.sptk.many far
	;;
back:
	mov r5=2
	mov r8=psr
	;;
	dep r8=0,r8,26,1
	;;
	mov psr.l=r8
	;;
	srlz.d
	;;
	mov r6=3
	break.i 0
	;;
far:
	mov r7=4
	br.sptk.many back
	;;
