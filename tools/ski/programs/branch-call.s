// Branches: a counted loop (br.cloop with ar.lc), a call with a new frame and its return,
// an indirect branch through a branch register.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=0
	mov ar.lc=3
	;;
loop:
	adds r2=1,r2
	br.cloop.sptk.few loop
	;;
	alloc r33=ar.pfs,0,7,1,0
	;;
	mov r39=7
	br.call.sptk.many b0=func
	;;
	adds r3=1,r8
	movl r4=tail
	;;
	mov b6=r4
	;;
	br.sptk.many b6
	;;
	mov r5=99
	;;
tail:
	mov r6=r32
	break.i 0
	;;
func:
	alloc r33=ar.pfs,1,1,0,0
	;;
	add r8=r32,r32
	;;
	mov ar.pfs=r33
	br.ret.sptk.many b0
	;;
