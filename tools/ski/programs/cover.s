// cover with PSR.ic = 0 saves CFM in IFS (valid bit set) and empties the frame; with PSR.ic = 1
// IFS is left alone. br.ret after cover is not used.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	alloc r33=ar.pfs,2,3,1,0
	;;
	mov r32=7
	mov r34=8
	;;
	cover
	;;
	mov r2=cr.ifs
	;;
	rsm psr.ic
	;;
	srlz.d
	;;
	alloc r32=ar.pfs,0,1,0,0
	;;
	cover
	;;
	mov r3=cr.ifs
	;;
	break.i 0
	;;
