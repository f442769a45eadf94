// Recursion 14 calls deep, each frame 18 registers (8 inputs, 2 locals, 8 outputs computed
// from the inputs): the file overflows on the way down (mandatory stores at each alloc,
// crossing NaT collections) and underflows on the way back (current-frame loads after each
// br.ret), so every frame's values come back through the backing store.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=bstore
	;;
	mov ar.bspstore=r2
	;;
	alloc r9=ar.pfs,0,8,8,0
	;;
	mov r32=32
	mov r33=33
	mov r34=34
	;;
	mov r35=35
	mov r36=36
	mov r37=37
	;;
	mov r38=38
	mov r39=39
	mov r40=40
	;;
	mov r41=41
	mov r42=42
	mov r43=43
	;;
	mov r44=44
	mov r45=45
	mov r46=46
	;;
	mov r47=47
	;;
	br.call.sptk.many b0=fn
	;;
	mov r21=ar.bsp
	mov r22=ar.bspstore
	mov r23=ar.rnat
	break.i 0
	;;
fn:
	alloc r40=ar.pfs,8,2,8,0
	mov r41=b0
	add r42=1,r32
	;;
	add r43=r32,r33
	add r44=r33,r34
	add r45=r34,r35
	;;
	add r46=r35,r36
	add r47=r36,r37
	add r48=r37,r38
	;;
	add r49=r38,r39
	add r30=1,r30
	mov r10=ar.bspstore
	;;
	cmp.gt p5,p0=14,r30
	;;
	(p5) br.call.sptk.many b0=fn
	;;
	add r20=r20,r39
	mov b0=r41
	mov ar.pfs=r40
	;;
	br.ret.sptk.many b0
	;;
	.data
	.align 512
bstore:
	.skip 4096
