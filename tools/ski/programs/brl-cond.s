// brl.cond (taken, predicated off, every hint) and brl.call with br.ret back.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r4=1
	cmp.eq p6,p7=r0,r0
	;;
	{ .mlx
	nop.m 0
	brl.sptk.few l1
	}
	;;
	mov r4=2
	;;
l1:	{ .mlx
	nop.m 0
(p7)	brl.cond.dpnt.many.clr l2
	}
	;;
	mov r5=3
	;;
l2:	{ .mlx
	nop.m 0
(p6)	brl.cond.spnt.few l3
	}
	;;
	mov r6=4
	;;
l3:	{ .mlx
	nop.m 0
	brl.call.dptk.many b1=callee
	}
back:	mov r7=b1
	mov r8=ar.pfs
	;;
	break.i 0
	;;
callee:	alloc r33=ar.pfs,0,2,0,0
	mov r9=5
	;;
	mov ar.pfs=r33
	;;
	br.ret.sptk.many b1
	;;
