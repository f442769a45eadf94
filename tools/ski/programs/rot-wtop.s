// A while loop with br.wtop: its qualifying predicate (computed each iteration) decides
// whether the kernel goes on; then ar.ec drains the epilogue. br.wtop always writes p63 = 0
// before rotating, and executes whatever its predicate.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	alloc r9=ar.pfs,0,16,0,8
	;;
	mov r32=r0
	mov r33=r0
	mov r34=r0
	;;
	mov r35=r0
	mov r36=r0
	mov r37=r0
	;;
	mov r38=r0
	mov r39=r0
	;;
	movl r2=src
	movl r3=dst
	mov r10=4
	;;
	mov ar.ec=3
	mov pr.rot=1<<16
	;;
loop:
	(p16) ld8 r32=[r2],8
	(p18) st8 [r3]=r34,8
	add r10=-1,r10
	;;
	cmp.lt p1,p0=r0,r10
	;;
	(p1) br.wtop.sptk.few loop
	;;
	mov r11=ar.ec
	mov r12=ar.lc
	movl r3=dst
	;;
	ld8 r13=[r3],8
	;;
	ld8 r14=[r3],8
	;;
	ld8 r15=[r3]
	break.i 0
	;;
	.data
	.align 8
src:
	data8 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88
dst:
	.skip 128
