// Unaligned Data Reference faults with PSR.ac = 1 (vector 0x5a00): a load and a store, each
// with IFA = the data address and ISR.r / ISR.w set.
	.include "lib/ivt.inc"
	.data
buf:	.skip 32
	.text
	.global _start
_start:
	START
	ssm psr.ac
	;;
	srlz.d
	;;
	movl r2=buf+3
	movl r3=buf+6
	;;
	ld8 r4=[r2]
	;;
	mov r5=1
	;;
	st4 [r3]=r5
	;;
	mov r6=2
	ld2 r7=[r3]
	;;
	mov r8=3
	break.i 0
	;;
