// Predicated branches: br.cond taken and not taken, an indirect call through b2 and a nested
// call whose return restores the caller's frame from ar.pfs. (Every frame grows only into
// registers the same step defines: registers a growing frame exposes have no defined value.)
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=3
	;;
	cmp.eq p6,p7=3,r2
	;;
(p7)	br.cond.sptk.few skip1
(p6)	mov r3=1
	;;
(p6)	br.cond.sptk.few skip2
	mov r3=2
	;;
skip1:
	mov r4=3
	;;
skip2:
	alloc r33=ar.pfs,0,2,1,0
	movl r5=outer
	;;
	mov b2=r5
	mov r34=10
	;;
	br.call.sptk.many b1=b2
	;;
	mov r6=r8
	break.i 0
	;;
outer:
	alloc r33=ar.pfs,1,1,0,0
	mov r14=b1
	;;
	adds r15=1,r32
	br.call.sptk.many b0=inner
	;;
	mov b1=r14
	mov ar.pfs=r33
	;;
	br.ret.sptk.many b1
	;;
inner:
	alloc r32=ar.pfs,0,1,0,0
	;;
	shl r8=r15,2
	mov ar.pfs=r32
	br.ret.sptk.many b0
	;;
