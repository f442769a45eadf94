// Nested br.call / br.ret with alloc in each callee: the caller's outputs become the callee's
// inputs, ar.pfs saves the frame, the return restores it. Each alloc grows the frame only by
// its own target (README: exposed registers have no architectural value).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r32=11
	mov r33=22
	mov r36=44
	mov r37=55
	;;
	alloc r20=ar.pfs,4,2,2,0
	;;
	mov r38=66
	mov r39=77
	;;
	br.call.sptk.many b0=fn1
	;;
	mov r2=r32
	mov r3=r36
	mov r4=ar.pfs
	;;
	mov r7=r38
	mov r8=r39
	break.i 0
	;;
fn1:
	alloc r34=ar.pfs,2,1,0,0
	;;
	add r33=r32,r33
	mov r21=b0
	;;
	br.call.sptk.many b0=fn2
	;;
	mov r5=r33
	mov b0=r21
	mov ar.pfs=r34
	;;
	br.ret.sptk.many b0
	;;
fn2:
	alloc r32=ar.pfs,0,1,0,0
	;;
	mov r6=ar.pfs
	;;
	mov ar.pfs=r32
	;;
	br.ret.sptk.many b0
	;;
