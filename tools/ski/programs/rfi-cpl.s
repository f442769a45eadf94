// rfi to cpl 2 and back through a Break fault: the handler sees IPSR.cpl = 2; ar.pfs.ppl after
// a call made at cpl 2.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	ENTER_CPL 2, user
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
