// br.ret to a lower privilege level (ar.pfs.ppl = 3) at cpl 0 lowers PSR.cpl; with PSR.lp = 1
// it raises the Lower-Privilege Transfer trap (0x5e00) after the return.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r8=psr
	;;
	dep r8=-1,r8,25,1
	;;
	mov psr.l=r8
	;;
	srlz.d
	;;
	movl r2=user
	mov r3=ar.pfs
	;;
	dep r3=-1,r3,62,2
	mov b1=r2
	;;
	mov ar.pfs=r3
	movl r23=user
	;;
	br.ret.sptk.many b1
	;;
user:
	mov r4=1
	mov r5=psr
	;;
	break.i 0
	;;
