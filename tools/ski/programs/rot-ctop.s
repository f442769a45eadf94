// A software-pipelined copy loop with br.ctop: three stages (load, add, store) over rotating
// r32-r39 and the stage predicates p16-p18; ar.lc counts the kernel iterations, ar.ec the
// epilogue; every rotation renames the registers (CFM.rrb.gr/pr/fr) and writes p16.
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
	mov r4=5
	;;
	mov ar.lc=r4
	mov ar.ec=3
	mov pr.rot=1<<16
	;;
loop:
	(p16) ld8 r32=[r2],8
	(p18) st8 [r3]=r35,8
	(p17) add r34=r33,r33
	nop.m 0
	nop.i 0
	br.ctop.sptk.few loop
	;;
	mov r10=ar.lc
	mov r11=ar.ec
	movl r3=dst
	;;
	ld8 r12=[r3],8
	;;
	ld8 r13=[r3],8
	;;
	ld8 r14=[r3],40
	;;
	ld8 r15=[r3]
	// The final state: LC = 0 and EC = 0: br.ctop falls through without rotating.
	br.ctop.sptk.few loop
	;;
	break.i 0
	;;
	.data
	.align 8
src:
	data8 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88
dst:
	.skip 128
