// RSC.be = 1: the RSE stores and loads the backing store big-endian (data accesses stay
// little-endian): flushrs writes byte-swapped words, and the return loads them back.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=bstore
	;;
	mov ar.bspstore=r2
	;;
	alloc r9=ar.pfs,0,8,0,0
	;;
	movl r32=0x102030405060720
	movl r33=0x102030405060721
	movl r34=0x102030405060722
	;;
	movl r35=0x102030405060723
	movl r36=0x102030405060724
	movl r37=0x102030405060725
	;;
	movl r38=0x102030405060726
	movl r39=0x102030405060727
	;;
	br.call.sptk.many b0=fn
	;;
	mov r20=ar.bspstore
	add r21=r32,r39
	break.i 0
	;;
fn:
	alloc r9=ar.pfs,0,0,0,0
	mov r3=0x10
	;;
	mov ar.rsc=r3
	;;
	flushrs
	movl r2=bstore
	;;
	ld8 r4=[r2],8
	;;
	ld8 r5=[r2]
	mov r6=0x123
	;;
	st8 [r2]=r6
	;;
	loadrs
	;;
	mov ar.pfs=r9
	;;
	br.ret.sptk.many b0
	;;
	.data
	.align 512
bstore:
	.skip 1024
