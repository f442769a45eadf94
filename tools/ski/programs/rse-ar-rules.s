// Write and read rules of the RSE application registers: with RSC.mode != 0 (eager) reads and
// writes of BSPSTORE and RNAT and loadrs are Illegal Operation faults; a reserved RSC field is a
// Reserved Register/Field fault; ar.bsp cannot be written; RNAT{63} reads as 0; loadrs with
// RSC.loadrs != 0 needs an empty frame. A write of BSPSTORE with dirty registers moves BSP
// above the new address (counting its NaT-collection slot) and flushrs stores them there.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=3
	;;
	mov ar.rsc=r2
	;;
	mov r3=ar.bspstore
	;;
	mov r4=ar.rnat
	;;
	mov ar.bspstore=r0
	;;
	mov ar.rnat=r0
	;;
	loadrs
	;;
	mov r5=ar.rsc
	mov r6=0x20
	;;
	mov ar.rsc=r6
	;;
	mov ar.rsc=r0
	;;
	mov ar.bsp=r0
	;;
	mov r7=-1
	;;
	mov ar.rnat=r7
	;;
	mov r8=ar.rnat
	mov r10=0x8 << 16
	;;
	mov ar.rsc=r10
	;;
	loadrs
	;;
	mov ar.rsc=r0
	alloc r9=ar.pfs,0,8,0,0
	;;
	mov r32=0x720
	mov r33=0x721
	mov r34=0x722
	;;
	mov r35=0x723
	mov r36=0x724
	mov r37=0x725
	;;
	mov r38=0x726
	mov r39=0x727
	;;
	br.call.sptk.many b0=fn
	;;
	mov r20=ar.bsp
	mov r21=ar.bspstore
	add r22=r33,r38
	break.i 0
	;;
fn:
	alloc r9=ar.pfs,0,0,0,0
	movl r2=bstore+0x1f0
	;;
	mov ar.bspstore=r2
	;;
	mov r11=ar.bsp
	mov r12=ar.bspstore
	;;
	flushrs
	;;
	mov r13=ar.bspstore
	mov r14=ar.rnat
	movl r2=bstore+0x1f8
	;;
	ld8 r15=[r2],8
	;;
	ld8 r16=[r2]
	mov ar.pfs=r9
	;;
	br.ret.sptk.many b0
	;;
	.data
	.align 512
bstore:
	.skip 1024
