// flushrs stores the caller's frame; loadrs with RSC.loadrs = 0 drops every register below
// the (empty) current frame, and with RSC.loadrs = 16 loads the two top words back as dirty
// registers. The return then takes those two from the file and loads the rest from memory:
// a frame restored that is no longer held reads what memory holds now.
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
	mov r32=0x1020
	mov r33=0x1021
	mov r34=0x1022
	;;
	mov r35=0x1023
	mov r36=0x1024
	mov r37=0x1025
	;;
	mov r38=0x1026
	mov r39=0x1027
	;;
	br.call.sptk.many b0=fn1
	;;
	mov r11=ar.bsp
	mov r12=ar.bspstore
	;;
	break.i 0
	;;
fn1:
	alloc r9=ar.pfs,0,0,0,0
	;;
	flushrs
	;;
	mov r3=ar.bspstore
	mov r4=ar.bsp
	movl r2=bstore+48
	;;
	mov r5=0x777
	;;
	st8 [r2]=r5,8
	;;
	loadrs
	;;
	mov r6=ar.bspstore
	mov r7=0x10 << 16
	;;
	mov ar.rsc=r7
	;;
	loadrs
	;;
	mov r8=ar.bspstore
	mov r10=0x888
	;;
	st8 [r2]=r10,-48
	;;
	mov r13=0x999
	;;
	st8 [r2]=r13
	mov ar.rsc=r0
	;;
	mov ar.pfs=r9
	;;
	br.ret.sptk.many b0
	;;
	.data
	.align 512
bstore:
	.skip 1024
