// PSR.dd: rfi with IPSR.dd = 1 lets the next instruction's data reference pass a matching
// data breakpoint; dd is cleared when it completes, so the same load right after faults.
	.include "lib/ivt.inc"
	.data
	.align 64
buf:	data8 1, 2, 3, 4, 5, 6, 7, 8
	.text
	.global _start
_start:
	START
	movl r10=buf
	movl r4=(1 << 63) | (1 << 56) | 0xffffffffffffff	// r, plm pl 0, exact
	;;
	mov r3=0
	;;
	mov dbr[r3]=r10
	mov r3=1
	;;
	mov dbr[r3]=r4
	rsm psr.ic
	;;
	srlz.d
	mov r28=psr
	movl r29=(1 << 39) | (1 << 24) | (1 << 13)	// dd, db, ic
	movl r2=with_dd
	;;
	or r28=r28,r29
	mov cr.iip=r2
	;;
	mov cr.ipsr=r28
	mov cr.ifs=r0
	;;
	rfi
	;;
with_dd:
	ld8 r5=[r10]		// dd = 1: no fault
	;;
	ld8 r6=[r10]		// Data Debug
	;;
	mov r7=psr
	break.i 0
	;;
