// ar.ec in a call: br.call saves EC (and cpl) in ar.pfs, the callee changes EC, br.ret
// restores it from ar.pfs.pec; mov ar.pfs with a value read back.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=9
	;;
	mov ar.ec=r2
	;;
	br.call.sptk.many b0=fn
	;;
	mov r3=ar.ec
	mov r4=ar.pfs
	;;
	break.i 0
	;;
fn:
	mov r5=ar.pfs
	mov r6=33
	;;
	mov ar.ec=r6
	;;
	mov r7=ar.ec
	br.ret.sptk.many b0
	;;
