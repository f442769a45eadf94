// The same pipelined loop closed by br.cexit (exit when the epilogue ends) and an
// unconditional branch back: br.cexit falls through while the loop goes on.
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
	mov r4=3
	;;
	mov ar.lc=r4
	mov ar.ec=2
	mov pr.rot=0x30000
	;;
loop:
	(p16) ld8 r32=[r2],8
	(p17) st8 [r3]=r33,8
	br.cexit.spnt.few done
	;;
	br.sptk.few loop
	;;
done:
	mov r10=ar.lc
	mov r11=ar.ec
	movl r3=dst
	;;
	ld8 r12=[r3],8
	;;
	ld8 r13=[r3],16
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
