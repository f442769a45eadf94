// rfi to cpl 2 and back through a Break fault: the handler sees IPSR.cpl = 2; ar.pfs.ppl after
// a call made at cpl 2.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=user
	mov r3=psr
	mov r20=2
	;;
	dep r3=r20,r3,32,2
	;;
	dep r3=-1,r3,13,1
	;;
	mov cr.iip=r2
	mov cr.ipsr=r3
	mov cr.ifs=r0
	;;
	rfi
	;;
user:
	mov r4=1
	break.m 0x77
	;;
	br.call.sptk.many b0=func
	;;
	mov r6=ar.pfs
	break.i 0
	;;
func:
	mov r5=ar.pfs
	br.ret.sptk.many b0
	;;
