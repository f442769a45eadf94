// ski: -alat
// ALAT entries are tagged by physical register: ld8.a r33 in the caller's frame; the callee
// (a new frame whose r32 is the caller's r36) misses on chk.a.nc r33 (another physical
// register) and allocates its own r33; after br.ret the caller's chk.a.nc r33 hits again and
// the callee's entry stays unseen; a store to the callee's address then removes only it.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	alloc r39=ar.pfs,0,4,4,0
	movl r2=0x300000
	mov r3=0x44
	;;
	st8 [r2]=r3,8
	;;
	st8 [r2]=r3,-8
	;;
	ld8.a r33=[r2]
	movl r10=callee
	;;
	mov b6=r10
	;;
	br.call.sptk.many b0=b6
	;;
	chk.a.nc r33,rec0
	;;
ok0:	adds r9=8,r2
	;;
	st8 [r9]=r0
	;;
	chk.a.nc r33,rec1
	;;
ok1:
	break.i 0
	;;
callee:
	alloc r35=ar.pfs,0,4,0,0
	;;
	chk.a.nc r33,rec2
	;;
ok2:	adds r34=8,r2
	;;
	ld8.a r33=[r34]
	;;
	chk.a.nc r33,rec3
	;;
ok3:	mov ar.pfs=r35
	;;
	br.ret.sptk.many b0
	;;
rec0:	dep r28=-1,r28,0,1
	br.sptk.many ok0
	;;
rec1:	dep r28=-1,r28,1,1
	br.sptk.many ok1
	;;
rec2:	dep r28=-1,r28,2,1
	br.sptk.many ok2
	;;
rec3:	dep r28=-1,r28,3,1
	br.sptk.many ok3
	;;
