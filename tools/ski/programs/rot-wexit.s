// A while loop closed by br.wexit: it falls through (and rotates) while its predicate is 1,
// then counts down ar.ec and leaves when the epilogue is done.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	alloc r9=ar.pfs,0,16,0,16
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
	mov r40=r0
	;;
	mov r41=r0
	mov r42=r0
	mov r43=r0
	;;
	mov r44=r0
	mov r45=r0
	mov r46=r0
	;;
	mov r47=r0
	;;
	movl r2=src
	movl r3=dst
	mov r10=3
	;;
	mov ar.ec=2
	mov pr.rot=-1<<16
	;;
loop:
	(p16) ld8 r32=[r2],8
	(p17) st8 [r3]=r33,8
	add r10=-1,r10
	;;
	cmp.lt p1,p0=r0,r10
	;;
	(p1) br.wexit.spnt.few done
	;;
	br.sptk.few loop
	;;
done:
	mov r11=ar.ec
	movl r3=dst
	;;
	ld8 r13=[r3],8
	;;
	ld8 r14=[r3]
	break.i 0
	;;
	.data
	.align 8
src:
	data8 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88
dst:
	.skip 128
